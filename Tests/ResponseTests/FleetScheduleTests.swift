import Testing
import TestSupport
import ReserveModel
@testable import Response

/// Capacity before the deadline (issue 13): what arrives on time uses only the truck
/// hours that exist before the deadline, and the schedule in the plan achieves it.
/// Each case is worked by hand in its comment.
@Suite struct FleetScheduleTests {
    typealias P = GoodsProblem
    /// 1 t and 1 m³ a unit, so a 10 t / 100 m³ truck carries 10 units.
    static let sandbag = P.Item(id: "sandbag", unitWeightTons: 1, unitVolumeCubicMetres: 1, isBasic: true)

    /// One depot "D" with `trucks` trucks of 10 t and 1,000 sandbags, loading for
    /// `handling` hours, and one area per (id, hours away, due by, units needed), its
    /// road 50 km an hour of travel.
    static func oneDepot(trucks: Int, handling: Double, horizon: Double,
                         areas: [(id: String, hours: Double, due: Double, need: Double)]) -> P {
        P(items: [sandbag],
          areas: areas.map { P.Area(id: AreaID($0.id), deadlineHours: $0.due) },
          needs: areas.indices.map { P.Need(area: $0, item: 0, quantity: areas[$0].need) },
          sources: [P.Source(id: "D", handlingHours: handling, fleet: P.Fleet(trucks: trucks, capacityTons: 10, capacityCubicMetres: 100))],
          supplies: [P.Supply(source: 0, item: 0, quantity: 1_000)],
          routes: areas.indices.map { P.Route(source: 0, area: $0, travelHours: areas[$0].hours, distanceKm: 50 * areas[$0].hours) },
          horizonHours: horizon)
    }

    /// One depot with one truck (10 t), handling 1 h, 2 h from the area; the area
    /// needs 50 units by 5 h; the horizon is 15 h. A round trip is 1 + 2 + 2 = 5 h.
    ///
    /// Trip 1: loads 0–1 h, arrives 3 h (on time), home 5 h. Trip 2: loads 5–6,
    /// arrives 8 h (late), home 10 h. Trip 3: loads 10–11, arrives 13 h, home 15 h.
    /// A fourth would arrive at 18 h, after the horizon. So 10 units by the deadline
    /// (40 short, weight 1 → O1 = 40/50 = 0.8), 30 by the horizon (20 never come).
    /// One pool of truck hours over the horizon (15 h = three round trips) counted all
    /// 30 as on time: the figure this test guards against.
    @Test func oneRoundTripByTheDeadlineThreeByTheHorizon() throws {
        let p = P(items: [Self.sandbag],
                  areas: [P.Area(id: "A", deadlineHours: 5)],
                  needs: [P.Need(area: 0, item: 0, quantity: 50)],
                  sources: [P.Source(id: "D", handlingHours: 1, fleet: P.Fleet(trucks: 1, capacityTons: 10, capacityCubicMetres: 100))],
                  supplies: [P.Supply(source: 0, item: 0, quantity: 100)],
                  routes: [P.Route(source: 0, area: 0, travelHours: 2, distanceKm: 120)],
                  horizonHours: 15)
        let plan = try GoodsDispatcher().dispatch(p)
        #expect(plan.status == .optimal)
        let onTime = plan.orders.filter(\.onTime).reduce(0) { $0 + $1.quantity }
        let late = plan.orders.filter { !$0.onTime }.reduce(0) { $0 + $1.quantity }
        #expect(isApproximatelyEqual(onTime, 10))
        #expect(isApproximatelyEqual(late, 20))
        #expect(isApproximatelyEqual(plan.levelObjectives[0], 0.8))
        #expect(isApproximatelyEqual(plan.byDeadline, 0.2))
        let shortfall = try #require(plan.shortfalls.first)
        #expect(isApproximatelyEqual(shortfall.quantity, 40) && isApproximatelyEqual(shortfall.quantityAtHorizon, 20))
        #expect(shortfall.reason == .fleetOrThroughput)
        let trips = plan.trips.map { [$0.loadingStartHours, $0.departureHours, $0.arrivalHours, $0.returnHours, $0.tons] }
        #expect(trips == [[0, 1, 3, 5, 10], [5, 6, 8, 10, 10], [10, 11, 13, 15, 10]])
        #expect(plan.trips.map(\.onTime) == [true, false, false])
        #expect(plan.trips.allSatisfy { $0.truck == 1 })
        // The late order arrives with the last trip that carries it.
        #expect(plan.orders.first { !$0.onTime }?.etaHours == 13)
        #expect(plan.fulfilment.first?.reliefMet == false)
    }

    /// Two trucks, handling 0.5 h. Area N is 1 h away and due by 4 h; area F is 3 h
    /// away and due by 10 h; each needs 60 units (10 a truck).
    ///
    /// By 4 h one truck brings to N at 1.5 h, home 2.5, again at 4 h: k_N(4) = 2 trips
    /// a truck, so 4 trips = 40 units on time for N at most. By 10 h a truck makes
    /// k_N(10) = 1 + ⌊(10 − 0.5 − 1)/2.5⌋ = 4 trips to N, or k_F(10) = 1 + ⌊(10 − 0.5 −
    /// 3)/6.5⌋ = 2 to F. The row for 10 h: y_N/4 + y_F/2 ≤ 2 with y_N ≤ 4 from the 4 h
    /// row: y_F ≤ 2·(2 − 4/4) = 2 → 20 units for F. Shortfall by the deadlines: N 20,
    /// F 40. The schedule: trucks 1 and 2 each take N at 0–0.5 (arrive 1.5, home 2.5)
    /// and N at 2.5–3 (arrive 4); then F at 5–5.5, arriving 8.5 ≤ 10.
    @Test func twoDeadlinesShareTheTrucks() throws {
        let p = Self.oneDepot(trucks: 2, handling: 0.5, horizon: 10, areas: [("N", 1, 4, 60), ("F", 3, 10, 60)])
        let plan = try GoodsDispatcher().dispatch(p)
        let onTimeN = plan.orders.filter { $0.onTime && $0.area == 0 }.reduce(0) { $0 + $1.quantity }
        let onTimeF = plan.orders.filter { $0.onTime && $0.area == 1 }.reduce(0) { $0 + $1.quantity }
        #expect(isApproximatelyEqual(onTimeN, 40))
        #expect(isApproximatelyEqual(onTimeF, 20))
        #expect(isApproximatelyEqual(plan.levelObjectives[0], 20.0 / 60 + 40.0 / 60))
        // Every on-time trip arrives by its deadline and no truck is in two places at once.
        for trip in plan.trips where trip.onTime { #expect(trip.arrivalHours <= trip.deadlineHours + 1e-9) }
        for truck in 1...2 {
            let own = plan.trips.filter { $0.truck == truck }.sorted { $0.loadingStartHours < $1.loadingStartHours }
            for (a, b) in zip(own, own.dropFirst()) { #expect(b.loadingStartHours >= a.returnHours - 1e-9) }
        }
        let onTimeTrips = plan.trips.filter(\.onTime).map { [$0.arrivalHours, $0.deadlineHours] }.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(onTimeTrips == [[1.5, 4], [1.5, 4], [4, 4], [4, 4], [8.5, 10], [8.5, 10]])
    }

    /// One truck, handling 0.5 h, both areas due by 10 h: A is 3 h away and needs one
    /// truckload (10 units), B is 1 h away and needs two. By 10 h a truck makes
    /// k_A = 2 trips to A (arriving 3.5 and 10) or k_B = 4 to B (1.5, 4, 6.5, 9), so
    /// [D8] reads y_A/2 + y_B/4 ≤ 1: 1/2 + 2/4 = 1, everything on time (O1 = 0).
    ///
    /// By latest departure (A must leave by 7, B by 9) A goes first: arrives 3.5, home
    /// 6.5; B leaves 7, arrives 8, home 9; B leaves 9.5 and arrives 10.5, late, and a
    /// tightening round would cost on-time goods. By deadline plus one leg (B 11, A 13):
    /// B arrives 1.5 (home 2.5), B arrives 4 (home 5), A leaves 5.5 and arrives 8.5. The
    /// scheduler keeps the schedule whose late trips cut the fleet row least: the
    /// second, with none, so no round.
    @Test func aFarTripThatNeedNotComeBackGoesLast() throws {
        let p = Self.oneDepot(trucks: 1, handling: 0.5, horizon: 10, areas: [("A", 3, 10, 10), ("B", 1, 10, 20)])
        let plan = try GoodsDispatcher().dispatch(p)
        #expect(plan.scheduleRounds == 0)
        #expect(isApproximatelyEqual(plan.levelObjectives[0], 0))
        #expect(plan.orders.allSatisfy { $0.onTime })
        let trips = plan.trips.map { [$0.loadingStartHours, $0.departureHours, $0.arrivalHours, $0.returnHours] }
        #expect(trips == [[0, 0.5, 1.5, 2.5], [2.5, 3, 4, 5], [5, 5.5, 8.5, 11.5]])
        #expect(plan.trips.map(\.area) == [1, 1, 0])
    }

    /// Two trucks, handling 1 h, one truckload to each of four areas (hours away, due
    /// by): A (3, 4), B (4, 10), C (2, 8), D (2, 10), the loads given (not solved for).
    ///
    /// Each truck to the truck home first: by latest departure (A 1, B 6, C 6, D 8), A
    /// and B take both trucks (home 7 and 9), and C and D arrive at 10 and 12, both late.
    /// By deadline plus one leg (A 7, C 10, D 12, B 14): A on truck 1 (home 7), C on
    /// truck 2 (arrives 3, home 5), D on truck 2 (arrives 8, home 10), and B on truck 1
    /// arrives at 12, late. Fitting each on-time load to the truck home last of those
    /// that still make its deadline, in the second order: D goes to truck 1 (arrives
    /// 10, on time), which leaves truck 2, home at 5, for B: arrives 10. No late trip.
    @Test func aTruckThatCanStillMakeItIsKeptForTheLoadThatNeedsIt() throws {
        let p = Self.oneDepot(trucks: 2, handling: 1, horizon: 20,
                              areas: [("A", 3, 4, 10), ("B", 4, 10, 10), ("C", 2, 8, 10), ("D", 2, 10, 10)])
        let built = GoodsModelBuilder(problem: p, options: DispatchOptions()).build()
        var values = [Double](repeating: 0, count: built.model.variableCount)
        for arc in built.arcs where arc.onTime { values[Int(arc.variable.index)] = 10 }
        let schedule = FleetScheduler(problem: p, built: built).schedule(values: values)
        #expect(schedule.lateTrips.isEmpty)
        let trips = schedule.trips.map { [Double($0.truck), Double($0.area), $0.arrivalHours] }
        #expect(trips == [[1, 0, 4], [1, 3, 10], [2, 2, 3], [2, 1, 10]])
    }
}
