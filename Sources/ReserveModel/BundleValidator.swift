/// Checks a bundle and returns every problem at once, errors and warnings apart.
///
/// ```swift
/// let report = BundleValidator().validate(bundle)
/// for problem in report.problems { print(problem) }
/// ```
/// The validator never throws and never stops at the first problem: planners fix
/// a spreadsheet in one pass, not one error per run.
public struct BundleValidator: Sendable {
    /// Stock expiring within this many days of the reference date is a warning.
    public var expiryWarningDays: Int
    /// The reference date for expiry; nil = the manifest's `reference_date`.
    public var referenceDate: CalendarDate?
    /// How to measure distance to the road network; nil = a nearest-node search
    /// over the bundle's own node rows.
    public var snapper: (any RoadSnapper)?
    /// Where problems are shown.
    public var locator: any ProblemLocator

    /// Creates a validator.
    public init(expiryWarningDays: Int = 30, referenceDate: CalendarDate? = nil,
                snapper: (any RoadSnapper)? = nil, locator: any ProblemLocator = JSONPathLocator()) {
        self.expiryWarningDays = expiryWarningDays
        self.referenceDate = referenceDate
        self.snapper = snapper
        self.locator = locator
    }

    /// Every problem of `bundle`.
    public func validate(_ bundle: ReserveBundle) -> ValidationReport {
        var c = ProblemCollector()
        let index = BundleIndex(bundle)
        checkManifest(bundle, index, &c)
        checkAreas(bundle, index, &c)
        checkDepots(bundle, index, &c)
        checkItems(bundle, &c)
        checkStock(bundle, index, &c)
        checkTeams(bundle, index, &c)
        checkFleet(bundle, index, &c)
        checkRoads(bundle, index, &c)
        checkSnapping(bundle, &c)
        checkScenarios(bundle, index, &c)
        let located = c.problems.map { p -> ValidationProblem in
            var p = p
            p.location = locator.locate(p.subject)
            return p
        }
        return ValidationReport(problems: located)
    }
}

/// Id → index maps built once, so reference checks are O(1).
struct BundleIndex {
    var areas: [AreaID: Int] = [:]
    var depots: [DepotID: Int] = [:]
    var items: [ItemID: Int] = [:]
    var teams: [TeamID: Int] = [:]
    var nodes: [RoadNodeID: Int] = [:]
    var policies: [PolicyID: Int] = [:]
    var scenarios: [ScenarioID: Int] = [:]
    var edges: Set<NodePair> = []

    init(_ b: ReserveBundle) {
        // First occurrence wins; duplicates are reported separately.
        for (i, a) in b.areas.enumerated() where areas[a.id] == nil { areas[a.id] = i }
        for (i, d) in b.depots.enumerated() where depots[d.id] == nil { depots[d.id] = i }
        for (i, it) in b.items.enumerated() where items[it.id] == nil { items[it.id] = i }
        for (i, t) in b.teams.enumerated() where teams[t.id] == nil { teams[t.id] = i }
        for (i, n) in b.roadNodes.enumerated() where nodes[n.id] == nil { nodes[n.id] = i }
        for (i, p) in b.manifest.policies.enumerated() where policies[p.id] == nil { policies[p.id] = i }
        for (i, s) in b.scenarios.enumerated() where scenarios[s.id] == nil { scenarios[s.id] = i }
        edges.reserveCapacity(b.roadEdges.count * 2)
        for e in b.roadEdges {
            edges.insert(NodePair(from: e.from, to: e.to))
            edges.insert(NodePair(from: e.to, to: e.from))
        }
    }
}

/// Accumulates problems with small helpers for the checks every table repeats.
struct ProblemCollector {
    var problems: [ValidationProblem] = []

    mutating func error(_ ref: RecordReference, _ message: String) {
        problems.append(ValidationProblem(severity: .error, subject: ref, message: message))
    }

    mutating func warning(_ ref: RecordReference, _ message: String) {
        problems.append(ValidationProblem(severity: .warning, subject: ref, message: message))
    }

    /// The largest quantity a bundle may hold (people, units, yuan, tonnes, hours…).
    /// Nothing real comes near it, and below it every product the models and reports
    /// form stays finite and every whole number fits an Int: hostile values such as
    /// 1e300 are errors here instead of +∞ or a trap later (RELIABILITY.md).
    static let largestQuantity = 1e15

    /// Finite, ≥ 0 (or > 0 when `positive`) and at most ``largestQuantity``.
    mutating func number(_ value: Double, _ ref: RecordReference, _ what: String, positive: Bool = false) {
        if !value.isFinite {
            error(ref, "\(what) must be a finite number, not \(value).")
        } else if positive ? !(value > 0) : value < 0 {
            error(ref, "\(what) must be \(positive ? "greater than 0" : "0 or more"), not \(Self.format(value)).")
        } else if value > Self.largestQuantity {
            error(ref, "\(what) must be at most 10^15, not \(Self.format(value)).")
        }
    }

    mutating func optionalNumber(_ value: Double?, _ ref: RecordReference, _ what: String, positive: Bool = false) {
        if let value { number(value, ref, what, positive: positive) }
    }

    mutating func point(_ p: GeoPoint, _ table: BundleTable, _ index: Int, _ what: String) {
        if !p.lat.isFinite || !(-90...90).contains(p.lat) {
            error(RecordReference(table: table, index: index, column: "lat"),
                  "\(what) has latitude \(Self.format(p.lat)), outside −90…90.")
        }
        if !p.lon.isFinite || !(-180...180).contains(p.lon) {
            error(RecordReference(table: table, index: index, column: "lon"),
                  "\(what) has longitude \(Self.format(p.lon)), outside −180…180.")
        }
    }

    /// Reports every id that occurs more than once, at each repeat.
    mutating func duplicates<ID: Hashable & CustomStringConvertible>(_ ids: [ID], _ table: BundleTable, column: String = "id", noun: String) {
        var seen: [ID: Int] = [:]
        for (i, id) in ids.enumerated() {
            if let first = seen[id] {
                error(RecordReference(table: table, index: i, column: column),
                      "\(noun) id '\(id)' is used twice (first at record \(first + 1)).")
            } else {
                seen[id] = i
            }
        }
    }

    static func format(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}
