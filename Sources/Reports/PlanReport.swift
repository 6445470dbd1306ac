import Localization
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
    /// Renders the summary, the scenarios before/after and the changes in `language`.
    public static func render(_ r: PlanReport, language: Language = .en, width: Int? = TextTable.defaultWidth) -> String {
        let w = Wording(language)
        let yuan = w.yuan
        var out: [String] = []
        out.append(w("plan.objective", ["objective": w.name("objective", r.objectiveKind), "status": w.status(r.status)])
                   + (r.budgetYuan.map { w("plan.budget", ["budget": yuan($0)]) } ?? ""))
        out.append(w("plan.cost", ["total": yuan(r.cost.total), "purchase": yuan(r.cost.purchase), "holding": yuan(r.cost.holding),
                                   "rotation": yuan(r.cost.rotation), "contracts": yuan(r.cost.contracts)]))
        out.append(w("plan.shortfall", ["expectedBefore": ResponseText.format6(r.expectedShortfall.before),
                                        "expectedAfter": ResponseText.format6(r.expectedShortfall.after),
                                        "worstBefore": ResponseText.format6(r.worstShortfall.before),
                                        "worstAfter": ResponseText.format6(r.worstShortfall.after)]))
        out.append(w("plan.relief", ["before": w.percent(r.reliefCompliance.before), "after": w.percent(r.reliefCompliance.after)]))
        if let d = r.decomposition {
            out.append(w("plan.decomposition", ["iterations": "\(d.iterations)", "cuts": "\(d.cuts)", "solves": "\(d.scenarioSolves)",
                                                "gap": ResponseText.format6(d.relativeGap)]))
            for l in d.levels {
                out.append(w("plan.decompositionLevel", ["level": w.name("planLevel", l.name), "value": ResponseText.format6(l.value),
                                                         "bound": ResponseText.format6(l.bound),
                                                         "proven": w(l.proven ? "plan.proven" : "plan.notProven")]))
            }
        }
        out.append("")
        var scenarios = TextTable(columns: [.init(w("plan.scenario"), maxWidth: 30), .init(w("plan.probability"), alignment: .right),
                                            .init(w("plan.shortBefore"), alignment: .right), .init(w("plan.after"), alignment: .right),
                                            .init(w("plan.reliefBefore"), alignment: .right), .init(w("plan.after"), alignment: .right)])
        for s in r.scenarios.sorted(by: { Wording.naturalOrder($0.id.rawValue, $1.id.rawValue) }) {
            scenarios.append([s.id.rawValue, ResponseText.format6((s.probability * 1000).rounded() / 1000), ResponseText.format6((s.shortfallBefore * 1000).rounded() / 1000),
                              ResponseText.format6((s.shortfallAfter * 1000).rounded() / 1000), w.percent(s.reliefComplianceBefore), w.percent(s.reliefComplianceAfter)])
        }
        out.append(scenarios.render(width: width))
        out.append("")
        if !r.purchases.isEmpty {
            var buy = TextTable(columns: [.init(w("plan.buy"), maxWidth: 24), .init(w("plan.quantity"), alignment: .right),
                                          .init(w("plan.costColumn"), alignment: .right)])
            for p in r.purchases { buy.append([p.itemName, w.number(p.quantity), yuan(p.costYuan)]) }
            out.append(buy.render(width: width))
            out.append("")
        }
        var levels = TextTable(columns: [.init(w("plan.depot"), maxWidth: 30), .init(w("plan.item"), maxWidth: 20), .init(w("plan.now"), alignment: .right),
                                         .init(w("plan.plan"), alignment: .right), .init(w("plan.for"), maxWidth: 30)])
        for l in r.recommendedStock.prefix(40) {
            levels.append([l.depotName, l.itemName, w.number(l.current), w.number(l.recommended), l.drivenBy.map(\.rawValue).sorted(by: Wording.naturalOrder).joined(separator: ", ")])
        }
        out.append(w("plan.stockChanges", ["count": "\(r.recommendedStock.count)"]))
        out.append(levels.render(width: width))
        if r.recommendedStock.count > 40 { out.append(w("plan.more", ["count": "\(r.recommendedStock.count - 40)"])) }
        if !r.moves.isEmpty {
            out.append("")
            out.append(w("plan.moves", ["list": r.moves.prefix(10).map { "\($0.item) \(w.number($0.quantity)) \($0.from)→\($0.to)" }.joined(separator: "; ")]))
        }
        if !r.contracts.isEmpty {
            out.append("")
            out.append(w("plan.contracts", ["list": r.contracts.prefix(10).map { "\($0.supplier) \($0.item) \(w.number($0.current))→\(w.number($0.recommended))" }.joined(separator: "; ")]))
        }
        return out.joined(separator: "\n")
    }
}
