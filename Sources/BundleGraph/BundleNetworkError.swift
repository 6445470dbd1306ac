import ReserveModel

/// Why a bundle's road network, or a scenario's disruptions of it, cannot be used.
public enum BundleNetworkError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bundle has no road nodes.
    case noRoadNodes
    /// Road rows (0-based indices into `roadEdges`) that name an unknown node or have
    /// an unusable length or speed.
    case unusableRoads(rows: [Int])
    /// Road nodes whose coordinates are not valid WGS-84 positions.
    case invalidNodeCoordinates([RoadNodeID])
    /// A disruption's speed factor that is not a finite number ≥ 0.
    case invalidDisruptionFactor(incident: IncidentID, factor: Double)
    /// The network was built from another bundle (its roads, places or snapping
    /// distance differ): a caller's mistake, e.g. a cache keyed by the wrong bundle.
    case belongsToAnotherBundle(network: BundleFingerprint, bundle: BundleFingerprint)
    /// Several of the above, each listed.
    case several([BundleNetworkError])

    public var description: String {
        switch self {
        case .noRoadNodes: return "the bundle has no road nodes"
        case let .unusableRoads(rows):
            let shown = rows.prefix(30).map { "road \($0 + 1)" }.joined(separator: ", ")
            return "\(shown)\(rows.count > 30 ? " … (\(rows.count) in all)" : ""): unknown node, or an unusable length or speed"
        case let .invalidNodeCoordinates(ids):
            return "road nodes with invalid coordinates: \(ids.prefix(30).map(\.rawValue).joined(separator: ", "))"
        case let .invalidDisruptionFactor(incident, factor):
            return "incident \(incident): speed factor \(factor) is not a finite number ≥ 0"
        case let .belongsToAnotherBundle(network, bundle):
            return "the road network given was built from another bundle (fingerprint \(network), this bundle's \(bundle)); build it from this bundle"
        case let .several(errors):
            return errors.map { "  - \($0)" }.joined(separator: "\n")
        }
    }
}
