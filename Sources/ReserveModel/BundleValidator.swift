import Dispatch

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
        checkEffects(bundle, index, &c)
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
///
/// Road nodes are hashed once each and every road end once; the checks that need
/// them (unknown ends, duplicate node ids, disrupted roads that do not exist) use
/// the integer indices found here rather than hashing the ids again.
struct BundleIndex {
    var areas: [AreaID: Int] = [:]
    var depots: [DepotID: Int] = [:]
    var items: [ItemID: Int] = [:]
    var teams: [TeamID: Int] = [:]
    var nodes: [RoadNodeID: Int] = [:]
    var policies: [PolicyID: Int] = [:]
    var scenarios: [ScenarioID: Int] = [:]
    /// Node index of each road's start and end (first node with that id), -1 when
    /// the id is not in the nodes table.
    var roadFrom: [Int32] = []
    var roadTo: [Int32] = []
    /// Node records whose id repeats an earlier one: (record, first record).
    var repeatedNodes: [(index: Int, first: Int)] = []
    /// Roads touching each node, both directions, in CSR form over `roadFrom`/`roadTo`.
    private var firstNeighbour: [Int32] = []
    private var neighbours: [Int32] = []

    init(_ b: ReserveBundle) {
        // First occurrence wins; duplicates are reported separately.
        for (i, a) in b.areas.enumerated() where areas[a.id] == nil { areas[a.id] = i }
        for (i, d) in b.depots.enumerated() where depots[d.id] == nil { depots[d.id] = i }
        for (i, it) in b.items.enumerated() where items[it.id] == nil { items[it.id] = i }
        for (i, t) in b.teams.enumerated() where teams[t.id] == nil { teams[t.id] = i }
        for (i, p) in b.manifest.policies.enumerated() where policies[p.id] == nil { policies[p.id] = i }
        for (i, s) in b.scenarios.enumerated() where scenarios[s.id] == nil { scenarios[s.id] = i }
        nodes.reserveCapacity(b.roadNodes.count)
        for (i, n) in b.roadNodes.enumerated() {
            let first = Self.claim(&nodes[n.id, default: -1], i)
            if first != i { repeatedNodes.append((i, first)) }
        }
        (roadFrom, roadTo) = Self.resolve(b.roadEdges, in: nodes)
        buildNeighbours(nodeCount: b.roadNodes.count)
    }

    /// Node indices of every road's ends, -1 for an unknown id. The look-ups only
    /// read the finished map, so large tables are done in two parallel halves.
    private static func resolve(_ edges: [RoadEdgeRecord], in nodes: [RoadNodeID: Int]) -> ([Int32], [Int32]) {
        let m = edges.count
        let slices = m >= 50_000 ? 2 : 1
        var from = [Int32](repeating: -1, count: m), to = [Int32](repeating: -1, count: m)
        from.withUnsafeMutableBufferPointer { fromBuffer in
            to.withUnsafeMutableBufferPointer { toBuffer in
                let f = DisjointWrites(fromBuffer), t = DisjointWrites(toBuffer)
                DispatchQueue.concurrentPerform(iterations: slices) { k in
                    // Road files list a node's roads together (a way's segments chain,
                    // a grid's two roads leave the same node): comparing with the last
                    // road's ends first saves a random read of a table that, at
                    // national scale (2 M nodes), misses the cache on every look-up.
                    var last: (from: RoadNodeID, fromIndex: Int32, to: RoadNodeID, toIndex: Int32)?
                    func index(_ id: RoadNodeID) -> Int32 {
                        if let last {
                            if id == last.from { return last.fromIndex }
                            if id == last.to { return last.toIndex }
                        }
                        return nodes[id].map { Int32(truncatingIfNeeded: $0) } ?? -1
                    }
                    for i in (m * k / slices)..<(m * (k + 1) / slices) {
                        let e = edges[i]
                        let a = index(e.from), b = index(e.to)
                        f.set(i, a)
                        t.set(i, b)
                        last = (e.from, a, e.to, b)
                    }
                }
            }
        }
        return (from, to)
    }

    /// The slot's index, set to `new` when the slot is empty (-1): one hash per id.
    private static func claim(_ slot: inout Int, _ new: Int) -> Int {
        if slot < 0 { slot = new }
        return slot
    }

    /// Counting sort of the known road ends by node.
    private mutating func buildNeighbours(nodeCount n: Int) {
        var first = [Int32](repeating: 0, count: n + 1)
        for k in roadFrom.indices where roadFrom[k] >= 0 && roadTo[k] >= 0 {
            first[Int(roadFrom[k]) + 1] += 1
            first[Int(roadTo[k]) + 1] += 1
        }
        for u in 0..<n { first[u + 1] += first[u] }
        var next = first
        var list = [Int32](repeating: 0, count: Int(first[n]))
        for k in roadFrom.indices where roadFrom[k] >= 0 && roadTo[k] >= 0 {
            let a = Int(roadFrom[k]), b = Int(roadTo[k])
            list[Int(next[a])] = Int32(b); next[a] += 1
            list[Int(next[b])] = Int32(a); next[b] += 1
        }
        firstNeighbour = first
        neighbours = list
    }

    /// Whether a road (either direction) joins the nodes with these ids.
    func hasRoad(between a: RoadNodeID, and b: RoadNodeID) -> Bool {
        guard let i = nodes[a], let j = nodes[b] else { return false }
        return neighbours[Int(firstNeighbour[i])..<Int(firstNeighbour[i + 1])].contains(Int32(j))
    }
}

/// Accumulates problems with small helpers for the checks every table repeats.
///
/// A problem is a code and its arguments (``ValidationProblem``); the sentences are
/// `problem.<code>` in the Localization strings tables. A field a numeric rule is
/// about is named by a phrase key (`what.depot.capacity_m3`), so the rule's sentence
/// is written once per language.
struct ProblemCollector {
    var problems: [ValidationProblem] = []

    mutating func error(_ ref: RecordReference, _ code: String, _ arguments: [String: String] = [:]) {
        problems.append(ValidationProblem(severity: .error, subject: ref, code: code, arguments: arguments))
    }

    mutating func warning(_ ref: RecordReference, _ code: String, _ arguments: [String: String] = [:]) {
        problems.append(ValidationProblem(severity: .warning, subject: ref, code: code, arguments: arguments))
    }

    /// The largest quantity a bundle may hold (people, units, yuan, tonnes, hours…).
    /// Nothing real comes near it, and below it every product the models and reports
    /// form stays finite and every whole number fits an Int: hostile values such as
    /// 1e300 are errors here instead of +∞ or a trap later (RELIABILITY.md).
    static let largestQuantity = 1e15

    /// Finite, ≥ 0 (or > 0 when `positive`) and at most ``largestQuantity``. `what` is
    /// the phrase key of the field and `names` the ids it names; they are only
    /// built for a problem: interpolating for each of 400k valid road rows cost a
    /// tenth of validation.
    mutating func number(_ value: Double, _ ref: @autoclosure () -> RecordReference, _ what: @autoclosure () -> String,
                         _ names: @autoclosure () -> [String: String] = [:], positive: Bool = false) {
        func fail(_ code: String) {
            var arguments = names()
            arguments["whatKey"] = "what." + what()
            arguments["value"] = Self.format(value)
            error(ref(), code, arguments)
        }
        if !value.isFinite {
            fail("number.notFinite")
        } else if positive ? !(value > 0) : value < 0 {
            fail(positive ? "number.notPositive" : "number.negative")
        } else if value > Self.largestQuantity {
            fail("number.tooLarge")
        }
    }

    mutating func optionalNumber(_ value: Double?, _ ref: @autoclosure () -> RecordReference, _ what: @autoclosure () -> String,
                                 _ names: @autoclosure () -> [String: String] = [:], positive: Bool = false) {
        if let value { number(value, ref(), what(), names(), positive: positive) }
    }

    /// Latitude and longitude in range; `owner` is `area`, `depot`, `team` or `node`.
    mutating func point(_ p: GeoPoint, _ table: BundleTable, _ index: Int, owner: String, id: String) {
        if !p.lat.isFinite || !(-90...90).contains(p.lat) {
            error(RecordReference(table: table, index: index, column: "lat"), "point.latitude",
                  ["ownerKey": "owner." + owner, "id": id, "value": Self.format(p.lat)])
        }
        if !p.lon.isFinite || !(-180...180).contains(p.lon) {
            error(RecordReference(table: table, index: index, column: "lon"), "point.longitude",
                  ["ownerKey": "owner." + owner, "id": id, "value": Self.format(p.lon)])
        }
    }

    /// Reports every id that occurs more than once, at each repeat; `owner` names
    /// the kind of record (`area`, `depot` …).
    mutating func duplicates<ID: Hashable & CustomStringConvertible>(_ ids: [ID], _ table: BundleTable, column: String = "id", owner: String) {
        var seen: [ID: Int] = [:]
        for (i, id) in ids.enumerated() {
            if let first = seen[id] {
                error(RecordReference(table: table, index: i, column: column), "id.repeated",
                      ["nounKey": "noun." + owner, "id": "\(id)", "first": "\(first + 1)"])
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
