// The umbrella module: `import EmergencyReserve` gives a service every public module.
@_exported import LinearSolver
@_exported import GLPKBackend
@_exported import RoadNetwork
@_exported import ReserveModel
@_exported import BundleGraph
@_exported import BundleIO
@_exported import Response
@_exported import Planning
@_exported import Reports
@_exported import Ledger
@_exported import RoadImport
@_exported import Localization
// swift-log: the options take a `Logger`, so a service needs no dependency of its own
// to pass one (it still bootstraps the logging system itself).
@_exported import Logging

/// The library's version, shared by the CLI's `--version`.
public enum EmergencyReserveVersion {
    /// Semantic version of this release.
    public static let current = "0.1.0"
}
