extension ReserveBundle {
    /// The bundle with its places (depot locations, area centroids, team bases) moved
    /// from the manifest's `coordinates` datum to WGS-84, and the manifest saying so.
    /// Road nodes are taken as WGS-84 already (imports write WGS-84). Identity for
    /// WGS-84 and CGCS2000 bundles.
    public func convertingPlacesToWGS84() -> ReserveBundle {
        guard let system = manifest.coordinates, system != .wgs84 else { return self }
        var out = self
        for i in out.depots.indices { out.depots[i].location = system.toWGS84(out.depots[i].location) }
        for i in out.areas.indices { out.areas[i].centroid = out.areas[i].centroid.map(system.toWGS84) }
        for i in out.teams.indices { out.teams[i].location = system.toWGS84(out.teams[i].location) }
        out.manifest.coordinates = nil
        return out
    }
}
