import Localization
import Planning
import ReserveModel

/// The JSON document of `reserve plan` (schema version 4, docs/formats.md).
public struct PlanReport: Codable, Sendable, Equatable {
    /// Schema version (3 added `itemShortfalls`, 4 `wholePieces`).
    public var schemaVersion = 4
    /// The areas whose bureau the plan is for (their depots and their sub-areas' change).
    public var scope: [AreaID]
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
    /// The shortfall per item in the item's unit (units short by their deadlines).
    public var itemShortfalls: [ItemShortfall]
    public var model: Size
    /// `deterministic equivalent` or `scenario decomposition`.
    public var method: String
    /// Master solves, cuts and scenario solves of the scenario decomposition (absent otherwise).
    public var decomposition: Decomposition?
    /// The search for whole pieces when the LP plan split a piece: the LP's level 1 (a
    /// bound) and the gap to it; `null` when the LP plan was already whole or fractions
    /// were asked for (`--fractional-pieces`).
    @Nullable public var wholePieces: WholePieces?

    public struct WholePieces: Codable, Sendable, Equatable {
        /// Integer columns: stock levels, moves and agreement capacities of items counted in pieces.
        public var integerColumns: Int
        /// Level 1 (weighted shortfall; the floor for `cost`) of the LP plan: no whole-piece plan is better.
        @Nullable public var levelOneLPBound: Double?
        /// The whole-piece plan's level 1 minus that bound, in the same unit (≥ 0).
        @Nullable public var levelOneGap: Double?
        /// Level 1 of the rounding heuristic's plan, where branch and bound started.
        @Nullable public var roundedLevelOne: Double?
        /// Branch-and-bound nodes over all levels (0: the scenario decomposition only rounds).
        public var nodes: Int
        /// Whether a level stopped at the node limit before its gap closed.
        public var nodeLimitReached: Bool
    }

    public struct Decomposition: Codable, Sendable, Equatable {
        public var iterations: Int, cuts: Int, scenarioSolves: Int
        /// The objective's gap (0 when proven).
        public var relativeGap: Double
        /// Each level of the lexicographic objective: its value, the master's bound, whether proven.
        public var levels: [Level]
        public struct Level: Codable, Sendable, Equatable { public var name: String, value: Double, bound: Double, proven: Bool }
    }
    public struct Cost: Codable, Sendable, Equatable { public var purchase, holding, rotation, contracts, moves, total: Double }
    /// Why a change is recommended: per scenario, the areas it serves and the units of
    /// the item no longer short by the deadline there (dispatch before minus after).
    public struct Reason: Codable, Sendable, Equatable {
        public struct Gain: Codable, Sendable, Equatable {
            public var scenario: ScenarioID, areas: [AreaID], shortfallCovered: Double, shortfallRemoved: Double
        }
        public var gains: [Gain]
        /// Σ probability × units the changed stock delivers by the deadline, in the item's unit.
        public var expectedShortfallCovered: Double
        /// Σ probability × units of the item no longer short there by dispatch.
        public var expectedShortfallRemoved: Double
        init(_ r: ReservePlan.Reason) {
            gains = r.gains.map { Gain(scenario: $0.scenario, areas: $0.areas, shortfallCovered: stable($0.shortfallCovered),
                                       shortfallRemoved: stable($0.shortfallRemoved)) }
            expectedShortfallCovered = stable(r.expectedShortfallCovered)
            expectedShortfallRemoved = stable(r.expectedShortfallRemoved)
        }
    }
    public struct Level: Codable, Sendable, Equatable {
        public var depot: DepotID, depotName: String, item: ItemID, itemName: String, unit: String
        public var current: Double, recommended: Double, change: Double, drivenBy: [ScenarioID]
        public var reason: Reason
    }
    public struct Purchase: Codable, Sendable, Equatable { public var item: ItemID, itemName: String, quantity: Double, costYuan: Double }
    public struct Move: Codable, Sendable, Equatable {
        public var item: ItemID, itemName: String, unit: String, from: DepotID, fromName: String, to: DepotID, toName: String
        public var quantity: Double, distanceKm: Double, costYuan: Double, reason: Reason
    }
    public struct Contract: Codable, Sendable, Equatable {
        public var supplier: DepotID, supplierName: String, item: ItemID, itemName: String, unit: String
        public var current: Double, recommended: Double, reason: Reason
    }
    public struct Scenario: Codable, Sendable, Equatable {
        public var id: ScenarioID, probability: Double, shortfallBefore: Double, shortfallAfter: Double
        public var reliefComplianceBefore: Double, reliefComplianceAfter: Double
        /// The plan model's own shortfall with the recommended stock (its scenario LPs end at the latest deadline).
        public var modelShortfallAfter: Double
    }
    public struct BeforeAfter: Codable, Sendable, Equatable { public var before: Double, after: Double }
    public struct ItemShortfall: Codable, Sendable, Equatable {
        public var item: ItemID, itemName: String, unit: String
        /// Σ probability × units short by the deadline, and the most in one scenario.
        public var expected: BeforeAfter, worst: BeforeAfter
    }
    public struct Size: Codable, Sendable, Equatable { public var rows: Int, columns: Int, nonZeros: Int }

    /// Builds the document of `plan`, which knows its objective and budget.
    ///
    /// ```swift
    /// let plan = try ReservePlanner(options: options).plan(bundle, network: network)
    /// let bytes = try PlanReport(plan, bundle: bundle).jsonData()   // what `reserve plan --json` prints
    /// ```
    public init(_ plan: ReservePlan, bundle: ReserveBundle) {
        self.init(plan, bundle: bundle, objective: plan.objectiveKind, budget: plan.budgetYuan)
    }

    /// Builds the document with the objective and budget given (a budget frontier's
    /// point, whose plan may be carried from a smaller budget).
    public init(_ p: ReservePlan, bundle: ReserveBundle, objective kind: ReservePlanObjective, budget: Double?) {
        let items = Dictionary(uniqueKeysWithValues: bundle.items.map { ($0.id, $0) })
        let depots = Dictionary(uniqueKeysWithValues: bundle.depots.map { ($0.id, $0) })
        scope = p.scope
        status = p.status.rawValue
        objectiveKind = kind.rawValue
        objective = p.objective.map(stable)
        budgetYuan = budget
        cost = Cost(purchase: stable(p.cost.purchase), holding: stable(p.cost.holding), rotation: stable(p.cost.rotation),
                    contracts: stable(p.cost.contracts), moves: stable(p.cost.moves), total: stable(p.cost.total))
        recommendedStock = p.levels.map { l in
            Level(depot: l.depot, depotName: depots[l.depot]?.name ?? l.depot.rawValue, item: l.item, itemName: items[l.item]?.name ?? l.item.rawValue,
                  unit: items[l.item]?.unit ?? "", current: stable(l.current), recommended: stable(l.recommended),
                  change: stable(l.recommended - l.current), drivenBy: l.drivenBy, reason: Reason(l.reason))
        }
        purchases = p.purchases.sorted { $0.key < $1.key }.map { k, quantity in
            Purchase(item: k, itemName: items[k]?.name ?? k.rawValue, quantity: stable(quantity),
                     costYuan: stable(quantity * (items[k]?.unitPriceYuan ?? 0)))
        }
        moves = p.moves.map { m in
            Move(item: m.item, itemName: items[m.item]?.name ?? m.item.rawValue, unit: items[m.item]?.unit ?? "",
                 from: m.from, fromName: depots[m.from]?.name ?? m.from.rawValue, to: m.to, toName: depots[m.to]?.name ?? m.to.rawValue,
                 quantity: stable(m.quantity), distanceKm: stable(m.distanceKm), costYuan: stable(m.costYuan), reason: Reason(m.reason))
        }
        contracts = p.contracts.map { c in
            Contract(supplier: c.supplier, supplierName: depots[c.supplier]?.name ?? c.supplier.rawValue, item: c.item,
                     itemName: items[c.item]?.name ?? c.item.rawValue, unit: items[c.item]?.unit ?? "",
                     current: stable(c.current), recommended: stable(c.recommended), reason: Reason(c.reason))
        }
        scenarios = p.scenarios.map { Scenario(id: $0.scenario, probability: stable($0.probability), shortfallBefore: stable($0.shortfallBefore),
                                               shortfallAfter: stable($0.shortfallAfter), reliefComplianceBefore: stable($0.complianceBefore),
                                               reliefComplianceAfter: stable($0.complianceAfter),
                                               modelShortfallAfter: stable($0.modelShortfallAfter)) }
        expectedShortfall = BeforeAfter(before: stable(p.expectedShortfallBefore), after: stable(p.expectedShortfallAfter))
        worstShortfall = BeforeAfter(before: stable(p.worstShortfallBefore), after: stable(p.worstShortfallAfter))
        itemShortfalls = p.itemShortfalls.map { i in
            ItemShortfall(item: i.item, itemName: items[i.item]?.name ?? i.item.rawValue, unit: items[i.item]?.unit ?? "",
                          expected: BeforeAfter(before: stable(i.expectedBefore), after: stable(i.expectedAfter)),
                          worst: BeforeAfter(before: stable(i.worstBefore), after: stable(i.worstAfter)))
        }
        let compliance = { (f: (ReservePlan.ScenarioOutcome) -> Double) in p.scenarios.reduce(0.0) { $0 + $1.probability * f($1) } }
        reliefCompliance = BeforeAfter(before: stable(compliance(\.complianceBefore)), after: stable(compliance(\.complianceAfter)))
        model = Size(rows: p.rows, columns: p.columns, nonZeros: p.nonZeros)
        method = p.decomposition == nil ? "deterministic equivalent" : "scenario decomposition"
        wholePieces = p.wholePieces.map { w in
            var gap: Double?
            if let value = w.levelOne, let bound = w.levelOneLPBound { gap = stable(max(0, value - bound)) }
            return WholePieces(integerColumns: w.integerColumns, levelOneLPBound: w.levelOneLPBound.map(stable), levelOneGap: gap,
                               roundedLevelOne: w.roundedLevelOne.map(stable), nodes: w.nodes, nodeLimitReached: w.nodeLimitReached)
        }
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
                                   "rotation": yuan(r.cost.rotation), "contracts": yuan(r.cost.contracts), "moves": yuan(r.cost.moves)]))
        out.append(w("plan.scope", ["scope": r.scope.map(\.rawValue).joined(separator: ", ")]))
        if let whole = r.wholePieces, let bound = whole.levelOneLPBound, let gap = whole.levelOneGap {
            // Items counted in pieces are whole: how far that puts level 1 from the LP's bound.
            // Named by what level 1 is (the worst scenario's shortfall for a robust plan),
            // and said to be the planning model's: the figures below are dispatch's.
            let level = w(r.objectiveKind == ReservePlanObjective.robust.rawValue ? "plan.levelOne.worst" : "plan.levelOne.expected")
            let key = whole.nodeLimitReached ? "plan.wholePiecesLimit" : gap == 0 ? "plan.wholePiecesSame" : "plan.wholePieces"
            out.append(w(key, ["columns": String(whole.integerColumns), "bound": ResponseText.format6(bound), "level": level,
                               "gap": ResponseText.format6(gap), "nodes": String(whole.nodes)]))
        }
        out.append(w("plan.shortfall", ["expectedBefore": ResponseText.format6(r.expectedShortfall.before),
                                        "expectedAfter": ResponseText.format6(r.expectedShortfall.after),
                                        "worstBefore": ResponseText.format6(r.worstShortfall.before),
                                        "worstAfter": ResponseText.format6(r.worstShortfall.after)]))
        out.append(w("plan.shortfallMeaning"))
        if !r.itemShortfalls.isEmpty {
            // The weighted figures in each item's own unit.
            out.append("           " + w("plan.itemShortfallTitle"))
            var items = TextTable(columns: [.init(w("plan.item"), maxWidth: 20), .init(w("plan.expectedShort"), alignment: .right),
                                            .init(w("plan.after"), alignment: .right), .init(w("plan.worstShort"), alignment: .right),
                                            .init(w("plan.after"), alignment: .right)])
            for i in r.itemShortfalls {
                func units(_ x: Double) -> String { w.number(x) + " " + i.unit }
                items.append([i.itemName, units(i.expected.before), units(i.expected.after), units(i.worst.before), units(i.worst.after)])
            }
            out.append(items.render(width: width).split(separator: "\n", omittingEmptySubsequences: false).map { "           " + $0 }
                .joined(separator: "\n"))
        }
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
        // Every change is listed (a bureau acts on each); the JSON has the same rows.
        func gain(_ g: PlanReport.Reason, unit: String) -> String {
            guard !g.gains.isEmpty else { return "" }
            let scenarios = g.gains.map(\.scenario.rawValue).sorted(by: Wording.naturalOrder).joined(separator: ", ")
            return "\(w.number(g.expectedShortfallCovered)) \(unit) — \(scenarios)"
        }
        func depot(_ name: String, _ id: DepotID) -> String { "\(name) (\(id.rawValue))" }
        var levels = TextTable(columns: [.init(w("plan.depot"), maxWidth: 60), .init(w("plan.item"), maxWidth: 20), .init(w("plan.now"), alignment: .right),
                                         .init(w("plan.plan"), alignment: .right), .init(w("plan.gain"), maxWidth: 48)])
        for l in r.recommendedStock {
            levels.append([depot(l.depotName, l.depot), l.itemName, w.number(l.current), w.number(l.recommended), gain(l.reason, unit: l.unit)])
        }
        out.append(w("plan.stockChanges", ["count": "\(r.recommendedStock.count)"]))
        out.append(levels.render(width: width))
        if !r.moves.isEmpty {
            out.append("")
            out.append(w("plan.moves", ["count": "\(r.moves.count)"]))
            var moves = TextTable(columns: [.init(w("plan.item"), maxWidth: 16), .init(w("plan.quantity"), alignment: .right),
                                            .init(w("plan.from"), maxWidth: 60), .init(w("plan.to"), maxWidth: 60),
                                            .init(w("plan.km"), alignment: .right), .init(w("plan.costColumn"), alignment: .right),
                                            .init(w("plan.gain"), maxWidth: 40)])
            for m in r.moves {
                moves.append([m.itemName, w.number(m.quantity), depot(m.fromName, m.from), depot(m.toName, m.to),
                              w.number(m.distanceKm), yuan(m.costYuan), gain(m.reason, unit: m.unit)])
            }
            out.append(moves.render(width: width))
        }
        if !r.contracts.isEmpty {
            out.append("")
            out.append(w("plan.contractsTitle", ["count": "\(r.contracts.count)"]))
            var contracts = TextTable(columns: [.init(w("plan.supplier"), maxWidth: 60), .init(w("plan.item"), maxWidth: 20),
                                                .init(w("plan.now"), alignment: .right), .init(w("plan.plan"), alignment: .right),
                                                .init(w("plan.gain"), maxWidth: 48)])
            for c in r.contracts {
                contracts.append([depot(c.supplierName, c.supplier), c.itemName, w.number(c.current), w.number(c.recommended), gain(c.reason, unit: c.unit)])
            }
            out.append(contracts.render(width: width))
        }
        return out.joined(separator: "\n")
    }
}
