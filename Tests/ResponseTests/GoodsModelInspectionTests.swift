import Testing
import TestSupport
import LinearSolver
@testable import Response

/// The dispatch LP checked as a model, without solving it: no GLPK is called here.
/// The problem is GoodsDispatchTests' first case (worked there by hand).
@Suite struct GoodsModelInspectionTests {
    typealias P = GoodsProblem

    /// D1 (100 tents) and D2 (50), handling 1 h; A1 and A2 need 80 and 60 tents by
    /// 10 h; travel D1→A1 2 h (100 km), D1→A2 12 h (600 km), D2→A1 4 h (200 km),
    /// D2→A2 3 h (150 km); horizon 24 h. Every route arrives within the horizon, and
    /// only D1→A2 (13 h) is late.
    static let problem = P(
        items: [P.Item(id: "tent", unitWeightTons: 0.05, unitVolumeCubicMetres: 0.1)],
        areas: [P.Area(id: "A1", deadlineHours: 10), P.Area(id: "A2", deadlineHours: 10)],
        needs: [P.Need(area: 0, item: 0, quantity: 80), P.Need(area: 1, item: 0, quantity: 60)],
        sources: [P.Source(id: "D1", handlingHours: 1), P.Source(id: "D2", handlingHours: 1)],
        supplies: [P.Supply(source: 0, item: 0, quantity: 100), P.Supply(source: 1, item: 0, quantity: 50)],
        routes: [P.Route(source: 0, area: 0, travelHours: 2, distanceKm: 100),
                 P.Route(source: 0, area: 1, travelHours: 12, distanceKm: 600),
                 P.Route(source: 1, area: 0, travelHours: 4, distanceKm: 200),
                 P.Route(source: 1, area: 1, travelHours: 3, distanceKm: 150)],
        horizonHours: 24)

    /// Columns: one shipment per reachable (depot, area, item) — 4 — then the
    /// shortfall by the deadline u and by the horizon z per need. Rows: D1–D3 per need
    /// (both needs have arcs), D4 per depot and item; no throughput, cap or fleet rows.
    @Test func namedModelHasTheFormulationsRows() throws {
        let (model, levels) = try GoodsDispatcher(options: DispatchOptions(nameModel: true)).model(for: Self.problem)
        #expect(model.variableCount == 8 && model.constraintCount == 8)
        #expect(model.columnNames == ["x[D1,A1,tent,0]", "x[D1,A2,tent,0]", "x[D2,A1,tent,1]", "x[D2,A2,tent,1]",
                                      "u[A1,tent]", "u[A2,tent]", "z[A1,tent]", "z[A2,tent]"])
        #expect(model.rowNames == ["D1[A1,tent]", "D2[A1,tent]", "D3[A1,tent]", "D1[A2,tent]", "D2[A2,tent]", "D3[A2,tent]",
                                   "D4[D1,tent,0]", "D4[D2,tent,1]"])
        // 3 + 3 + 2 (A1) + 2 + 3 + 2 (A2: only D2's arc is on time) + 2 + 2 (stock).
        #expect(model.nonZeroCount == 19)

        func row(_ name: String) throws -> (columns: [Int32], coefficients: [Double], lower: Double, upper: Double) {
            let r = try #require(model.constraint(named: name))
            let (indices, coefficients) = model.terms(of: r)
            return (Array(indices), Array(coefficients), model.rowLower[Int(r.index)], model.rowUpper[Int(r.index)])
        }
        // [D1] on-time cover of A2: only x[D2,A2] and the shortfall u[A2].
        let d1 = try row("D1[A2,tent]")
        #expect(d1.columns == [3, 5] && d1.coefficients == [1, 1] && d1.lower == 60 && d1.upper == .infinity)
        // [D2] horizon cover of A2: the late arc counts too.
        #expect(try row("D2[A2,tent]").columns == [1, 3, 7])
        // [D4] D2's stock.
        let d4 = try row("D4[D2,tent,1]")
        #expect(d4.columns == [2, 3] && d4.coefficients == [1, 1] && d4.lower == -.infinity && d4.upper == 50)

        // The model's objective is level 1: weight / quantity on each shortfall.
        #expect(model.objectiveSense == .minimize)
        #expect(model.objectiveCoefficients == [0, 0, 0, 0, 1.0 / 80, 1.0 / 60, 0, 0])
        #expect(levels.count == 3)

        // The plan worked by hand in GoodsDispatchTests is feasible here and has its
        // level values: 10/60 short, 10 tents 3 h late (3·10/60), 1,075 t·km.
        let plan: [Double] = [80, 10, 0, 50, 0, 10, 0, 0]
        #expect(model.isFeasible(plan))
        #expect(isApproximatelyEqual(levels[0].expression.value(at: plan), 10.0 / 60))
        #expect(isApproximatelyEqual(levels[1].expression.value(at: plan), 3 * 10.0 / 60))
        #expect(isApproximatelyEqual(levels[2].expression.value(at: plan), 1075))
        // Sending D2's 50 to A1 as well would exceed its stock.
        #expect(!model.isFeasible([80, 10, 50, 50, 0, 10, 0, 0]))
    }

    /// Unnamed (the default, what `reserve dispatch` builds unless it exports the
    /// model): the same matrix without a single name.
    @Test func unnamedModelIsTheSameMatrix() throws {
        let named = try GoodsDispatcher(options: DispatchOptions(nameModel: true)).model(for: Self.problem).model
        let plain = try GoodsDispatcher(options: DispatchOptions()).model(for: Self.problem).model
        #expect(plain.columnNames.allSatisfy(\.isEmpty) && plain.rowNames.allSatisfy(\.isEmpty))
        #expect(plain.rowStart == named.rowStart && plain.rowIndices == named.rowIndices)
        #expect(plain.rowCoefficients == named.rowCoefficients)
        #expect(plain.rowLower == named.rowLower && plain.rowUpper == named.rowUpper)
        #expect(plain.objectiveCoefficients == named.objectiveCoefficients)
        let lp = String(decoding: try plain.fileContents(format: .lp), as: UTF8.self)
        #expect(lp.contains(" r_8: + x_4 + x_3 <= 50\n"))
    }
}
