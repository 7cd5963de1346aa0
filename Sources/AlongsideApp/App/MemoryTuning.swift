/// Process-wide allocator settings for the server.
public enum MemoryTuning {
    /// Each argon2id hash allocates a 19 MiB block. glibc raises its mmap threshold after freeing such a
    /// block and then keeps later ones in the heap of every hashing thread, so resident memory grew by about
    /// 40 MB under sign-ins (scripts/bench). A fixed 1 MiB threshold hands those blocks back to the system.
    public static func apply() {
        #if os(Linux)
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD from <malloc.h>, which Swift's Glibc module leaves out
        _ = glibcMallopt(mmapThreshold, 1 << 20)
        #endif
    }
}

#if os(Linux)
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
