import Testing
import TestSupport
@testable import Response

/// Trips that carry whole pieces (issue 14, item 1): each case worked by hand in its
/// comment. The truck takes 10 t and 10 m³; a boat is a piece of 1 m³, water is
/// divisible, 1 kg and 1 L a litre.
@Suite struct TripLoaderTests {
    typealias P = GoodsProblem
    static let fleet = P.Fleet(trucks: 3, capacityTons: 10, capacityCubicMetres: 10)

    func problem(boatTonnes: Double) -> P {
        P(items: [P.Item(id: "boat", unitWeightTons: boatTonnes, unitVolumeCubicMetres: 1, divisible: false),
                  P.Item(id: "water", unitWeightTons: 0.001, unitVolumeCubicMetres: 0.001)],
          areas: [P.Area(id: "A", deadlineHours: 10)],
          needs: [], sources: [P.Source(id: "D", fleet: Self.fleet)], supplies: [], routes: [], horizonHours: 30)
    }

    func loads(boats: Double, boatTonnes: Double, litres: Double) -> [TripLoader.Load] {
        let p = problem(boatTonnes: boatTonnes)
        var part = FleetScheduler.Part(virtualSource: 0, ready: 0)
        part.units = [0: boats, 1: litres]
        part.tons = boats * boatTonnes + litres * 0.001
        part.cubicMetres = boats + litres * 0.001
        let group = FleetScheduler.Group(source: 0, route: 0, onTime: true, parts: [part])
        return TripLoader(problem: p, fleet: Self.fleet).loads(of: group)
    }

    func cargo(_ loads: [TripLoader.Load]) -> [[Double]] {
        loads.map { load in [0, 1].map { item in load.cargo.first { $0.item == item }?.quantity ?? 0 } }
    }

    /// 5 boats of 3 t and 2,000 L: 17 t, 7 m³ → 2 trucks. Each trip takes half of
    /// everything: 2.5 boats rounds to 3 on the first trip (the cumulative share
    /// 0.5 × 5 = 2.5 → 3), 2 on the second, and 1,000 L each: 10 t and 7 t.
    @Test func evenTripsWithWholeBoats() {
        let l = loads(boats: 5, boatTonnes: 3, litres: 2000)
        #expect(cargo(l) == [[3, 1000], [2, 1000]])
        #expect(l.map(\.tons) == [10, 7])
        #expect(l.map(\.cubicMetres) == [4, 3])
    }

    /// 3 boats of 5 t and 4,000 L: 19 t → 2 trucks. The even split gives the first
    /// trip 2 boats (1.5 → 2) and 2,000 L, 12 t: 2 t over. A boat does not fit on the
    /// second trip (7 t + 5 t), so 2,000 L move there: 2 boats (10 t) and 1 boat with
    /// 4,000 L (9 t). Two trips, as the model counted 1.9 truckloads.
    @Test func waterMovesToMakeRoomInsteadOfAThirdTrip() {
        let l = loads(boats: 3, boatTonnes: 5, litres: 4000)
        #expect(l.count == 2)
        #expect(cargo(l) == [[2, 0], [1, 4000]])
        #expect(l.map(\.tons) == [10, 9])
    }

    /// 3 boats of 6 t: 18 t is 1.8 truckloads, but a truck takes one 6 t boat only:
    /// three trips of one boat each. The model's fractional truckloads cannot see
    /// this; the schedule can, and the trips it reports are the trips that run.
    @Test func piecesThatCannotShareATruckTakeATripEach() {
        let l = loads(boats: 3, boatTonnes: 6, litres: 0)
        #expect(cargo(l) == [[1, 0], [1, 0], [1, 0]])
        #expect(l.allSatisfy { $0.tons == 6 })
    }

    /// Divisible water alone: 25,000 L = 25 t → 3 trips of a third each, as before
    /// whole pieces (equal shares).
    @Test func divisibleLoadsSplitEvenly() {
        let l = loads(boats: 0, boatTonnes: 3, litres: 25000)
        #expect(l.count == 3)
        for load in l { #expect(isApproximatelyEqual(load.cargo[0].quantity, 25000.0 / 3)) }
    }
}
