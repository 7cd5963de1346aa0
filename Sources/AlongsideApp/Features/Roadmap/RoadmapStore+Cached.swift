extension RoadmapStore {
    /// The graph with its analysis, read and worked out once per change to the data rather than on every page that
    /// shows it (`DerivedCache`).
    func graph(cachedIn derived: DerivedCache) async throws -> RoadmapGraph {
        try await derived.value(for: derived.key("roadmap/graph")) { try await graph() }
    }

    /// The suggested order through the cycles (ELS, sifting and restarts: a few milliseconds on the national roadmap),
    /// worked out once per change to the data, like the graph it is worked out from.
    func suggestedOrder(cachedIn derived: DerivedCache) async throws -> SuggestedOrder.Result {
        try await derived.value(for: derived.key("roadmap/suggested-order")) {
            try await graph(cachedIn: derived).suggestedOrder()
        }
    }
}
