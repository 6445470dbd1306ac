// The project's modules that read outside input (the root package's
// EmergencyReserveReaders product), re-exported so that each target imports only
// FuzzSupport. Not the EmergencyReserve umbrella: that one brings the ledger's
// SwiftNIO and GRDB, which the sanitizer build would compile and instrument too.
@_exported import BundleGraph
@_exported import BundleIO
@_exported import GLPKBackend
@_exported import LinearSolver
@_exported import Planning
@_exported import ReserveModel
@_exported import RoadImport
@_exported import RoadNetwork
