import NIOCore
import NIOPosix

/// Process-wide settings for the server, applied once at the very start of the program.
public enum ServerTuning {
    /// Runs Swift concurrency's jobs on NIO's event-loop threads instead of a second pool, so a request is
    /// not handed from thread to thread on its way through (measured with scripts/bench: fewer context
    /// switches and a shorter latency tail on a two-core machine). NIO requires this on the main thread,
    /// before any task starts.
    public static func runConcurrencyOnEventLoops() {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// Each argon2id hash allocates a 19 MiB block. glibc raises its mmap threshold after freeing such a
    /// block and then keeps later ones in the heap of every hashing thread, so resident memory grew by about
    /// 40 MB under sign-ins (scripts/bench). A fixed 1 MiB threshold hands those blocks back to the system.
    public static func returnLargeBlocksToTheSystem() {
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
