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

    /// Creates a loaded bundle.
    public init(bundle: ReserveBundle, readProblems: [ValidationProblem], locator: any ProblemLocator, isComplete: Bool) {
        self.bundle = bundle
        self.readProblems = readProblems
        self.locator = locator
        self.isComplete = isComplete
    }

    /// Read problems plus every validation problem, each located in the files.
    ///
    /// When the bundle has roads, the RoadNetwork graph is built from them: its
    /// snapping answers the "cannot be snapped" rule (unless `validator` brings its
    /// own snapper), and places that snap into a cut-off part of the network are
    /// reported as warnings.
    public func validate(_ validator: BundleValidator = BundleValidator()) -> ValidationReport {
        var report = ValidationReport(problems: readProblems.map { p in
            var p = p
            if p.location == ProblemLocation() { p.location = locator.locate(p.subject) }
            return p
        })
        guard isComplete else { return report }
        var v = validator
        v.locator = locator
        let built = bundle.roadNodes.isEmpty ? nil : bundle.roadGraph()
        if v.snapper == nil, let graph = built?.graph, graph.coordinates != nil {
            v.snapper = RoadGraphSnapper(graph: graph)
        }
        report.append(contentsOf: v.validate(bundle))
        if let built, !report.hasErrors {
            report.problems += RoadNetworkChecks.problems(bundle, built).map { p in
                var p = p
                p.location = locator.locate(p.subject)
                return p
            }
        }
        return report
    }
}
