import ReserveModel
import LinearSolver

/// Puts a solved dispatch's truckloads on real trucks: whole trips, each with its
/// loading start, departure, arrival and return, so that every on-time figure comes
/// with a schedule that achieves it (docs/formulation.md, "Capacity before the deadline").
///
/// The loads of one batch on one route (a group) go in as many equal trips as the
/// larger of weight and volume needs. Groups carrying on-time goods are dealt out
/// first, the one that must leave earliest (deadline − travel) first, each trip to
/// the truck that is free first; late goods follow in the order the model would
/// deliver them. A truck loads for the source's handling hours, drives there and
/// back, and starts its next trip when it is home.
struct FleetScheduler {
    let problem: GoodsProblem
    let built: BuiltGoodsModel

    /// A group of loads: one source on one route, on time or late; its parts are the
    /// batches it carries (one for stock, one per production batch), by ready time.
    struct Group {
        var source: Int
        var route: Int
        var onTime: Bool
        var parts: [Part] = []
        var tons: Double { parts.reduce(0) { $0 + $1.tons } }
        var cubicMetres: Double { parts.reduce(0) { $0 + $1.cubicMetres } }
    }

    /// One batch of a group: its units by item (item index → units).
    struct Part {
        var virtualSource: Int
        var ready: Double
        var tons = 0.0
        var cubicMetres = 0.0
        var units: [Int: Double] = [:]
    }

    /// The schedule of one solution.
    struct Result {
        /// Every trip, by source, truck and loading start.
        var trips: [GoodsPlan.Trip]
        /// Per ``groupKey(virtualSource:route:onTime:routes:)``: its trips' first departure,
        /// last arrival and count.
        var timesOfGroup: [Int: (departure: Double, arrival: Double, trips: Int)]
        /// On-time trips that the trucks cannot bring by their deadline, with how late.
        var lateTrips: [(trip: GoodsPlan.Trip, overdueHours: Double)]
        /// The legs of the trips (sources with a fleet), and per group key the leg.
        var legs: [GoodsPlan.Leg] = []
        var legOfGroup: [Int: Int] = [:]
    }

    /// The key of a group: its batch, route, and whether it carries on-time goods (a
    /// late twin shares the batch and route of its on-time arc).
    static func groupKey(virtualSource: Int, route: Int, onTime: Bool, routes: Int) -> Int {
        (virtualSource * routes + route) * 2 + (onTime ? 1 : 0)
    }

    /// Quantities below this are solver noise, as in the plan reader.
    static let tolerance = 1e-6

    func schedule(values: [Double]) -> Result {
        let p = problem
        var groups: [Int: Group] = [:]
        var partOf: [Int: Int] = [:] // (virtual source, route, on time) → index of its part
        for arc in built.arcs {
            let origin = built.virtualSources[arc.virtualSource].origin
            guard p.sources[origin].fleet != nil || p.sources[origin].throughputTonsPerHour != nil, !values.isEmpty else { continue }
            let q = max(0, values[Int(arc.variable.index)])
            let need = built.needs[arc.need]
            guard q > max(Self.tolerance, Self.tolerance * need.quantity) else { continue }
            let key = (origin * p.routes.count + arc.route) * 2 + (arc.onTime ? 1 : 0)
            var group = groups[key] ?? Group(source: origin, route: arc.route, onTime: arc.onTime)
            let partKey = Self.groupKey(virtualSource: arc.virtualSource, route: arc.route, onTime: arc.onTime, routes: p.routes.count)
            let ready = max(built.virtualSources[arc.virtualSource].readyHours, p.areas[p.routes[arc.route].area].earliestDepartureHours)
            if partOf[partKey] == nil {
                partOf[partKey] = group.parts.count
                group.parts.append(Part(virtualSource: arc.virtualSource, ready: ready))
            }
            let k = partOf[partKey]!
            group.parts[k].tons += q * p.items[need.item].unitWeightTons
            group.parts[k].cubicMetres += q * p.items[need.item].unitVolumeCubicMetres
            group.parts[k].units[need.item, default: 0] += q
            groups[key] = group
        }
        for key in groups.keys { groups[key]!.parts.sort { ($0.ready, $0.virtualSource) < ($1.ready, $1.virtualSource) } }
        // One truck pool (and one loading bay) per depot, even where a depot is two
        // sources (finished goods and production); indexed by its first source.
        var poolOf: [DepotID: Int] = [:]
        for (s, source) in p.sources.enumerated() where poolOf[source.id] == nil { poolOf[source.id] = s }
        var keysOfSource: [Int: [Int]] = [:]
        for (key, group) in groups { keysOfSource[poolOf[p.sources[group.source].id]!, default: []].append(key) }

        var result = Result(trips: [], timesOfGroup: [:], lateTrips: [])
        var legs: [GoodsPlan.Leg] = []
        for s in keysOfSource.keys.sorted() {
            let sourceReady = p.earliestReadyHours(of: s)
            func latestDeparture(_ g: Group) -> Double {
                let route = p.routes[g.route]
                return p.areas[route.area].deadlineHours - route.travelHours
            }
            func readyOf(_ g: Group) -> Double { g.parts.first?.ready ?? 0 }
            // On-time loads by latest departure (what [D5] and [D8] count in that
            // order), then late loads by when the model would deliver them.
            let ordered = (keysOfSource[s] ?? []).sorted { a, b in
                let ga = groups[a]!, gb = groups[b]!
                if ga.onTime != gb.onTime { return ga.onTime }
                let ka = ga.onTime ? latestDeparture(ga) : readyOf(ga) + p.routes[ga.route].travelHours
                let kb = gb.onTime ? latestDeparture(gb) : readyOf(gb) + p.routes[gb.route].travelHours
                return (ka, a) < (kb, b)
            }
            // Tonnes loaded so far: with a throughput limit, a load leaves no earlier
            // than the depot can have loaded it and everything before it.
            var loaded = 0.0
            func loadedBy(adding tons: Double) -> Double {
                loaded += tons
                guard let rate = p.sources[s].throughputTonsPerHour, rate > 0 else { return 0 }
                return sourceReady + loaded / rate
            }
            guard let fleet = p.sources[s].fleet, fleet.trucks > 0 else {
                // The supplier's own transport: only loading limits when loads leave.
                for key in ordered {
                    let g = groups[key]!
                    let route = p.routes[g.route]
                    for part in g.parts {
                        let departure = max(part.ready + p.sources[g.source].handlingHours, loadedBy(adding: part.tons))
                        let partKey = Self.groupKey(virtualSource: part.virtualSource, route: g.route, onTime: g.onTime, routes: p.routes.count)
                        result.timesOfGroup[partKey] = (departure, departure + route.travelHours, 0)
                    }
                }
                continue
            }
            // While a depot's schedule has late trips, three more are tried and the best
            // kept (the smallest cut to its fleet rows, then fewer late trips, then fewer
            // overdue hours, then the earlier one): two orders of the on-time loads, by
            // latest departure (how the throughput rows [D5] count) and by deadline plus
            // one leg (the latest a truck may be home again), each with every load on the
            // truck home first or fitted to the truck home last that still makes its
            // deadline. For one truck with every load ready at the start, the second
            // order is Jackson's rule, which makes the largest delay as small as it can
            // be: a far trip that must leave first but need not come back goes last.
            // Fitting keeps a truck home early for a load that needs it (docs/formulation.md).
            //
            // What a schedule costs the next round: the truck shares its late trips take
            // off their fleet rows, then how many they are and how late.
            func cost(_ pool: Pool) -> (Double, Int, Double) {
                let shares = pool.lateTrips.reduce(0) { $0 + (Self.fleetRowShare(of: $1.trip, built: built, problem: p)?.share ?? 0) }
                return (shares, pool.lateTrips.count, pool.overdueHours)
            }
            var pool = fleetPool(s, ordered: ordered, groups: groups, fleet: fleet, sourceReady: sourceReady, firstLeg: legs.count)
            if !pool.lateTrips.isEmpty {
                let position = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
                let byReturn = ordered.sorted { a, b in
                    let ga = groups[a]!, gb = groups[b]!
                    if ga.onTime != gb.onTime { return ga.onTime }
                    guard ga.onTime else { return position[a]! < position[b]! }
                    let ka = p.areas[p.routes[ga.route].area].deadlineHours + p.routes[ga.route].travelHours
                    let kb = p.areas[p.routes[gb.route].area].deadlineHours + p.routes[gb.route].travelHours
                    return (ka, a) < (kb, b)
                }
                var best = cost(pool)
                for (order, fitting) in [(byReturn, false), (ordered, true), (byReturn, true)] where !pool.lateTrips.isEmpty {
                    let other = fleetPool(s, ordered: order, groups: groups, fleet: fleet, sourceReady: sourceReady, firstLeg: legs.count,
                                          fitting: fitting)
                    let otherCost = cost(other)
                    if otherCost < best { (pool, best) = (other, otherCost) }
                }
            }
            legs += pool.legs
            result.trips += pool.trips
            result.lateTrips += pool.lateTrips
            result.timesOfGroup.merge(pool.timesOfGroup) { a, _ in a }
            result.legOfGroup.merge(pool.legOfGroup) { a, _ in a }
        }
        result.legs = legs
        return result
    }

    /// One depot's trucks and loading bay, the loads dealt out in `ordered` order.
    struct Pool {
        var trips: [GoodsPlan.Trip] = []
        var legs: [GoodsPlan.Leg] = []
        var lateTrips: [(trip: GoodsPlan.Trip, overdueHours: Double)] = []
        var timesOfGroup: [Int: (departure: Double, arrival: Double, trips: Int)] = [:]
        var legOfGroup: [Int: Int] = [:]
        var overdueHours: Double { lateTrips.reduce(0) { $0 + $1.overdueHours } }
    }

    /// Puts the groups `ordered` of source `s` on its `fleet`; legs are numbered from `firstLeg`.
    func fleetPool(_ s: Int, ordered: [Int], groups: [Int: Group], fleet: GoodsProblem.Fleet, sourceReady: Double, firstLeg: Int,
                   fitting: Bool = false) -> Pool {
        let p = problem
        var result = Pool()
        func readyOf(_ g: Group) -> Double { g.parts.first?.ready ?? 0 }
        // Tonnes loaded so far: with a throughput limit, a load leaves no earlier than the
        // depot can have loaded it and everything before it.
        var loaded = 0.0
        func loadedAt(_ tons: Double) -> Double {
            guard let rate = p.sources[s].throughputTonsPerHour, rate > 0 else { return 0 }
            return sourceReady + tons / rate
        }
        var free = [Double](repeating: 0, count: fleet.trucks)
        for key in ordered {
            let g = groups[key]!
            let route = p.routes[g.route]
            let deadline = p.areas[route.area].deadlineHours
            let loads = TripLoader(problem: p, fleet: fleet).loads(of: g)
            let leg = firstLeg + result.legs.count
            result.legs.append(GoodsPlan.Leg(source: g.source, area: route.area, route: g.route, onTime: g.onTime, trips: loads.count,
                                             tons: 0, cubicMetres: 0, departureHours: .infinity, arrivalHours: 0))
            var times: [Int: (departure: Double, arrival: Double, trips: Int)] = [:]
            for load in loads {
                let ready = load.parts.map { g.parts[$0].ready }.max() ?? readyOf(g)
                // The truck home first (lowest number on a tie); fitting, the truck home
                // last of those that still bring an on-time load by its deadline.
                var truck = 0
                for t in 1..<free.count where free[t] < free[truck] { truck = t }
                let loadedThen = loadedAt(loaded + load.tons)
                if fitting, g.onTime {
                    var fit: Int?
                    for t in free.indices {
                        let arrival = max(max(free[t], ready) + p.sources[g.source].handlingHours, loadedThen) + route.travelHours
                        if arrival <= deadline + 1e-9, fit.map({ free[t] > free[$0] }) ?? true { fit = t }
                    }
                    if let fit { truck = fit }
                }
                let loading = max(free[truck], ready)
                loaded += load.tons
                let departure = max(loading + p.sources[g.source].handlingHours, loadedThen)
                let arrival = departure + route.travelHours
                let back = arrival + route.travelHours
                free[truck] = back
                let trip = GoodsPlan.Trip(source: g.source, truck: truck + 1, area: route.area, route: g.route,
                                          loadingStartHours: loading, departureHours: departure, arrivalHours: arrival,
                                          returnHours: back, tons: load.tons, cubicMetres: load.cubicMetres,
                                          deadlineHours: deadline, onTime: arrival <= deadline + 1e-9,
                                          leg: leg, cargo: load.cargo)
                result.trips.append(trip)
                result.legs[leg - firstLeg].tons += load.tons
                result.legs[leg - firstLeg].cubicMetres += load.cubicMetres
                result.legs[leg - firstLeg].departureHours = min(result.legs[leg - firstLeg].departureHours, departure)
                result.legs[leg - firstLeg].arrivalHours = max(result.legs[leg - firstLeg].arrivalHours, arrival)
                for j in load.parts {
                    let partKey = Self.groupKey(virtualSource: g.parts[j].virtualSource, route: g.route, onTime: g.onTime,
                                                routes: p.routes.count)
                    let old = times[partKey] ?? (.infinity, 0, 0)
                    times[partKey] = (min(old.departure, departure), max(old.arrival, arrival), old.trips + 1)
                    result.legOfGroup[partKey] = leg
                }
                if g.onTime, arrival > deadline + 1e-9 { result.lateTrips.append((trip, arrival - deadline)) }
            }
            result.timesOfGroup.merge(times) { a, _ in a }
        }
        result.trips.sort { ($0.truck, $0.loadingStartHours) < ($1.truck, $1.loadingStartHours) }
        return result
    }

    /// The [D8] row of an on-time trip (its depot and deadline) and the share of a
    /// truck that row counts the trip at: what ``tighten(_:built:problem:lateTrips:values:round:)``
    /// takes off for it. The rows' coefficients never change between rounds.
    static func fleetRowShare(of trip: GoodsPlan.Trip, built: BuiltGoodsModel, problem: GoodsProblem) -> (row: ConstraintRef, share: Double)? {
        let depot = problem.sources[trip.source].id
        guard let row = built.fleetRows.first(where: { problem.sources[$0.source].id == depot && $0.byHours == trip.deadlineHours }),
              let y = built.truckloads.last(where: { $0.onTime && $0.source == trip.source && $0.route == trip.route })?.variable
        else { return nil }
        let (columns, coefficients) = built.model.terms(of: row.row)
        guard let at = columns.firstIndex(of: y.index) else { return nil }
        return (row.row, coefficients[at])
    }

    /// Tightens the [D8] rows whose on-time trips the trucks could not make: each
    /// such row is capped below what the solution used by the shares of a truck of
    /// all its late trips, so that the next solve sends that many trips fewer by
    /// that deadline. After `round` 24 the rows are closed outright,
    /// which always yields a schedule (nothing on time from there). Returns whether
    /// any row changed.
    static func tighten(_ model: inout Model, built: BuiltGoodsModel, problem: GoodsProblem, lateTrips: [(trip: GoodsPlan.Trip, overdueHours: Double)],
                        values: [Double], round: Int) -> Bool {
        var late: [Int32: Double] = [:]
        for (trip, _) in lateTrips {
            guard let (row, share) = fleetRowShare(of: trip, built: built, problem: problem) else { continue }
            late[row.index, default: 0] += share
        }
        var changed = false
        for index in late.keys.sorted() {
            let ref = ConstraintRef(index: index)
            let (columns, coefficients) = model.terms(of: ref)
            var used = 0.0
            for (j, c) in zip(columns, coefficients) { used += c * max(0, values[Int(j)]) }
            // Every late trip's share comes off at once: half the rounds of taking off
            // one trip per round, and no worse on time over the samples, generated
            // cities and random cases taken together (measured in docs/decisions.md).
            let upper = round >= 24 ? 0 : max(0, min(model.rowUpper[Int(index)], used) - late[index]!)
            if upper < model.rowUpper[Int(index)] {
                model.setBounds(ref, lower: model.rowLower[Int(index)], upper: upper)
                changed = true
            }
        }
        return changed
    }
}
