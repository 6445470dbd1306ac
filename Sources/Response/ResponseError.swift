import BundleGraph
/// Why a scenario's response could not be computed. A scenario that cannot be fully
/// served is not an error: it is a response with shortfalls.
public enum ResponseError: Error, Sendable, CustomStringConvertible {
    /// No scenario with this id in the bundle.
    case unknownScenario(String, available: [String])
    /// No policy with this id in bundle.json (asked for in ``ResponseOptions/policy``).
    case unknownPolicy(String, available: [String])
    /// The bundle's road network, or a scenario's disruptions of it, cannot be used.
    case invalidNetwork(BundleNetworkError)
    /// The optimisation failed.
    case dispatch(DispatchError)

    public var description: String {
        switch self {
        case let .unknownScenario(id, available):
            return "no scenario '\(id)' in the bundle (it has: \(available.joined(separator: ", ")))"
        case let .unknownPolicy(id, available):
            return "no policy '\(id)' in bundle.json (it has: \(available.joined(separator: ", ")))"
        case let .invalidNetwork(error):
            return "the road network cannot be used: \(error)"
        case let .dispatch(error):
            return error.description
        }
    }
}
