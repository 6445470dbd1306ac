import Testing
import TestSupport
@testable import Response
import ReserveModel

/// Whole pieces of indivisible items (`DispatchOptions.wholeUnits`), on a case worked by hand.
@Suite struct WholePiecesTests {
    typealias P = GoodsProblem

    /// One depot loads 1 t an hour from time 0 and holds 20 boats of 0.4 t; A1 needs 12
    /// boats by 4 h, one hour away. Loads that arrive by 4 h leave by 3 h: 3 t, which is
    /// 7.5 boats. The LP sends 7.5 on time and 4.5 late. In whole boats at most 7 can
    /// arrive on time (8 would be 3.2 t), so 7 on time and 5 late: weighted shortfall by
    /// the deadline 5/12 instead of the LP's 4.5/12, a gap of 0.5/5 = 10 % to the bound.
    /// Brute force agrees: on-time boats k with 0.4 k ≤ 3 → k ≤ 7.
    static func problem(divisible: Bool) -> P {
        P(items: [P.Item(id: "boat", unitWeightTons: 0.4, unitVolumeCubicMetres: 1, divisible: divisible)],
          areas: [P.Area(id: "A1", deadlineHours: 4)],
          needs: [P.Need(area: 0, item: 0, quantity: 12)],
          sources: [P.Source(id: "D1", throughputTonsPerHour: 1)],
          supplies: [P.Supply(source: 0, item: 0, quantity: 20)],
          routes: [P.Route(source: 0, area: 0, travelHours: 1, distanceKm: 60)], horizonHours: 24)
    }

    func split(_ plan: GoodsPlan) -> (onTime: Double, late: Double) {
        (plan.orders.filter(\.onTime).map(\.quantity).reduce(0, +), plan.orders.filter { !$0.onTime }.map(\.quantity).reduce(0, +))
    }

    @Test func theLPSplitsABoatAndWholePiecesDoNot() throws {
        let lp = try GoodsDispatcher(options: DispatchOptions(wholeUnits: false)).dispatch(Self.problem(divisible: false))
        #expect(isApproximatelyEqual(split(lp).onTime, 7.5) && isApproximatelyEqual(split(lp).late, 4.5))
        #expect(isApproximatelyEqual(lp.levelObjectives[0], 4.5 / 12))

        let whole = try GoodsDispatcher(options: DispatchOptions(wholeUnits: true)).dispatch(Self.problem(divisible: false))
        #expect(split(whole).onTime == 7 && split(whole).late == 5)
        #expect(whole.orders.allSatisfy { $0.quantity == $0.quantity.rounded() })
        #expect(isApproximatelyEqual(whole.weightedShortfall, 5.0 / 12))
        #expect(whole.modelSize.integerColumns >= 1)
        #expect(isApproximatelyEqual(whole.levelOneLPBound ?? .nan, 4.5 / 12))
        #expect(lp.levelOneLPBound == nil)
    }

    /// A divisible item (litres, kilograms) is left as the LP sends it.
    @Test func aDivisibleItemKeepsItsFraction() throws {
        let plan = try GoodsDispatcher(options: DispatchOptions(wholeUnits: true)).dispatch(Self.problem(divisible: true))
        #expect(isApproximatelyEqual(split(plan).onTime, 7.5))
        #expect(plan.modelSize.integerColumns == 0)
    }

    /// The unit decides the default: pieces are not divisible, measures are.
    @Test func theUnitDecidesTheDefault() {
        for unit in ["艘", "台", "顶", "张", "床", "件", "个", "部", "辆", "套", "份", "unit"] {
            #expect(!Item.isMeasured(unit: unit), "\(unit)")
        }
        for unit in ["L", "kg", "t", "m³", "m3", "m²", "升", "千克", "吨", "立方米"] {
            #expect(Item.isMeasured(unit: unit), "\(unit)")
        }
    }
}
