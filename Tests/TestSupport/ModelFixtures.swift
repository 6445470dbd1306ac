import LinearSolver

/// Models shared by the model-module tests (no GLPK) and the GLPK backend's tests.
public enum ModelFixtures {
    /// A small model that exercises every branch of the file writers: names the CPLEX
    /// LP format must adjust (`[ ] -` and blanks) or replace (a leading digit, Chinese
    /// characters), unnamed rows and columns, free, upper-only, lower-only, double,
    /// fixed, integer (fractional bounds, rounded inwards) and binary columns, a column
    /// in no row, ±1, tiny and large coefficients, a range row, an equality, an empty
    /// row, and an objective constant.
    public static func showcase() -> Model {
        var m = Model(name: "showcase")
        let ship = m.addVariable(name: "ship[D1,A-1]")
        let free = m.addVariable(lowerBound: -.infinity, name: "free var")
        let trucks = m.addVariable(.integer, lowerBound: 0.5, upperBound: 7.5, name: "9trucks")
        let open = m.addVariable(.binary, name: "open")
        let fixed = m.addVariable(lowerBound: 2, upperBound: 2, name: "仓库")
        let upper = m.addVariable(lowerBound: -.infinity, upperBound: 4)
        _ = m.addVariable(lowerBound: 1)
        m.minimize(3 * ship - free + 0.001 * trucks + 1e-5 * open + (1.0 / 3) * fixed + 12345678.9 * upper + 7)
        m.addConstraint(ship + 2 * free - trucks >= 10, name: "cover[A-1]")
        m.addConstraint(0.5 * ship + open, in: 1...3, name: "range")
        m.addConstraint(fixed - upper == 4)
        m.addConstraint(1.5 * trucks + 2.25 * open + 1e-4 * ship <= 1e7, name: "cap")
        m.addConstraint(LinearExpression() >= -1, name: "empty")
        return m
    }

    /// What GLPK 5.0's `glp_write_lp` writes for ``showcase()``, without the final
    /// newline (GLPKBackendTests checks that GLPK still writes exactly this).
    public static let showcaseLP = #"""
        \* Problem: showcase *\

        Minimize
         obj: + 3 ship(D1,A~1) - free_var + 0.001 y_3 + 1e-05 open
         + 0.333333333333333 s_5 + 12345678.9 x_6 + 0 x_7
        \* constant term = 7 *\

        Subject To
         cover(A~1): - y_3 + 2 free_var + ship(D1,A~1) >= 10
         range: + open + 0.5 ship(D1,A~1) - ~r_2 = 1
         r_3: - x_6 + s_5 = 4
         cap: + 2.25 open + 1.5 y_3 + 0.0001 ship(D1,A~1) <= 10000000
         empty: 0 ship(D1,A~1) >= -1

        Bounds
         0 <= ~r_2 <= 2
         free_var free
         1 <= y_3 <= 7
         0 <= open <= 1
         s_5 = 2
         -Inf <= x_6 <= 4
         x_7 >= 1

        Generals
         y_3
         open

        End
        """#

    /// What GLPK 5.0's `glp_write_mps(GLP_MPS_FILE)` writes for ``showcase()``.
    public static let showcaseMPS = #"""
        * Problem:    showcase
        * Class:      MIP
        * Rows:       5
        * Columns:    7 (2 integer, 1 binary)
        * Non-zeros:  10
        * Format:     Free MPS
        *
        NAME showcase
        ROWS
         N R0000000
         G cover[A-1]
         E range
         E R0000003
         L cap
         G empty
        COLUMNS
         ship[D1,A-1] R0000000 3 cap 1.0000000E-4
         ship[D1,A-1] range 0.5 cover[A-1] 1
         free_var R0000000 -1 cover[A-1] 2
         M0000001 'MARKER' 'INTORG'
         9trucks R0000000 1.0000000E-3 cap 1.5
         9trucks cover[A-1] -1
         open R0000000 1.0000000E-5 cap 2.25
         open range 1
         M0000002 'MARKER' 'INTEND'
         仓库 R0000000 0.3333333333 R0000003 1
         C0000006 R0000000 12345678.9 R0000003 -1
         C0000007 cover[A-1] 0 $ empty column
        RHS
         RHS1 R0000000 7 cover[A-1] 10
         RHS1 range 1 R0000003 4
         RHS1 cap 10000000 empty -1
        RANGES
         RNG1 range 2
        BOUNDS
         FR BND1 free_var
         LO BND1 9trucks 1
         UP BND1 9trucks 7
         UP BND1 open 1
         FX BND1 仓库 2
         MI BND1 C0000006
         UP BND1 C0000006 4
         LO BND1 C0000007 1
        ENDATA
        """#
}
