import LinearSolver
import ReserveModel
import Response

/// A (depot, item) pair: the key of a first-stage stock level or agreement capacity.
struct DepotItem: Hashable, Comparable, Sendable {
    var depot: DepotID
    var item: ItemID
    init(_ depot: DepotID, _ item: ItemID) {
        self.depot = depot
        self.item = item
    }
    static func < (a: DepotItem, b: DepotItem) -> Bool { (a.depot, a.item) < (b.depot, b.item) }
}

/// What the plan's blocks share about the bundle: the items any scenario needs, the
/// depots whose stock may be planned and the suppliers that may be contracted.
struct PlanCatalogue {
    var neededItems = Set<ItemID>()
    var plannableDepots = Set<DepotID>()
    var agreementSuppliers = Set<DepotID>()
    let itemByID: [ItemID: Item]
    let depotByID: [DepotID: Depot]

    init(bundle: ReserveBundle, scenarios: [ScenarioGoods]) {
        for goods in scenarios { for need in goods.problem.needs { neededItems.insert(goods.problem.items[need.item].id) } }
        itemByID = Dictionary(uniqueKeysWithValues: bundle.items.map { ($0.id, $0) })
        depotByID = Dictionary(uniqueKeysWithValues: bundle.depots.map { ($0.id, $0) })
        for goods in scenarios {
            for (s, depot) in goods.sourceDepots.enumerated() {
                if goods.sourcePlannable[s] { plannableDepots.insert(depot) }
                if [.agreement, .delegated].contains(goods.problem.sources[s].kind) { agreementSuppliers.insert(depot) }
            }
        }
    }
}

/// A first-stage column of the plan (a stock level or an agreement capacity) with its key.
struct PlannedLevel: Sendable {
    var key: DepotItem
    var variable: Variable
    var depot: DepotID { key.depot }
    var item: ItemID { key.item }
}

/// Builds and solves the deterministic equivalent of the reserve-level program.
struct ReservePlanBuilder {
    let bundle: ReserveBundle
    let scenarios: [ScenarioGoods]
    let options: ReservePlanOptions

    var model = Model(name: "reserve-levels")
    /// First-stage stock level per (depot, item).
    var stockLevel: [DepotItem: Variable] = [:]
    /// The stock levels in the order their columns were made.
    var stockKeys: [PlannedLevel] = []
    /// Agreement capacity per (supplier, item).
    var contract: [DepotItem: Variable] = [:]
    /// The agreement capacities in the order their columns were made.
    var contractKeys: [PlannedLevel] = []
    var currentStock: [DepotItem: Double] = [:]
    var currentContract: [DepotItem: Double] = [:]
    var probability: [Double] = []
    /// Per scenario: weighted-shortfall expression (O1 of its dispatch) and the shipments.
    var scenarioShortfall: [LinearExpression] = []
    var scenarioShipments: [[(variable: Variable, key: DepotItem, area: Int)]] = []
    var scenarioNeeds: [[(variable: Variable, area: Int, item: Int, quantity: Double)]] = []
    var costExpression = LinearExpression()
    var purchase = LinearExpression(), holding = LinearExpression(), rotation = LinearExpression(), fees = LinearExpression()
    var buy: [ItemID: Variable] = [:]
    /// Every shipment column of every scenario (the columns column generation may leave out).
    var shipmentColumns = Set<Int32>()
    /// Whether the scenarios are kept apart (Benders by scenario) instead of embedded.
    var decomposed = false
    /// The scenarios' second stages when decomposed; their columns keep the offsets
    /// they would have in the deterministic equivalent, so one reader serves both.
    var subproblems: [ScenarioSubproblem] = []
    /// Each decomposed scenario's shortfall relaxation [B3], kept in the master.
    var relaxations: [ScenarioRelaxation] = []
    /// Each decomposed scenario's needs and the planned columns that reach them on time (for [H2]).
    var repairNeeds: [[PlanHeuristics.Need]] = []
    /// Second-stage rows and non-zeros the deterministic equivalent would add when decomposed.
    var equivalentRows = 0, equivalentNonZeros = 0

    init(bundle: ReserveBundle, scenarios: [ScenarioGoods], options: ReservePlanOptions) {
        self.bundle = bundle
        self.scenarios = scenarios
        self.options = options
    }

    /// The program of docs/formulation.md, block by block: first-stage stock levels
    /// [P1] and agreement capacities, depot capacity [P2], the cost of the change [P3],
    /// each scenario's dispatch coupled through its stock rows [P4] (or kept apart for
    /// the decomposition), and the budget [P5].
    mutating func build() throws(DispatchError) {
        let weights = scenarios.map { max(0, $0.scenario.weight) }
        let total = weights.reduce(0, +)
        probability = weights.map { total > 0 ? $0 / total : 1 / Double(scenarios.count) }
        for lot in bundle.stock { currentStock[DepotItem(lot.depot, lot.item), default: 0] += lot.quantity }
        let catalogue = PlanCatalogue(bundle: bundle, scenarios: scenarios)
        addStockLevels(catalogue)
        addContracts(catalogue)
        addCapacityRows(catalogue)
        addCostRows(catalogue)
        try addScenarios()
        addBudget()
    }

    /// [P1] first-stage stock levels with minimum-stock rules as lower bounds.
    mutating func addStockLevels(_ catalogue: PlanCatalogue) {
        let (plannableDepots, depotByID, neededItems, itemByID) = (catalogue.plannableDepots, catalogue.depotByID,
                                                                  catalogue.neededItems, catalogue.itemByID)
        for depotID in plannableDepots.sorted() {
            let depot = depotByID[depotID]
            for itemID in neededItems.sorted() {
                guard let item = itemByID[itemID] else { continue }
                var lower = 0.0
                for rule in options.minimumStock where depot?.level == rule.level {
                    lower = max(lower, item.norms.perPersonDay * rule.people * rule.days)
                }
                let key = DepotItem(depotID, itemID)
                let v = model.addVariable(options.integerStock ? .integer : .continuous, lowerBound: options.integerStock ? lower.rounded(.up) : lower,
                                          name: "s[\(depotID),\(itemID)]")
                stockLevel[key] = v
                stockKeys.append(PlannedLevel(key: key, variable: v))
            }
        }
    }

    /// Agreement capacity for the items each supplier already lists: it can grow (a
    /// fee on the increase), not shrink.
    mutating func addContracts(_ catalogue: PlanCatalogue) {
        let (agreementSuppliers, neededItems) = (catalogue.agreementSuppliers, catalogue.neededItems)
        for supplier in agreementSuppliers.sorted() {
            for itemID in neededItems.sorted() where (currentStock[DepotItem(supplier, itemID)] ?? 0) > 0 {
                let key = DepotItem(supplier, itemID)
                currentContract[key] = currentStock[key]
                let c = model.addVariable(name: "c[\(supplier),\(itemID)]")
                contract[key] = c
                contractKeys.append(PlannedLevel(key: key, variable: c))
            }
        }
    }

    /// [P2] depot capacity (volume, weight).
    mutating func addCapacityRows(_ catalogue: PlanCatalogue) {
        let (plannableDepots, depotByID, itemByID) = (catalogue.plannableDepots, catalogue.depotByID, catalogue.itemByID)
        for depotID in plannableDepots.sorted() {
            guard let depot = depotByID[depotID] else { continue }
            let held = stockKeys.filter { $0.depot == depotID }
            if depot.capacityM3 > 0 {
                model.addConstraint(sum(held) { k in (itemByID[k.item]?.unitVolumeM3 ?? 0) * k.variable }
                                    <= depot.capacityM3, name: "P2v[\(depotID)]")
            }
            if depot.capacityTonnes > 0 {
                model.addConstraint(sum(held) { k in (itemByID[k.item]?.unitWeightKg ?? 0) / 1000 * k.variable }
                                    <= depot.capacityTonnes, name: "P2w[\(depotID)]")
            }
        }
    }

    /// [P3] costs of the change: new units bought (their price, their first year's
    /// holding and rotation); stock may move between depots but not be thrown away;
    /// fees on added agreement capacity.
    mutating func addCostRows(_ catalogue: PlanCatalogue) {
        let (neededItems, itemByID) = (catalogue.neededItems, catalogue.itemByID)
        // holding and rotation); stock may move between depots but not be thrown away.
        for itemID in neededItems.sorted() {
            guard let item = itemByID[itemID] else { continue }
            let atDepots = stockKeys.filter { $0.item == itemID }
            guard !atDepots.isEmpty else { continue }
            let held = atDepots.reduce(0.0) { $0 + (currentStock[$1.key] ?? 0) }
            let b = model.addVariable(name: "buy[\(itemID)]")
            buy[itemID] = b
            let total = sum(atDepots) { $0.variable }
            model.addConstraint(total - b <= held, name: "P3[\(itemID)]")
            model.addConstraint(total >= held, name: "P3k[\(itemID)]")
            purchase.add(item.unitPriceYuan, b)
            holding.add(options.holdingRate * item.unitPriceYuan, b)
            if let days = item.shelfLifeDays, days > 0 { rotation.add(item.unitPriceYuan * 365 / days, b) }
        }
        // Agreement capacity can grow (fee on the increase), not shrink.
        for k in contractKeys {
            let c = k.variable
            let current = currentContract[k.key] ?? 0
            model.setBounds(c, lower: current, upper: .infinity)
            fees.add(options.contractFeeRate * (itemByID[k.item]?.unitPriceYuan ?? 0), c)
            fees.constant -= options.contractFeeRate * (itemByID[k.item]?.unitPriceYuan ?? 0) * current
        }
        costExpression = purchase + holding + rotation + fees
    }

    /// Second stage [P4]: each scenario's dispatch, coupled through its stock rows
    /// (embedded), or kept as a subproblem with its relaxation and repair data (decomposed).
    mutating func addScenarios() throws(DispatchError) {
        // Second stage: each scenario's dispatch, coupled through its stock rows [P4].
        var built: [GoodsModel] = []
        for goods in scenarios { built.append(try GoodsDispatcher().build(goods.problem)) }
        let firstStageColumns = model.variableCount
        let secondStageColumns = built.reduce(0) { $0 + $1.model.variableCount }
        switch options.decomposition {
        case .deterministicEquivalent: decomposed = false
        case .scenarios: decomposed = true
        case .automatic: decomposed = secondStageColumns > ReservePlanOptions.decompositionThreshold
        }
        var offset = Int32(firstStageColumns)
        // Stock beyond what the largest scenario could ship from a depot never lowers a
        // shortfall, and moving today's stock back is always allowed: in the
        // decomposition each level is capped at max(today, lower bound, that need), which
        // keeps the master bounded (docs/formulation.md, "Scenario decomposition").
        var usefulLevel: [Int32: Double] = [:]
        for (w, goods) in scenarios.enumerated() {
            let gm = built[w]
            let sub = gm.model
            var coupled: [Int32: (Variable, Double)] = [:]
            for row in gm.stockRows where !row.isProductionBatch {
                let s = row.source
                let key = DepotItem(goods.sourceDepots[s], goods.problem.items[row.item].id)
                if goods.sourcePlannable[s], let v = stockLevel[key] {
                    coupled[row.row.index] = (v, goods.sourceKeep[s])
                } else if let c = contract[key] {
                    coupled[row.row.index] = (c, goods.sourceKeep[s])
                }
            }
            var local = LinearExpression()
            var o1 = LinearExpression()
            var needs: [(variable: Variable, area: Int, item: Int, quantity: Double)] = []
            for (u, need) in gm.shortfalls where need.quantity > 0 {
                local.add(need.weight / need.quantity, u)
                let shifted = Variable(index: u.index + offset)
                o1.add(need.weight / need.quantity, shifted)
                needs.append((shifted, need.area, need.item, need.quantity))
            }
            if decomposed {
                var needOfItem: [Int: Double] = [:]
                for (_, need) in gm.shortfalls { needOfItem[need.item, default: 0] += need.quantity }
                for row in gm.stockRows where !row.isProductionBatch {
                    guard let (v, keep) = coupled[row.row.index], keep > 0 else { continue }
                    usefulLevel[v.index] = max(usefulLevel[v.index] ?? 0, (needOfItem[row.item] ?? 0) / keep)
                }
                relaxations.append(Self.relaxation(of: gm, coupled: coupled))
                repairNeeds.append(Self.repairNeeds(of: gm, coupled: coupled))
                var scenarioModel = sub
                scenarioModel.minimize(local)
                let links = coupled.keys.sorted().map { r in ScenarioSubproblem.Link(row: ConstraintRef(index: r), firstStage: coupled[r]!.0, keep: coupled[r]!.1) }
                subproblems.append(ScenarioSubproblem(model: scenarioModel, offset: offset, links: links))
                equivalentNonZeros += sub.nonZeroCount + links.count
                equivalentRows += sub.constraintCount
            } else {
                for j in 0..<sub.variableCount {
                    model.addVariable(sub.columnKinds[j], lowerBound: sub.columnLower[j], upperBound: sub.columnUpper[j])
                }
                for r in 0..<sub.constraintCount {
                    let ref = ConstraintRef(index: Int32(r))
                    let (indices, coefficients) = sub.terms(of: ref)
                    var e = LinearExpression()
                    e.reserveCapacity(indices.count + 1)
                    for (j, c) in zip(indices, coefficients) { e.add(c, Variable(index: j + offset)) }
                    if let (v, keep) = coupled[Int32(r)] {
                        e.add(-keep, v)
                        model.addConstraint(e <= 0, name: "P4[\(w),\(r)]")
                    } else {
                        model.addConstraint(e, lower: sub.rowLower[r], upper: sub.rowUpper[r])
                    }
                }
                for shipment in gm.shipments { shipmentColumns.insert(shipment.variable.index + offset) }
            }
            scenarioShortfall.append(o1)
            scenarioNeeds.append(needs)
            scenarioShipments.append(gm.shipments.filter(\.onTime).map { s in
                (Variable(index: s.variable.index + offset), DepotItem(goods.sourceDepots[s.source], goods.problem.items[s.item].id), s.area)
            })
            offset += Int32(sub.variableCount)
        }
        if decomposed {
            for (key, v) in stockLevel {
                let lower = model.columnLower[Int(v.index)]
                model.setBounds(v, lower: lower, upper: max(lower, currentStock[key] ?? 0, usefulLevel[v.index] ?? 0))
            }
            for (key, c) in contract {
                let lower = model.columnLower[Int(c.index)]
                model.setBounds(c, lower: lower, upper: max(lower, currentContract[key] ?? 0, usefulLevel[c.index] ?? 0))
            }
        }
    }

    /// [P5] the budget (not for the cost objective, which minimises the cost instead).
    mutating func addBudget() {
        if let budget = options.budgetYuan, options.objective != .cost {
            // [P5] budget
            model.addConstraint(costExpression <= budget, name: "P5")
        }
    }

    /// Expected weighted shortfall.
    var expectedShortfall: LinearExpression {
        var e = LinearExpression()
        for (w, o1) in scenarioShortfall.enumerated() { e.add(o1, scenarioShiftedBy: probability[w]) }
        return e
    }
}

extension LinearExpression {
    /// Adds `other` scaled by `factor` (named for readability in the planner).
    mutating func add(_ other: LinearExpression, scenarioShiftedBy factor: Double) { add(other, scaledBy: factor) }
}

extension ReservePlanBuilder {
    /// The [B3] relaxation of one scenario's dispatch: per item, up to `layers` layers of
    /// its needs by weight per unit (layer l: the needs weighing at least t_l, counted
    /// at t_l − t_{l−1}), each with the stock rows of every source with an on-time
    /// shipment to one of them (planned ones as terms, fixed ones as constants).
    static func relaxation(of gm: GoodsModel, coupled: [Int32: (Variable, Double)], layers: Int = 8) -> ScenarioRelaxation {
        let m = gm.model
        var isStockRow = Set<Int32>()
        for row in gm.stockRows { isStockRow.insert(row.row.index) }
        // Column → its stock row (a shipment is in exactly one).
        var stockRowOfColumn = [Int32](repeating: -1, count: m.variableCount)
        for r in isStockRow {
            for j in m.terms(of: ConstraintRef(index: r)).indices { stockRowOfColumn[Int(j)] = r }
        }
        // Stock rows that reach each need on time.
        var rowsOfNeed: [Int: Set<Int32>] = [:]
        for s in gm.shipments where s.onTime {
            let r = stockRowOfColumn[Int(s.variable.index)]
            if r >= 0 { rowsOfNeed[s.area * 1_000_003 + s.item, default: []].insert(r) }
        }
        var needsOfItem: [Int: [(unitWeight: Double, quantity: Double, rows: Set<Int32>)]] = [:]
        for (_, n) in gm.shortfalls where n.quantity > 0 {
            needsOfItem[n.item, default: []].append((n.weight / n.quantity, n.quantity, rowsOfNeed[n.area * 1_000_003 + n.item] ?? []))
        }
        var items: [ScenarioRelaxation.Item] = []
        for item in needsOfItem.keys.sorted() {
            let needs = needsOfItem[item]!
            // Thresholds t_1 < … < t_L among the needs' weights per unit (t_1 the least):
            // layer l holds the needs weighing at least t_l and counts t_l − t_{l−1}.
            let distinct = Array(Set(needs.map(\.unitWeight))).sorted()
            var thresholds: [Double] = []
            for l in 0..<min(layers, distinct.count) {
                let t = distinct[l * distinct.count / min(layers, distinct.count)]
                if thresholds.last != t { thresholds.append(t) }
            }
            var previous = 0.0
            for t in thresholds {
                defer { previous = t }
                var uncovered = 0.0
                var rows = Set<Int32>()
                for n in needs where n.unitWeight >= t {
                    uncovered += n.quantity
                    rows.formUnion(n.rows)
                }
                var terms: [Int32: Double] = [:]
                var bounded = true
                for r in rows.sorted() {
                    if let (v, keep) = coupled[r] {
                        terms[v.index, default: 0] += keep
                    } else if m.rowUpper[Int(r)].isFinite {
                        uncovered -= m.rowUpper[Int(r)]
                    } else {
                        bounded = false
                    }
                }
                guard bounded, uncovered > 1e-9 else { continue }
                items.append(ScenarioRelaxation.Item(weight: t - previous, uncovered: uncovered,
                                                     terms: terms.keys.sorted().map { ($0, terms[$0]!) }))
            }
        }
        return ScenarioRelaxation(items: items)
    }
}

extension ReservePlanBuilder {
    /// Each need of one scenario's dispatch with the planned columns of the sources that
    /// reach it on time, fastest arrival first (ties by column), for the repair [H2].
    static func repairNeeds(of gm: GoodsModel, coupled: [Int32: (Variable, Double)]) -> [PlanHeuristics.Need] {
        let m = gm.model
        var linkOfColumn = [Int32](repeating: -1, count: m.variableCount)
        for r in coupled.keys {
            for j in m.terms(of: ConstraintRef(index: r)).indices { linkOfColumn[Int(j)] = r }
        }
        var sourcesOfNeed: [Int: [(eta: Double, column: Int32, keep: Double)]] = [:]
        for s in gm.shipments where s.onTime {
            let r = linkOfColumn[Int(s.variable.index)]
            guard r >= 0, let (v, keep) = coupled[r] else { continue }
            sourcesOfNeed[s.area * 1_000_003 + s.item, default: []].append((s.etaHours, v.index, keep))
        }
        var needs: [PlanHeuristics.Need] = []
        for (u, need) in gm.shortfalls where need.quantity > 0 {
            guard let found = sourcesOfNeed[need.area * 1_000_003 + need.item] else { continue }
            var seen = Set<Int32>()
            let sources = found.sorted { ($0.eta, $0.column) < ($1.eta, $1.column) }
                .filter { seen.insert($0.column).inserted }
                .map { PlanHeuristics.Source(column: $0.column, keep: $0.keep) }
            needs.append(PlanHeuristics.Need(shortfall: u.index, sources: sources))
        }
        return needs
    }
}
