import LinearSolver

/// Turns the solved levels into a ``GoodsPlan``.
struct GoodsPlanReader {
    let problem: GoodsProblem
    let built: BuiltGoodsModel
    let solutions: [Solution]
    /// Level 1 of the last LP solved (before whole pieces made it a MIP): its duals
    /// are the marginal values, its objective the bound on level 1.
    let relaxation: Solution?
    let buildTime: Duration
    /// The trucks' schedule of the final solution.
    let schedule: FleetScheduler.Result
    let scheduleRounds: Int

    /// Quantities below this share of a need (or 1e-6 absolute) are solver noise.
    static let tolerance = 1e-6

    /// A quantity as reports print it (six decimals), rounded so that printed orders
    /// never add up to more than was shipped: a whole number when within solver noise
    /// of one, otherwise cut down to the sixth decimal. Three orders of 26,666.6666667 L
    /// printed as .666667 would ask a stock book for 80,000.000001 L of its 80,000.
    static func printable(_ q: Double) -> Double {
        let whole = q.rounded()
        if abs(q - whole) <= 1e-6 { return whole }
        return (q * 1e6).rounded(.down) / 1e6
    }

    func plan() -> GoodsPlan {
        let p = problem
        let statuses = solutions.map(\.status)
        // The last level with a usable point gives the plan, and its status is the
        // plan's: what the returned solution is (``GoodsPlan/levelStatuses`` says how
        // far the levels after it got). Level 1 gives the duals.
        let final = solutions.last { $0.status.hasSolution }
        let status = final?.status ?? statuses.last ?? .noSolutionFound
        let first = relaxation?.status.hasSolution == true ? relaxation : solutions.first { $0.status.hasSolution }
        let values = final?.values ?? []
        func value(_ v: Variable) -> Double { values.isEmpty ? 0 : max(0, values[Int(v.index)]) }

        // Orders.
        var orders: [GoodsPlan.Order] = []
        for arc in built.arcs {
            let q = value(arc.variable)
            let need = built.needs[arc.need]
            guard q > max(Self.tolerance, Self.tolerance * need.quantity) else { continue }
            let vs = built.virtualSources[arc.virtualSource]
            let source = p.sources[vs.origin]
            var order = GoodsPlan.Order(source: vs.origin, area: need.area, item: need.item, quantity: Self.printable(q),
                                        departureHours: arc.departureHours, etaHours: arc.etaHours, onTime: arc.onTime,
                                        route: arc.route, truckloads: nil)
            // On the source's own trucks, the order leaves with its group's first trip
            // and is complete when the last one arrives; with a loading limit alone,
            // it leaves when the depot has loaded it.
            if let times = schedule.timesOfGroup[FleetScheduler.groupKey(virtualSource: arc.virtualSource, route: arc.route, onTime: arc.onTime, routes: p.routes.count)] {
                order.departureHours = times.departure
                order.etaHours = times.arrival
                order.truckloads = source.fleet == nil ? nil : Double(times.trips)
                order.leg = source.fleet == nil ? nil : schedule.legOfGroup[FleetScheduler.groupKey(
                    virtualSource: arc.virtualSource, route: arc.route, onTime: arc.onTime, routes: p.routes.count)]
                order.onTime = order.etaHours <= p.areas[need.area].deadlineHours + 1e-9
            }
            orders.append(order)
        }
        orders.sort { ($0.area, $0.item, $0.etaHours, $0.source, $0.route) < ($1.area, $1.item, $1.etaHours, $1.source, $1.route) }

        // Shortfalls, and fulfilment by one rule for every figure (an area's share of
        // all needs and of basic needs, and the scenario's share): needs of one area
        // and item are merged with their largest weight, a need counts its weight ×
        // the share of it missing, and the shares are of the total weight.
        var shortfalls: [GoodsPlan.Shortfall] = []
        let stockSlack = stockSlackByVirtualSourceAndItem(values: values)
        var earliestOfNeed = [Double](repeating: .infinity, count: built.needs.count)
        for arc in built.arcs { earliestOfNeed[arc.need] = min(earliestOfNeed[arc.need], arc.etaHours) }
        var missing = [(deadline: Double, horizon: Double)](repeating: (0, 0), count: built.needs.count)
        let holdersOfItem = self.holdersOfItem
        // What is short is read from the orders as scheduled, not from the model's
        // u and z: the schedule is what the trucks can do, and a load the model counted
        // late may still arrive by the deadline (docs/formulation.md, "Capacity before
        // the deadline"). The model's rows make the on-time loads it counts arrive.
        var arrived = [(deadline: Double, horizon: Double)](repeating: (0, 0), count: built.needs.count)
        var needOf: [Int: Int] = [:]
        for (n, need) in built.needs.enumerated() { needOf[need.area * p.items.count + need.item] = n }
        for o in orders {
            guard let n = needOf[o.area * p.items.count + o.item] else { continue }
            if o.onTime { arrived[n].deadline += o.quantity }
            if o.etaHours <= p.horizonHours + 1e-9 { arrived[n].horizon += o.quantity }
        }
        for (n, need) in built.needs.enumerated() {
            let u = values.isEmpty ? need.quantity : max(0, need.quantity - arrived[n].deadline)
            let z = values.isEmpty ? need.quantity : max(0, need.quantity - arrived[n].horizon)
            missing[n] = (u, z)
            if u > max(Self.tolerance, Self.tolerance * need.quantity) {
                let holders = holdersOfItem[need.item]
                shortfalls.append(GoodsPlan.Shortfall(area: need.area, item: need.item, quantity: u,
                                                      quantityAtHorizon: z, reason: reason(need: n, stockSlack: stockSlack),
                                                      earliestArrivalHours: earliestArrival(need: n, holders: holders, fromArcs: earliestOfNeed[n]),
                                                      sourcesHolding: holders))
            }
        }
        func share(of needs: [Int], _ part: (Int) -> Double) -> Double {
            let weight = needs.reduce(0.0) { $0 + built.needs[$1].weight }
            guard weight > 0 else { return 1 }
            let missed = needs.reduce(0.0) { $0 + built.needs[$1].weight * min(1, part($1) / built.needs[$1].quantity) }
            return max(0, 1 - missed / weight)
        }
        var needsOfArea = [[Int]](repeating: [], count: p.areas.count)
        for (n, need) in built.needs.enumerated() { needsOfArea[need.area].append(n) }
        var ordersToArea = [[GoodsPlan.Order]](repeating: [], count: p.areas.count)
        for o in orders { ordersToArea[o.area].append(o) }
        var fulfilment: [GoodsPlan.AreaFulfilment] = []
        for a in p.areas.indices where needsOfArea[a].contains(where: { built.needs[$0].weight > 0 }) {
            let toArea = ordersToArea[a]
            let all = needsOfArea[a], basic = all.filter { p.items[built.needs[$0].item].isBasic }
            let byHorizon = share(of: all) { missing[$0].horizon }
            let basicShort = shortfalls.filter { $0.area == a && p.items[$0.item].isBasic }
            let basicNeverDelivered = basicShort.contains { $0.quantityAtHorizon > Self.tolerance * max(1, $0.quantity) }
            fulfilment.append(GoodsPlan.AreaFulfilment(
                area: a,
                byDeadline: share(of: all) { missing[$0].deadline },
                byHorizon: byHorizon,
                lastOnTimeArrivalHours: toArea.filter(\.onTime).map(\.etaHours).max(),
                fullyServedAtHours: 1 - byHorizon <= Self.tolerance ? (toArea.map(\.etaHours).max() ?? 0) : nil,
                basicByDeadline: share(of: basic) { shortOf(missing[$0].deadline, built.needs[$0]) },
                basicFullyServedAtHours: basicNeverDelivered ? nil : (toArea.filter { p.items[$0.item].isBasic }.map(\.etaHours).max() ?? 0),
                reliefMet: basicShort.isEmpty))
        }
        let byDeadline = share(of: Array(built.needs.indices)) { shortOf(missing[$0].deadline, built.needs[$0]) }
        let weightedShortfall = built.needs.indices.reduce(0.0) { total, n in
            let need = built.needs[n]
            return need.quantity > 0 ? total + need.weight * missing[n].deadline / need.quantity : total
        }

        // Duals of level 1 (weighted shortfall): marginal values and binding resources.
        var marginal: [Int: Double] = [:] // source * items + item → best over batches
        var binding: [GoodsPlan.BindingResource] = []
        if let duals = first?.rowDuals, !duals.isEmpty {
            for entry in built.stockRows {
                let value = -duals[Int(entry.row.index)]
                guard value > 1e-9 else { continue }
                let origin = built.virtualSources[entry.virtualSource].origin
                let key = origin * p.items.count + entry.item
                marginal[key] = max(marginal[key] ?? 0, value)
            }
            for (key, value) in marginal {
                binding.append(GoodsPlan.BindingResource(kind: .stock, source: key / p.items.count,
                                                         item: key % p.items.count, marginalValue: value))
            }
            // A source's rows per deadline count as one resource, at their largest value.
            for (kind, rows) in [(GoodsPlan.BindingResource.Kind.throughput, built.throughputRows), (.fleetHours, built.fleetRows)] {
                var best: [Int: Double] = [:]
                for entry in rows where -duals[Int(entry.row.index)] > 1e-9 {
                    best[entry.source] = max(best[entry.source] ?? 0, -duals[Int(entry.row.index)])
                }
                for (source, value) in best {
                    binding.append(GoodsPlan.BindingResource(kind: kind, source: source, item: nil, marginalValue: value))
                }
            }
        }
        binding.sort { ($1.marginalValue, $0.kind.rawValue, $0.source, $0.item ?? -1) < ($0.marginalValue, $1.kind.rawValue, $1.source, $1.item ?? -1) }
        let marginalValues = marginal.map { GoodsPlan.MarginalValue(source: $0.key / p.items.count, item: $0.key % p.items.count, value: $0.value) }
            .sorted { ($1.value, $0.source, $0.item) < ($0.value, $1.source, $1.item) }

        let m = built.model
        let last = solutions.last
        return GoodsPlan(
            status: status, levelStatuses: statuses, levelObjectives: solutions.compactMap(\.objectiveValue),
            bestBound: last?.bestBound, relativeGap: last?.relativeGap,
            orders: orders, trips: schedule.trips, legs: schedule.legs, scheduleRounds: scheduleRounds, fulfilment: fulfilment, shortfalls: shortfalls,
            bindingResources: binding, marginalValues: marginalValues,
            modelSize: GoodsPlan.ModelSize(rows: m.constraintCount, columns: m.variableCount, nonZeros: m.nonZeroCount,
                                           integerColumns: m.columnKinds.filter { $0 != .continuous }.count),
            excludedPairs: built.excludedPairs, buildTime: buildTime, solveTimes: solutions.map(\.wallTime),
            byDeadline: byDeadline, weightedShortfall: weightedShortfall, model: nil)
    }

    /// A need's shortfall as a shortfall line reports it: below the tolerance it is none.
    func shortOf(_ u: Double, _ need: GoodsProblem.Need) -> Double {
        u > max(Self.tolerance, Self.tolerance * need.quantity) ? u : 0
    }

    /// Sources holding each item (any positive supply), by item index.
    var holdersOfItem: [[Int]] {
        var holders = [Set<Int>](repeating: [], count: problem.items.count)
        for s in problem.supplies where s.quantity > 0 { holders[s.item].insert(s.source) }
        return holders.map { $0.sorted() }
    }

    /// The earliest a unit of need `n`'s item could arrive: the model's earliest arc
    /// when it has one, else the earliest any holder's route could bring it (beyond
    /// the horizon, where the model keeps no arc).
    func earliestArrival(need n: Int, holders: [Int], fromArcs: Double) -> Double? {
        if fromArcs.isFinite { return fromArcs }
        let area = built.needs[n].area
        let holding = Set(holders)
        let times = problem.routes.indices.filter { problem.routes[$0].area == area && holding.contains(problem.routes[$0].source) }
            .map { problem.arrivalHours(readyHours: problem.earliestReadyHours(of: problem.routes[$0].source), route: $0) }
        return times.min()
    }

    /// Unused stock per (virtual source, item) at the final solution.
    func stockSlackByVirtualSourceAndItem(values: [Double]) -> [Int: Double] {
        var slack: [Int: Double] = [:]
        let items = problem.items.count
        for (v, vs) in built.virtualSources.enumerated() {
            for entry in vs.quantities { slack[v * items + entry.item] = entry.quantity }
        }
        guard !values.isEmpty else { return slack }
        for arc in built.arcs {
            slack[arc.virtualSource * items + built.needs[arc.need].item, default: 0] -= max(0, values[Int(arc.variable.index)])
        }
        return slack
    }

    /// Why need `n` is short by its deadline (docs/formulation.md, "What the result reports").
    func reason(need n: Int, stockSlack: [Int: Double]) -> GoodsPlan.ShortfallReason {
        let need = built.needs[n]
        let holders = Set(problem.supplies.filter { $0.item == need.item && $0.quantity > 0 }.map(\.source))
        if holders.isEmpty { return .noStockAnywhere }
        let reachable = problem.routes.contains { $0.area == need.area && holders.contains($0.source) }
        if !reachable { return .unreachable }
        let onTime = built.arcs.filter { $0.need == n && $0.onTime }
        if onTime.isEmpty { return .tooFar }
        let items = problem.items.count
        let spare = onTime.contains { arc in
            let left = stockSlack[arc.virtualSource * items + need.item] ?? 0
            return left > max(Self.tolerance, Self.tolerance * need.quantity)
        }
        return spare ? .fleetOrThroughput : .stockExhausted
    }
}
