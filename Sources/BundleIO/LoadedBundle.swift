import BundleGraph
import ReserveModel
import RoadNetwork

/// A bundle as read from disk, with the problems found while reading and the
/// locator that turns record references into file places.
public struct LoadedBundle: Sendable {
    /// The data (tables that could not be read are empty).
    public var bundle: ReserveBundle
    /// Problems found while reading (bad numbers, missing columns, unreadable files).
    public var readProblems: [ValidationProblem]
    /// Maps problems to `file:line:column` or JSON paths.
    public var locator: any ProblemLocator
    /// False when the manifest or a whole document could not be read, so further
    /// checks would only report its consequences.
    public var isComplete: Bool
    /// The areas' outlines from the optional areas GeoJSON, for maps.
    public var areaBoundaries: [AreaBoundary]

    /// Creates a loaded bundle.
    public init(bundle: ReserveBundle, readProblems: [ValidationProblem], locator: any ProblemLocator, isComplete: Bool,
                areaBoundaries: [AreaBoundary] = []) {
        self.bundle = bundle
        self.readProblems = readProblems
        self.locator = locator
        self.isComplete = isComplete
        self.areaBoundaries = areaBoundaries
    }

    /// Read problems plus every validation problem, each located in the files.
    public func validate(_ validator: BundleValidator = BundleValidator()) -> ValidationReport {
        validated(validator).report
    }

    /// Validates the bundle and, when it has no errors, hands on its road network:
    /// one pass that builds the graph and snaps every place once, for the checks and
    /// for every later phase.
    ///
    /// When the bundle has roads, the graph's snaps answer the "cannot be snapped"
    /// rule (unless `validator` brings its own snapper), and places that snap into a
    /// cut-off part of the network are reported as warnings.
    public func validated(_ validator: BundleValidator = BundleValidator()) -> ValidatedBundle {
        var report = ValidationReport(problems: readProblems.map { p in
            var p = p
            if p.location == ProblemLocation() { p.location = locator.locate(p.subject) }
            return p
        })
        guard isComplete else { return ValidatedBundle(bundle: bundle, report: report, network: nil, areaBoundaries: areaBoundaries) }
        var v = validator
        v.locator = locator
        let built = bundle.roadNodes.isEmpty ? nil : bundle.roadGraph()
        let network = built.map { BundleNetwork(graph: $0.graph, bundle: bundle) }
        if v.snapper == nil, let network, network.graph.coordinates != nil {
            v.snapper = PrecomputedSnapper(graph: network.graph, snaps: network.snaps)
        }
        report.append(contentsOf: v.validate(bundle))
        guard let network, !report.hasErrors else {
            return ValidatedBundle(bundle: bundle, report: report, network: nil, areaBoundaries: areaBoundaries)
        }
        report.problems += RoadNetworkChecks.problems(bundle, network).map { p in
            var p = p
            p.location = locator.locate(p.subject)
            return p
        }
        return ValidatedBundle(bundle: bundle, report: report, network: network, areaBoundaries: areaBoundaries)
    }
}

/// A bundle after validation: its problems and, when it has none that are errors
/// and has roads, the road network built (once) while validating it.
public struct ValidatedBundle: Sendable {
    /// The data.
    public let bundle: ReserveBundle
    /// Every problem found, errors and warnings.
    public let report: ValidationReport
    /// The bundle's road network with every place snapped; `nil` when the bundle
    /// has errors or no roads.
    public let network: BundleNetwork?
    /// The areas' outlines from the optional areas GeoJSON (empty without it).
    public let areaBoundaries: [AreaBoundary]
}
