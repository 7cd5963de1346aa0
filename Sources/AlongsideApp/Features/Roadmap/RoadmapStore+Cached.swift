extension RoadmapStore {
    /// The graph with its analysis, read and worked out once per change to the data rather than on every page that
    /// shows it (`DerivedCache`).
    func graph(cachedIn derived: DerivedCache) async throws -> RoadmapGraph {
        try await derived.value(for: derived.key("roadmap/graph")) { try await graph() }
    }
}
