import BundleGraph
import LinearSolver
import ReserveModel
import Response
import RoadNetwork

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

    init(bundle: ReserveBundle, scenarios: [ScenarioGoods], scope: PlanScope) {
        for goods in scenarios { for need in goods.problem.needs { neededItems.insert(goods.problem.items[need.item].id) } }
        itemByID = Dictionary(uniqueKeysWithValues: bundle.items.map { ($0.id, $0) })
        depotByID = Dictionary(uniqueKeysWithValues: bundle.depots.map { ($0.id, $0) })
        for goods in scenarios {
            for (s, depot) in goods.sourceDepots.enumerated() {
                if goods.sourcePlannable[s] { plannableDepots.insert(depot) }
                if goods.problem.sources[s].kind == .agreement, let d = depotByID[depot], scope.contracts(d) {
                    agreementSuppliers.insert(depot)
                }
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

/// A first-stage move of an item from one depot to another.
struct PlannedMove: Sendable {
    var item: ItemID
    var from: DepotID
    var to: DepotID
    var variable: Variable
    var distanceKm: Double
    /// CNY per unit moved: tonnes per unit × (km × rate + handling).
    var unitCost: Double
}

/// Builds and solves the deterministic equivalent of the reserve-level program.
struct ReservePlanBuilder {
    let bundle: ReserveBundle
    let scenarios: [ScenarioGoods]
    var options: ReservePlanOptions
    let scope: PlanScope
    let network: BundleNetwork
    let costs: PlanningParameters

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
    var moveCost = LinearExpression()
    /// Units changed: moved, bought, contracted (the last level minimises it).
    var changeExpression = LinearExpression()
    /// Per item, one purchase column (no moves: [P3]) …
    var buy: [ItemID: Variable] = [:]
    /// … or one per depot (with moves: [P3m]).
    var depotBuy: [DepotItem: Variable] = [:]
    /// Moves between the scope's depots (with moves only).
    var moveColumns: [PlannedMove] = []
    /// Whether stock may move (and so be lowered); else levels only grow from today's.
    var movesAllowed = false
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
    /// First-stage columns (stock, contracts, purchases, moves) come first: this many.
    var firstStageColumnCount = 0
    /// Volume (m³) and weight (t) held at each planned depot by items the plan does not model.
    var fixedLoad: [DepotID: (volume: Double, tonnes: Double)] = [:]

    init(bundle: ReserveBundle, scenarios: [ScenarioGoods], options: ReservePlanOptions, scope: PlanScope, network: BundleNetwork) {
        self.bundle = bundle
        self.scenarios = scenarios
        self.options = options
        self.scope = scope
        self.network = network
        costs = options.costs(for: bundle)
    }

    /// The program of docs/formulation.md, block by block: first-stage stock levels
    /// [P1] and agreement capacities, depot capacity [P2], the cost of the change [P3]
    /// (with moves [P3m]), each scenario's dispatch coupled through its stock rows [P4]
    /// (or kept apart for the decomposition), and the budget [P5].
    mutating func build() throws(DispatchError) {
        let weights = scenarios.map { max(0, $0.scenario.weight) }
        let total = weights.reduce(0, +)
        probability = weights.map { total > 0 ? $0 / total : 1 / Double(scenarios.count) }
        for lot in bundle.stock { currentStock[DepotItem(lot.depot, lot.item), default: 0] += lot.quantity }
        // The call's deadline and stop switch are asked between blocks and scenarios
        // (SolveOptions.checkpoint): a program cut short is never solved.
        let call = options.solve
        var built: [GoodsModel] = []
        for goods in scenarios {
            try call.checkpoint(.modelBuilding)
            built.append(try GoodsDispatcher().build(goods.problem))
        }
        try call.checkpoint(.modelBuilding)
        let secondStageColumns = built.reduce(0) { $0 + $1.model.variableCount }
        switch options.decomposition {
        case .deterministicEquivalent: decomposed = false
        case .scenarios: decomposed = true
        case .automatic: decomposed = secondStageColumns > ReservePlanOptions.decompositionThreshold
        }
        movesAllowed = options.allowMoves && !decomposed
        let catalogue = PlanCatalogue(bundle: bundle, scenarios: scenarios, scope: scope)
        addStockLevels(catalogue)
        addContracts(catalogue)
        addCapacityRows(catalogue)
        if movesAllowed { try addMoveRows(catalogue) } else { addPurchaseRows(catalogue) }
        addContractFees(catalogue)
        costExpression = purchase + holding + rotation + fees + moveCost
        try call.checkpoint(.modelBuilding)
        try addScenarios(built)
        addBudget()
    }

    /// The least stock a rule asks of `depot` for `item`.
    func minimum(_ depot: Depot?, _ item: Item) -> Double {
        var lower = 0.0
        for rule in options.minimumStock where depot?.level == rule.level {
            lower = max(lower, item.norms.perPersonDay * rule.people * rule.days)
        }
        return lower
    }

    /// [P1] first-stage stock levels with minimum-stock rules as lower bounds (and,
    /// without moves, today's stock: levels only grow).
    mutating func addStockLevels(_ catalogue: PlanCatalogue) {
        let (plannableDepots, depotByID, neededItems, itemByID) = (catalogue.plannableDepots, catalogue.depotByID,
                                                                  catalogue.neededItems, catalogue.itemByID)
        for depotID in plannableDepots.sorted() {
            let depot = depotByID[depotID]
            for itemID in neededItems.sorted() {
                guard let item = itemByID[itemID] else { continue }
                let key = DepotItem(depotID, itemID)
                var lower = minimum(depot, item)
                if !movesAllowed { lower = max(lower, currentStock[key] ?? 0) }
                // Whole units are integer columns from the start only in the decomposition's
                // master; the deterministic equivalent solves the LP first and then searches
                // for whole units from its rounding (ReservePlanBuilder+WholePieces).
                let integer = options.integerStock && decomposed
                let v = model.addVariable(integer ? .integer : .continuous, lowerBound: integer ? lower.rounded(.up) : lower,
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

    /// [P2] depot capacity (volume, weight), counting everything in the depot: items the
    /// plan does not model stay and take their room (a constant on the row). A depot
    /// that is over capacity today may keep what it holds but receive nothing more.
    mutating func addCapacityRows(_ catalogue: PlanCatalogue) {
        let (plannableDepots, depotByID, itemByID) = (catalogue.plannableDepots, catalogue.depotByID, catalogue.itemByID)
        var fixed: [DepotID: (volume: Double, tonnes: Double)] = [:]
        for (key, q) in currentStock where plannableDepots.contains(key.depot) && !catalogue.neededItems.contains(key.item) {
            let item = itemByID[key.item]
            fixed[key.depot, default: (0, 0)].volume += q * (item?.unitVolumeM3 ?? 0)
            fixed[key.depot, default: (0, 0)].tonnes += q * (item?.unitWeightKg ?? 0) / 1000
        }
        fixedLoad = fixed
        for depotID in plannableDepots.sorted() {
            guard let depot = depotByID[depotID] else { continue }
            let held = stockKeys.filter { $0.depot == depotID }
            let other = fixed[depotID] ?? (0, 0)
            func today(_ per: (Item) -> Double) -> Double {
                held.reduce(0.0) { $0 + (currentStock[$1.key] ?? 0) * (itemByID[$1.item].map(per) ?? 0) }
            }
            if depot.capacityM3 > 0 {
                let room = max(depot.capacityM3 - other.volume, today(\.unitVolumeM3))
                model.addConstraint(sum(held) { k in (itemByID[k.item]?.unitVolumeM3 ?? 0) * k.variable } <= room, name: "P2v[\(depotID)]")
            }
            if depot.capacityTonnes > 0 {
                let room = max(depot.capacityTonnes - other.tonnes, today { $0.unitWeightKg / 1000 })
                model.addConstraint(sum(held) { k in (itemByID[k.item]?.unitWeightKg ?? 0) / 1000 * k.variable } <= room, name: "P2w[\(depotID)]")
            }
        }
    }

    /// What one new unit of `item` costs in its first year: price, holding, rotation.
    mutating func addPurchaseCost(_ item: Item, _ b: Variable) {
        purchase.add(item.unitPriceYuan, b)
        holding.add(costs.holdingRate * item.unitPriceYuan, b)
        if let days = item.shelfLifeDays, days > 0 { rotation.add(item.unitPriceYuan * 365 / days, b) }
        changeExpression.add(1, b)
    }

    /// [P3] without moves: new units bought per item (levels only grow, so
    /// Σ_d s_dk − b_k ≤ held; [P3k] Σ_d s_dk ≥ held is kept for the decomposition's heuristics).
    mutating func addPurchaseRows(_ catalogue: PlanCatalogue) {
        for itemID in catalogue.neededItems.sorted() {
            guard let item = catalogue.itemByID[itemID] else { continue }
            let atDepots = stockKeys.filter { $0.item == itemID }
            guard !atDepots.isEmpty else { continue }
            let held = atDepots.reduce(0.0) { $0 + (currentStock[$1.key] ?? 0) }
            let b = model.addVariable(name: "buy[\(itemID)]")
            buy[itemID] = b
            let total = sum(atDepots) { $0.variable }
            model.addConstraint(total - b <= held, name: "P3[\(itemID)]")
            model.addConstraint(total >= held, name: "P3k[\(itemID)]")
            addPurchaseCost(item, b)
        }
    }

    /// [P3m] with moves: per depot and item, s_dk = q_dk + moved in − moved out + bought,
    /// so nothing is thrown away; a move of item k from a to b costs
    /// m_k/1000 × (km_ab × rate + handling) per unit. Moves leave only depots that hold
    /// the item today, along the fastest road route between the two depots.
    mutating func addMoveRows(_ catalogue: PlanCatalogue) throws(DispatchError) {
        let depots = catalogue.plannableDepots.sorted()
        let km = try roadKilometres(between: depots)
        var inflow: [DepotItem: LinearExpression] = [:]
        for itemID in catalogue.neededItems.sorted() {
            guard let item = catalogue.itemByID[itemID] else { continue }
            let tonnes = item.unitWeightKg / 1000
            for (a, from) in depots.enumerated() where (currentStock[DepotItem(from, itemID)] ?? 0) > 0 {
                for (b, to) in depots.enumerated() where a != b {
                    guard let distance = km[a][b] else { continue }
                    let unitCost = tonnes * (distance * costs.moveYuanPerTonneKm + costs.moveHandlingYuanPerTonne)
                    let m = model.addVariable(name: "m[\(itemID),\(from),\(to)]")
                    moveColumns.append(PlannedMove(item: itemID, from: from, to: to, variable: m, distanceKm: distance, unitCost: unitCost))
                    moveCost.add(unitCost, m)
                    changeExpression.add(1, m)
                    inflow[DepotItem(to, itemID), default: LinearExpression()].add(1, m)
                    inflow[DepotItem(from, itemID), default: LinearExpression()].add(-1, m)
                }
            }
            for k in stockKeys where k.item == itemID {
                let b = model.addVariable(name: "buy[\(k.depot),\(itemID)]")
                depotBuy[k.key] = b
                addPurchaseCost(item, b)
                var row = LinearExpression(k.variable) - b
                if let flow = inflow[k.key] { row.add(flow, scaledBy: -1) }
                model.addConstraint(row == currentStock[k.key] ?? 0, name: "P3m[\(k.depot),\(itemID)]")
            }
        }
    }

    /// Road kilometres along the fastest route between every ordered pair of `depots`
    /// (access legs included); `nil` where no road connects them. Each search asks the
    /// call's deadline and stop switch.
    func roadKilometres(between depots: [DepotID]) throws(DispatchError) -> [[Double?]] {
        let snaps = depots.map { network.snaps.depots[$0] }
        var km = [[Double?]](repeating: [Double?](repeating: nil, count: depots.count), count: depots.count)
        let stop = options.solve.searchStop
        for (a, start) in snaps.enumerated() {
            try options.solve.checkpoint(.routing)
            guard let start else { continue }
            let tree: ShortestPathTree
            do { tree = try network.graph.travelTimes(from: start.node, stop: stop) } catch .stopped {
                throw options.solve.stopError
            } catch { continue }
            for (b, end) in snaps.enumerated() where a != b {
                guard let end, let route = tree.route(to: end.node, in: network.graph) else { continue }
                km[a][b] = route.length + start.distanceKm + end.distanceKm
            }
        }
        return km
    }

    /// Agreement capacity can grow (a yearly fee on the increase), not shrink.
    mutating func addContractFees(_ catalogue: PlanCatalogue) {
        for k in contractKeys {
            let c = k.variable
            let current = currentContract[k.key] ?? 0
            let rate = costs.contractFeeRate * (catalogue.itemByID[k.item]?.unitPriceYuan ?? 0)
            model.setBounds(c, lower: current, upper: .infinity)
            fees.add(rate, c)
            fees.constant -= rate * current
            changeExpression.add(1, c)
            changeExpression.constant -= current
        }
    }

    /// Second stage [P4]: each scenario's dispatch, coupled through its stock rows
    /// (embedded), or kept as a subproblem with its relaxation and repair data (decomposed).
    mutating func addScenarios(_ built: [GoodsModel]) throws(DispatchError) {
        let firstStageColumns = model.variableCount
        firstStageColumnCount = firstStageColumns
        var offset = Int32(firstStageColumns)
        // Stock beyond what the largest scenario could ship from a depot never lowers a
        // shortfall, and moving today's stock back is always allowed: in the
        // decomposition each level is capped at max(today, lower bound, that need), which
        // keeps the master bounded (docs/formulation.md, "Scenario decomposition").
        var usefulLevel: [Int32: Double] = [:]
        for (w, goods) in scenarios.enumerated() {
            try options.solve.checkpoint(.modelBuilding)
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
