import ReserveModel
import LinearSolver

/// A source as the model sees it: a physical source, or one production batch.
struct VirtualSource {
    var origin: Int
    /// When loading can start, hours.
    var readyHours: Double
    /// Units available by item (index into problem.items).
    var quantities: [(item: Int, quantity: Double)]
    /// Tonnes this batch can hold across its items (production with a shared output).
    var tonnage: Double? = nil
}

/// One shipment variable x_sak.
struct Arc {
    var variable: Variable
    var virtualSource: Int
    var route: Int
    var need: Int
    /// When the load leaves its source, hours from the scenario start.
    var departureHours: Double
    var etaHours: Double
    var onTime: Bool
}

/// The built model and everything needed to read its solution.
struct BuiltGoodsModel {
    var model: Model
    var levels: [LexicographicObjective]
    var virtualSources: [VirtualSource]
    var arcs: [Arc]
    /// Need index → merged (area, item, quantity, weight).
    var needs: [GoodsProblem.Need]
    var shortByDeadline: [Variable]
    var shortByHorizon: [Variable]
    /// D4 row per (virtual source, item) with its arcs' indices.
    var stockRows: [(row: ConstraintRef, virtualSource: Int, item: Int)]
    var throughputRows: [CapacityRow]
    var fleetRows: [CapacityRow]
    /// Truckload columns per (origin source, route, on time or late).
    var truckloads: [Truckload]
    var excludedPairs: Int
}

/// A capacity row of one source: [D5] throughput or [D8] fleet hours, counting what
/// must be done by `byHours` (a deadline or latest departure), or by the horizon when `nil`.
struct CapacityRow {
    var row: ConstraintRef
    var source: Int
    var byHours: Double?
}

/// A truckload column y⁺_sa or y⁻_sa: the trucks of `source` on `route` carrying
/// on-time (or late) goods.
struct Truckload {
    var variable: Variable
    var source: Int
    var route: Int
    var onTime: Bool
}

extension BuiltGoodsModel {
    /// Starting columns for column generation: every shortfall and truckload column
    /// (so the restricted problem is always feasible) and, per need, the
    /// `initialArcsPerNeed` earliest-arriving shipment arcs (10 measured best on a
    /// province bundle: 4.7 s against 18 s with 2 and 20,000 columns a round).
    func initialColumns(initialArcsPerNeed: Int = 2) -> [Variable] {
        var columns = shortByDeadline + shortByHorizon + truckloads.map(\.variable)
        var arcsOfNeed = [[Int]](repeating: [], count: needs.count)
        for (k, arc) in arcs.enumerated() { arcsOfNeed[arc.need].append(k) }
        for list in arcsOfNeed {
            let earliest = list.sorted { (arcs[$0].etaHours, $0) < (arcs[$1].etaHours, $1) }.prefix(initialArcsPerNeed)
            columns += earliest.map { arcs[$0].variable }
        }
        return columns
    }
}

/// Builds the dispatch LP of docs/formulation.md, sparse: a variable only for a
/// reachable (source, area, item) triple that can arrive within the horizon.
struct GoodsModelBuilder {
    let problem: GoodsProblem
    let options: DispatchOptions

    /// The model of docs/formulation.md, block by block: shipment columns, cover rows
    /// [D1]–[D3], stock rows [D4]/[D4t], source rows [D5]–[D9] with truckloads, and the
    /// objective levels [O1]–[O3].
    func build() -> BuiltGoodsModel {
        var draft = GoodsModelDraft(builder: self)
        draft.addShipments()
        draft.addCoverRows()
        draft.addStockRows()
        draft.addSourceRows()
        return draft.finish()
    }

    func label(_ need: GoodsProblem.Need) -> String {
        "\(problem.areas[need.area].id),\(problem.items[need.item].id)"
    }

    /// When a source can begin loading anything: its lead time, or the end of ramp-up.

    /// Needs with the same (area, item) summed; weight is the largest given.
    func mergedNeeds() -> [GoodsProblem.Need] {
        var order: [Int] = []
        var merged: [Int: GoodsProblem.Need] = [:]
        for need in problem.needs where need.quantity > 0 {
            let key = need.area * problem.items.count + need.item
            if var existing = merged[key] {
                existing.quantity += need.quantity
                existing.weight = max(existing.weight, need.weight)
                merged[key] = existing
            } else {
                merged[key] = need
                order.append(key)
            }
        }
        return order.sorted().map { merged[$0]! }
    }

    /// Physical-like sources as they are; production sources cut into batches at the
    /// latest on-time departure times of their routes (docs/formulation.md).
    func expandSources(routesFrom: [[Int]]) -> [VirtualSource] {
        var supplyOf = [[(item: Int, quantity: Double)]](repeating: [], count: problem.sources.count)
        for supply in problem.supplies { supplyOf[supply.source].append((supply.item, supply.quantity)) }
        var result: [VirtualSource] = []
        for (s, source) in problem.sources.enumerated() {
            let quantities = mergeSupplies(supplyOf[s])
            guard source.kind == .productionCapacity, let production = source.production else {
                result.append(VirtualSource(origin: s, readyHours: source.availableAfterHours, quantities: quantities))
                continue
            }
            let start = problem.earliestReadyHours(of: s)
            let step = options.productionStepHours > 0 ? options.productionStepHours : 0.25
            let fastest = routesFrom[s].map { problem.routes[$0].travelHours }.min() ?? 0
            let lastUseful = problem.horizonHours - source.handlingHours - fastest
            var ends = Set<Double>()
            for r in routesFrom[s] {
                let route = problem.routes[r]
                let latest = problem.areas[route.area].deadlineHours - route.travelHours - source.handlingHours
                let rounded = (latest / step).rounded(.down) * step
                if rounded > start && rounded < lastUseful { ends.insert(rounded) }
            }
            if lastUseful > start { ends.insert(lastUseful) }
            // Regular steps as well, so that late deliveries get realistic arrival times.
            let regular = max(options.productionBatchHours, step)
            var t = start + regular
            while t < lastUseful { ends.insert((t / step).rounded(.down) * step); t += regular }
            var previous = start
            for end in ends.sorted() {
                let hours = end - previous
                result.append(VirtualSource(origin: s, readyHours: end,
                                            quantities: quantities.map { ($0.item, $0.quantity * hours) },
                                            tonnage: production.tonsPerHour.map { $0 * hours }))
                previous = end
            }
        }
        return result
    }

    func mergeSupplies(_ list: [(item: Int, quantity: Double)]) -> [(item: Int, quantity: Double)] {
        var total: [Int: Double] = [:]
        for entry in list { total[entry.item, default: 0] += entry.quantity }
        return total.keys.sorted().map { ($0, total[$0]!) }
    }
}

/// A dispatch model being built: the state the blocks of ``GoodsModelBuilder/build()``
/// share, each block adding its columns and rows.
struct GoodsModelDraft {
    let problem: GoodsProblem
    let options: DispatchOptions
    /// Needs merged by (area, item), and per area its needs by item.
    let needs: [GoodsProblem.Need]
    let needIndex: [Int: [Int: Int]]
    let routesFrom: [[Int]]
    let virtualSources: [VirtualSource]
    /// Row and column names must be unique (glpsol refuses repeats): a depot that is
    /// two sources (stock on hand and production) gets its index appended.
    let sourceLabel: [String]
    var m: Model
    var arcs: [Arc] = []
    var reachablePairs = Set<Int>()
    var short: [Variable] = [], late: [Variable] = []
    var stockRows: [(row: ConstraintRef, virtualSource: Int, item: Int)] = []
    var throughputRows: [CapacityRow] = []
    var fleetRows: [CapacityRow] = []
    var truckloads: [Truckload] = []

    init(builder: GoodsModelBuilder) {
        problem = builder.problem
        options = builder.options
        let p = builder.problem
        needs = builder.mergedNeeds()
        var needIndex: [Int: [Int: Int]] = [:] // area → item → need
        for (n, need) in needs.enumerated() { needIndex[need.area, default: [:]][need.item] = n }
        self.needIndex = needIndex
        var routesFrom = [[Int]](repeating: [], count: p.sources.count)
        for (r, route) in p.routes.enumerated() { routesFrom[route.source].append(r) }
        self.routesFrom = routesFrom
        virtualSources = builder.expandSources(routesFrom: routesFrom)
        // Names cost a string per row and column; only an exported model is read.
        m = Model(name: "dispatch", namesOnCreation: options.nameModel)
        var idCount: [DepotID: Int] = [:]
        for source in p.sources { idCount[source.id, default: 0] += 1 }
        sourceLabel = p.sources.enumerated().map { idCount[$1.id, default: 0] > 1 ? "\($1.id)@\($0)" : $1.id.rawValue }
    }

    /// x_sak: one column per (virtual source, route, item) that can arrive within the horizon.
    mutating func addShipments() {
        let p = problem
        for (v, vs) in virtualSources.enumerated() {
            for r in routesFrom[vs.origin] {
                let route = p.routes[r]
                let departure = p.departureHours(readyHours: vs.readyHours, source: vs.origin, area: route.area)
                let eta = departure + route.travelHours
                guard eta <= p.horizonHours + 1e-9, let areaNeeds = needIndex[route.area] else { continue }
                for (item, quantity) in vs.quantities where quantity > 0 {
                    guard let n = areaNeeds[item] else { continue }
                    reachablePairs.insert(vs.origin * max(p.areas.count, 1) + route.area)
                    let name = "x[\(sourceLabel[vs.origin]),\(p.areas[route.area].id),\(p.items[item].id),\(v)"
                    let deadline = p.areas[route.area].deadlineHours
                    let onTime = eta <= deadline + 1e-9
                    arcs.append(Arc(variable: m.addVariable(name: name + "]"), virtualSource: v, route: r, need: n,
                                    departureHours: departure, etaHours: eta, onTime: onTime))
                    // What the trucks cannot bring by the deadline may still come later
                    // from the same stock: a late twin, arriving with the first trip
                    // after the deadline (the schedule gives its real time).
                    let source = p.sources[vs.origin]
                    if onTime, source.fleet != nil || source.throughputTonsPerHour != nil {
                        // Without own trucks the next "wave" is loading alone.
                        let cycle = (source.fleet == nil ? 0 : 2 * route.travelHours) + max(source.handlingHours, 0.25)
                        let waves = cycle > 0 ? ((deadline - eta) / cycle + 1e-9).rounded(.down) + 1 : 1
                        let later = eta + waves * max(cycle, 1e-3)
                        if later <= p.horizonHours + 1e-9 {
                            arcs.append(Arc(variable: m.addVariable(name: name + ",late]"), virtualSource: v, route: r, need: n,
                                            departureHours: later - route.travelHours, etaHours: later, onTime: false))
                        }
                    }
                }
            }
        }
    }

    /// u_ak, z_ak and the cover rows [D1] on time, [D2] by the horizon, [D3] no over-supply.
    mutating func addCoverRows() {
        let needs = self.needs, problem = self.problem
        func label(_ need: GoodsProblem.Need) -> String {
            "\(problem.areas[need.area].id),\(problem.items[need.item].id)"
        }
        short = needs.indices.map { n in m.addVariable(name: "u[\(label(needs[n]))]") }
        late = needs.indices.map { n in m.addVariable(name: "z[\(label(needs[n]))]") }
        var arcsOfNeed = [[Int]](repeating: [], count: needs.count)
        for (k, arc) in arcs.enumerated() { arcsOfNeed[arc.need].append(k) }
        let arcs = self.arcs
        for (n, need) in needs.enumerated() {
            let all = arcsOfNeed[n]
            m.addConstraint(sum(all.filter { arcs[$0].onTime }) { arcs[$0].variable } + short[n] >= need.quantity,
                            name: "D1[\(label(need))]")
            m.addConstraint(sum(all) { arcs[$0].variable } + late[n] >= need.quantity, name: "D2[\(label(need))]")
            if !all.isEmpty {
                m.addConstraint(sum(all) { arcs[$0].variable } <= need.quantity, name: "D3[\(label(need))]")
            }
        }
    }

    /// [D4] stock per (virtual source, item) and [D4t] shared production output per batch.
    mutating func addStockRows() {
        let p = problem, arcs = self.arcs, needs = self.needs, virtualSources = self.virtualSources
        var arcsOfStock: [Int: [Int]] = [:]
        for (k, arc) in arcs.enumerated() {
            arcsOfStock[arc.virtualSource * p.items.count + needs[arc.need].item, default: []].append(k)
        }
        for key in arcsOfStock.keys.sorted() {
            let v = key / p.items.count, item = key % p.items.count
            let quantity = virtualSources[v].quantities.first { $0.item == item }?.quantity ?? 0
            let row = m.addConstraint(sum(arcsOfStock[key] ?? []) { arcs[$0].variable } <= quantity,
                                      name: "D4[\(sourceLabel[virtualSources[v].origin]),\(p.items[item].id),\(v)]")
            stockRows.append((row, v, item))
        }
        var arcsOfBatch: [Int: [Int]] = [:]
        for (k, arc) in arcs.enumerated() where virtualSources[arc.virtualSource].tonnage != nil {
            arcsOfBatch[arc.virtualSource, default: []].append(k)
        }
        for v in arcsOfBatch.keys.sorted() {
            guard let tonnage = virtualSources[v].tonnage else { continue }
            m.addConstraint(sum(arcsOfBatch[v] ?? []) { p.items[needs[arcs[$0].need].item].unitWeightTons * arcs[$0].variable }
                            <= tonnage, name: "D4t[\(sourceLabel[virtualSources[v].origin]),\(v)]")
        }
    }

    /// Per origin source: [D5] outbound throughput, [D9] contracted cap, and with a
    /// fleet the truckloads y_sa (on-time and late apart) with [D6] weight, [D7]
    /// volume and [D8] fleet hours.
    ///
    /// Throughput and fleet hours are counted per deadline, not in one pool over the
    /// horizon: what arrives on time must have been loaded, and driven, with the hours
    /// that exist before its deadline (docs/formulation.md, "Capacity before the deadline").
    mutating func addSourceRows() {
        let p = problem, arcs = self.arcs
        var arcsOfOrigin = [[Int]](repeating: [], count: p.sources.count)
        for (k, arc) in arcs.enumerated() { arcsOfOrigin[virtualSources[arc.virtualSource].origin].append(k) }
        // Tonnes per unit shipped, by arc.
        let tons = arcs.map { p.items[needs[$0.need].item].unitWeightTons }
        for (s, source) in p.sources.enumerated() where !arcsOfOrigin[s].isEmpty {
            if let rate = source.throughputTonsPerHour { addThroughputRows(source: s, rate: rate, arcs: arcsOfOrigin[s], tons: tons) }
            if let cap = source.capTons {
                m.addConstraint(sum(arcsOfOrigin[s]) { tons[$0] * arcs[$0].variable } <= cap, name: "D9[\(sourceLabel[s])]")
            }
        }
        // One fleet per depot: a depot that is two sources (finished goods on hand and
        // production) sends both on the same trucks.
        var sourcesOfDepot: [DepotID: [Int]] = [:]
        for (s, source) in p.sources.enumerated() where source.fleet != nil && !arcsOfOrigin[s].isEmpty {
            sourcesOfDepot[source.id, default: []].append(s)
        }
        for depot in sourcesOfDepot.keys.sorted() {
            let members = sourcesOfDepot[depot] ?? []
            addFleetRows(sources: members, fleet: p.sources[members[0]].fleet!, arcs: members.flatMap { arcsOfOrigin[$0] }, tons: tons)
        }
    }

    /// Hours as a row name shows them: "10", "9.75".
    static func hoursLabel(_ hours: Double) -> String {
        hours == hours.rounded() && abs(hours) < 1e15 ? String(Int(hours)) : String(hours)
    }

    /// [D5] loading capacity: the on-time loads that must leave by time θ (their
    /// latest departure, deadline − travel, rounded down to the production step) fit
    /// in rate × (θ − ready); every load fits in rate × (horizon − shortest leg − ready).
    mutating func addThroughputRows(source s: Int, rate: Double, arcs list: [Int], tons: [Double]) {
        let p = problem, arcs = self.arcs
        let ready = p.earliestReadyHours(of: s)
        let step = options.productionStepHours > 0 ? options.productionStepHours : 0.25
        var byLatest: [Double: [Int]] = [:]
        for k in list where arcs[k].onTime {
            let route = p.routes[arcs[k].route]
            let latest = p.areas[route.area].deadlineHours - route.travelHours
            byLatest[((latest + 1e-9) / step).rounded(.down) * step, default: []].append(k)
        }
        var upTo: [Int] = []
        for theta in byLatest.keys.sorted() {
            upTo += byLatest[theta] ?? []
            let row = m.addConstraint(sum(upTo) { tons[$0] * arcs[$0].variable } <= rate * max(0, theta - ready),
                                      name: "D5[\(sourceLabel[s]),\(Self.hoursLabel(theta))]")
            throughputRows.append(CapacityRow(row: row, source: s, byHours: theta))
        }
        // Everything leaves by the horizon less the shortest leg (late loads on longer
        // legs are reported with the arrival the loading gives them).
        let shortest = list.map { p.routes[arcs[$0].route].travelHours }.min() ?? 0
        let row = m.addConstraint(sum(list) { tons[$0] * arcs[$0].variable } <= rate * max(0, p.horizonHours - shortest - ready),
                                  name: "D5[\(sourceLabel[s])]")
        throughputRows.append(CapacityRow(row: row, source: s, byHours: nil))
    }

    /// Truckloads y⁺_sa (on-time goods) and y⁻_sa (late goods) per route with [D6]
    /// weight and [D7] volume; [D8] fleet per deadline T: each on-time trip due by T
    /// takes 1/k of a truck, where k is how many trips on its route one truck can
    /// bring by T; by the horizon the same for every trip. `members` are the sources
    /// of one depot, which share its trucks.
    mutating func addFleetRows(sources members: [Int], fleet: GoodsProblem.Fleet, arcs list: [Int], tons: [Double]) {
        let p = problem, arcs = self.arcs, needs = self.needs
        let first = members[0]
        var arcsOfRoute: [Int: (onTime: [Int], late: [Int])] = [:]
        for k in list {
            var entry = arcsOfRoute[arcs[k].route] ?? ([], [])
            if arcs[k].onTime { entry.onTime.append(k) } else { entry.late.append(k) }
            arcsOfRoute[arcs[k].route] = entry
        }
        var allTrips: [(route: Int, y: Variable)] = []
        var onTimeTrips: [(route: Int, y: Variable)] = []
        for r in arcsOfRoute.keys.sorted() {
            let (onTime, late) = arcsOfRoute[r] ?? ([], [])
            let s = p.routes[r].source
            for (group, isOnTime) in [(onTime, true), (late, false)] where !group.isEmpty {
                let tag = isOnTime ? "" : ",late"
                let y = m.addVariable(options.integerVehicles ? .integer : .continuous,
                                      name: "y[\(sourceLabel[s]),\(p.areas[p.routes[r].area].id)\(tag)]")
                truckloads.append(Truckload(variable: y, source: s, route: r, onTime: isOnTime))
                m.addConstraint(sum(group) { tons[$0] * arcs[$0].variable } - fleet.capacityTons * y <= 0,
                                name: "D6[\(sourceLabel[s]),\(r)\(tag)]")
                m.addConstraint(sum(group) { p.items[needs[arcs[$0].need].item].unitVolumeCubicMetres * arcs[$0].variable }
                                - fleet.capacityCubicMetres * y <= 0, name: "D7[\(sourceLabel[s]),\(r)\(tag)]")
                allTrips.append((r, y))
                if isOnTime { onTimeTrips.append((r, y)) }
            }
        }
        let trucks = Double(fleet.trucks)
        // A truck can make k_r(T) trips on route r that arrive by T: the first arrives
        // after handling and one leg, each further one a round trip later. Each trip
        // takes 1/k_r(T) of a truck; the trucks share the trips due by T. By the
        // horizon, every trip counts, on time or late.
        func share(of trips: [(route: Int, y: Variable)], by limit: Double) -> LinearExpression {
            var share = LinearExpression()
            for trip in trips {
                let route = p.routes[trip.route]
                let handling = p.sources[route.source].handlingHours
                let start = max(p.earliestReadyHours(of: route.source), p.areas[route.area].earliestDepartureHours)
                let firstLeg = limit - start - handling - route.travelHours
                let cycle = 2 * route.travelHours + handling
                let k = firstLeg < -1e-9 ? 0 : 1 + (cycle > 0 ? ((firstLeg + 1e-9) / cycle).rounded(.down) : 1_000)
                share.add(k > 0 ? 1 / k : Double(fleet.trucks) + 1, trip.y)
            }
            return share
        }
        let deadlines = Set(onTimeTrips.map { p.areas[p.routes[$0.route].area].deadlineHours }).sorted()
        for deadline in deadlines {
            let due = onTimeTrips.filter { p.areas[p.routes[$0.route].area].deadlineHours <= deadline }
            let row = m.addConstraint(share(of: due, by: deadline) <= trucks, name: "D8[\(p.sources[first].id),\(Self.hoursLabel(deadline))]")
            fleetRows.append(CapacityRow(row: row, source: first, byHours: deadline))
        }
        let row = m.addConstraint(share(of: allTrips, by: p.horizonHours) <= trucks, name: "D8[\(p.sources[first].id)]")
        fleetRows.append(CapacityRow(row: row, source: first, byHours: nil))
    }

    /// [O1] weighted shortfall by the deadline, [O2] lateness and shortfall by the
    /// horizon, [O3] transport work.
    func objectiveLevels() -> [LexicographicObjective] {
        let p = problem
        var o1 = LinearExpression(), o2 = LinearExpression(), o3 = LinearExpression()
        for (n, need) in needs.enumerated() where need.quantity > 0 {
            o1.add(need.weight / need.quantity, short[n])
            // A unit never delivered counts as later than any delivery in the horizon,
            // so a late shipment always beats none.
            o2.add((p.horizonHours - p.areas[need.area].deadlineHours + 1) / need.quantity, late[n])
        }
        for arc in arcs {
            let need = needs[arc.need]
            let deadline = p.areas[need.area].deadlineHours
            if !arc.onTime, need.quantity > 0 { o2.add((arc.etaHours - deadline) / need.quantity, arc.variable) }
            o3.add(p.items[need.item].unitWeightTons * p.routes[arc.route].distanceKm, arc.variable)
        }
        return [
            // Tolerances and gaps matter only for MIPs (LP levels are fixed exactly).
            // Shortfall and lateness within 0.01 %, transport work within 0.1 %: in
            // Hegang's songhua flood, proving the last 0.004 % of level 1 took 9,000
            // nodes and the last 0.005 % of t·km minutes, for nothing a planner sees.
            // The plan reports its gap to the LP bound.
            // Late shipments and their truckloads bring nothing by the deadline and only
            // use stock and trucks: parked on level 1, which GLPK then solves without them.
            LexicographicObjective(.minimize, o1, name: "O1 weighted shortfall by deadline", relativeTolerance: 1e-9,
                                   mipGap: 1e-4, parking: arcs.filter { !$0.onTime }.map(\.variable) + truckloads.filter { !$0.onTime }.map(\.variable)),
            LexicographicObjective(.minimize, o2, name: "O2 lateness and shortfall by horizon", relativeTolerance: 1e-9,
                                   mipGap: 1e-4),
            LexicographicObjective(.minimize, o3, name: "O3 transport t·km", relativeTolerance: 1e-9, mipGap: 1e-3),
        ]
    }

    /// The model with its levels and everything the plan reader needs.
    func finish() -> BuiltGoodsModel {
        // Pairs of a source and an area in need that no shipment variable links:
        // no road, or every arrival after the horizon.
        let areasInNeed = Set(needs.map(\.area)).count
        let excluded = problem.sources.count * areasInNeed - reachablePairs.count
        return BuiltGoodsModel(model: m, levels: objectiveLevels(), virtualSources: virtualSources, arcs: arcs, needs: needs,
                               shortByDeadline: short, shortByHorizon: late, stockRows: stockRows,
                               throughputRows: throughputRows, fleetRows: fleetRows, truckloads: truckloads,
                               excludedPairs: max(0, excluded))
    }
}
