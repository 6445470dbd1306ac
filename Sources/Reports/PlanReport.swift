import Planning
import ReserveModel

/// The JSON document of `reserve plan` (schema version 1, docs/formats.md).
public struct PlanReport: Codable, Sendable, Equatable {
    public var schemaVersion = 1
    /// `optimal`, `feasible`, …
    public var status: String
    /// `shortfall`, `cost` or `robust`.
    public var objectiveKind: String
    /// The first level's value (expected or worst weighted shortfall), or the cost for `cost`.
    public var objective: Double?
    public var budgetYuan: Double?
    public var cost: Cost
    public var recommendedStock: [Level]
    public var purchases: [Purchase]
    public var moves: [Move]
    public var contracts: [Contract]
    public var scenarios: [Scenario]
    public var expectedShortfall: BeforeAfter, worstShortfall: BeforeAfter, reliefCompliance: BeforeAfter
    public var model: Size
    /// `deterministic equivalent` or `scenario decomposition`.
    public var method: String
    /// Master solves, cuts and scenario solves of the scenario decomposition (absent otherwise).
    public var decomposition: Decomposition?

    public struct Decomposition: Codable, Sendable, Equatable {
        public var iterations: Int, cuts: Int, scenarioSolves: Int
        /// The objective's gap (0 when proven).
        public var relativeGap: Double
        /// Each level of the lexicographic objective: its value, the master's bound, whether proven.
        public var levels: [Level]
        public struct Level: Codable, Sendable, Equatable { public var name: String, value: Double, bound: Double, proven: Bool }
    }
    public struct Cost: Codable, Sendable, Equatable { public var purchase, holding, rotation, contracts, total: Double }
    public struct Level: Codable, Sendable, Equatable {
        public var depot: DepotID, depotName: String, item: ItemID, itemName: String, unit: String
        public var current: Double, recommended: Double, change: Double, drivenBy: [ScenarioID]
    }
    public struct Purchase: Codable, Sendable, Equatable { public var item: ItemID, itemName: String, quantity: Double, costYuan: Double }
    public struct Move: Codable, Sendable, Equatable { public var item: ItemID, from: DepotID, to: DepotID, quantity: Double }
    public struct Contract: Codable, Sendable, Equatable { public var supplier: DepotID, item: ItemID, current: Double, recommended: Double }
    public struct Scenario: Codable, Sendable, Equatable {
        public var id: ScenarioID, probability: Double, shortfallBefore: Double, shortfallAfter: Double
        public var reliefComplianceBefore: Double, reliefComplianceAfter: Double
    }
    public struct BeforeAfter: Codable, Sendable, Equatable { public var before: Double, after: Double }
    public struct Size: Codable, Sendable, Equatable { public var rows: Int, columns: Int, nonZeros: Int }

    /// Builds the document.
    public init(_ p: ReservePlan, bundle: ReserveBundle, objective kind: ReservePlanObjective, budget: Double?) {
        let items = Dictionary(uniqueKeysWithValues: bundle.items.map { ($0.id, $0) })
        let depots = Dictionary(uniqueKeysWithValues: bundle.depots.map { ($0.id, $0) })
        status = p.status.rawValue
        objectiveKind = kind.rawValue
        objective = p.objective.map(stable)
        budgetYuan = budget
        cost = Cost(purchase: stable(p.cost.purchase), holding: stable(p.cost.holding), rotation: stable(p.cost.rotation),
                    contracts: stable(p.cost.contracts), total: stable(p.cost.total))
        recommendedStock = p.levels.map { l in
            Level(depot: l.depot, depotName: depots[l.depot]?.name ?? l.depot.rawValue, item: l.item, itemName: items[l.item]?.name ?? l.item.rawValue,
                  unit: items[l.item]?.unit ?? "", current: stable(l.current), recommended: stable(l.recommended),
                  change: stable(l.recommended - l.current), drivenBy: l.drivenBy)
        }
        purchases = p.purchases.sorted { $0.key < $1.key }.map { k, quantity in
            Purchase(item: k, itemName: items[k]?.name ?? k.rawValue, quantity: stable(quantity),
                     costYuan: stable(quantity * (items[k]?.unitPriceYuan ?? 0)))
        }
        moves = p.moves.map { Move(item: $0.item, from: $0.from, to: $0.to, quantity: stable($0.quantity)) }
        contracts = p.contracts.map { Contract(supplier: $0.supplier, item: $0.item, current: stable($0.current), recommended: stable($0.recommended)) }
        scenarios = p.scenarios.map { Scenario(id: $0.scenario, probability: stable($0.probability), shortfallBefore: stable($0.shortfallBefore),
                                               shortfallAfter: stable($0.shortfallAfter), reliefComplianceBefore: stable($0.complianceBefore),
                                               reliefComplianceAfter: stable($0.complianceAfter)) }
        expectedShortfall = BeforeAfter(before: stable(p.expectedShortfallBefore), after: stable(p.expectedShortfallAfter))
        worstShortfall = BeforeAfter(before: stable(p.worstShortfallBefore), after: stable(p.worstShortfallAfter))
        let compliance = { (f: (ReservePlan.ScenarioOutcome) -> Double) in p.scenarios.reduce(0.0) { $0 + $1.probability * f($1) } }
        reliefCompliance = BeforeAfter(before: stable(compliance(\.complianceBefore)), after: stable(compliance(\.complianceAfter)))
        model = Size(rows: p.rows, columns: p.columns, nonZeros: p.nonZeros)
        method = p.decomposition == nil ? "deterministic equivalent" : "scenario decomposition"
        decomposition = p.decomposition.map { Decomposition(iterations: $0.iterations, cuts: $0.cuts, scenarioSolves: $0.scenarioSolves,
                                                            relativeGap: stable($0.relativeGap),
                                                            levels: $0.levels.map { Decomposition.Level(name: $0.name, value: stable($0.value),
                                                                                                        bound: stable($0.bound), proven: $0.proven) }) }
    }
}

/// The terminal report of `reserve plan`.
public enum PlanText {
    /// Renders the summary, the scenarios before/after and the changes.
    public static func render(_ r: PlanReport) -> String {
        var out: [String] = []
        out.append("Objective  \(r.objectiveKind) (\(r.status))" + (r.budgetYuan.map { ", budget ¥\(ResponseText.number($0))" } ?? ""))
        out.append("Cost       ¥\(ResponseText.number(r.cost.total)): purchase ¥\(ResponseText.number(r.cost.purchase)), holding ¥\(ResponseText.number(r.cost.holding)), rotation ¥\(ResponseText.number(r.cost.rotation)), contracts ¥\(ResponseText.number(r.cost.contracts))")
        out.append("Shortfall  expected \(ResponseText.format6(r.expectedShortfall.before)) → \(ResponseText.format6(r.expectedShortfall.after)), worst \(ResponseText.format6(r.worstShortfall.before)) → \(ResponseText.format6(r.worstShortfall.after))")
        out.append("Relief     areas meeting the target \(ResponseText.percent(r.reliefCompliance.before)) → \(ResponseText.percent(r.reliefCompliance.after)) (probability-weighted)")
        if let d = r.decomposition {
            out.append("Solved     by scenario decomposition (Benders): \(d.iterations) master solves, \(d.cuts) cuts, \(d.scenarioSolves) scenario dispatches, gap \(ResponseText.format6(d.relativeGap))")
            for l in d.levels {
                out.append("           \(l.name): \(ResponseText.format6(l.value)), bound \(ResponseText.format6(l.bound))\(l.proven ? " (proven)" : " (not proven)")")
            }
        }
        out.append("")
        var scenarios = TextTable(columns: [.init("scenario", maxWidth: 24), .init("p", alignment: .right), .init("short before", alignment: .right),
                                            .init("after", alignment: .right), .init("relief before", alignment: .right), .init("after", alignment: .right)])
        for s in r.scenarios {
            scenarios.append([s.id.rawValue, ResponseText.format6((s.probability * 1000).rounded() / 1000), ResponseText.format6((s.shortfallBefore * 1000).rounded() / 1000),
                              ResponseText.format6((s.shortfallAfter * 1000).rounded() / 1000), ResponseText.percent(s.reliefComplianceBefore), ResponseText.percent(s.reliefComplianceAfter)])
        }
        out.append(scenarios.render())
        out.append("")
        if !r.purchases.isEmpty {
            var buy = TextTable(columns: [.init("buy", maxWidth: 20), .init("quantity", alignment: .right), .init("cost", alignment: .right)])
            for p in r.purchases { buy.append([p.itemName, ResponseText.number(p.quantity), "¥" + ResponseText.number(p.costYuan)]) }
            out.append(buy.render())
            out.append("")
        }
        var levels = TextTable(columns: [.init("depot", maxWidth: 18), .init("item", maxWidth: 12), .init("now", alignment: .right),
                                         .init("plan", alignment: .right), .init("for", maxWidth: 16)])
        for l in r.recommendedStock.prefix(40) {
            levels.append([l.depotName, l.itemName, ResponseText.number(l.current), ResponseText.number(l.recommended), l.drivenBy.map(\.rawValue).joined(separator: ",")])
        }
        out.append("Stock changes (\(r.recommendedStock.count))")
        out.append(levels.render())
        if r.recommendedStock.count > 40 { out.append("  … \(r.recommendedStock.count - 40) more (use --json)") }
        if !r.moves.isEmpty {
            out.append("")
            out.append("Moves instead of purchases: " + r.moves.prefix(10).map { "\($0.item) \(ResponseText.number($0.quantity)) \($0.from)→\($0.to)" }.joined(separator: "; "))
        }
        if !r.contracts.isEmpty {
            out.append("")
            out.append("Agreement capacity: " + r.contracts.prefix(10).map { "\($0.supplier) \($0.item) \(ResponseText.number($0.current))→\(ResponseText.number($0.recommended))" }.joined(separator: "; "))
        }
        return out.joined(separator: "\n")
    }
}
