// The operator set is deliberately small and closed (see docs/decisions.md): every
// combination of `Variable`, `LinearExpression` and `Double` that a model needs,
// and nothing generic, so that chains such as `2 * x + 3 * y - z + 4` type-check fast.

extension Variable {
    /// `coefficient · variable`.
    public static func * (coefficient: Double, variable: Variable) -> LinearExpression {
        LinearExpression(variable, coefficient: coefficient)
    }

    /// `variable · coefficient`.
    public static func * (variable: Variable, coefficient: Double) -> LinearExpression {
        LinearExpression(variable, coefficient: coefficient)
    }

    public static func + (lhs: Variable, rhs: Variable) -> LinearExpression {
        var e = LinearExpression(lhs); e.add(1, rhs); return e
    }

    public static func - (lhs: Variable, rhs: Variable) -> LinearExpression {
        var e = LinearExpression(lhs); e.add(-1, rhs); return e
    }

    public static func + (lhs: Variable, rhs: Double) -> LinearExpression {
        var e = LinearExpression(lhs); e.constant = rhs; return e
    }

    public static func - (lhs: Variable, rhs: Double) -> LinearExpression {
        var e = LinearExpression(lhs); e.constant = -rhs; return e
    }

    public static func + (lhs: Double, rhs: Variable) -> LinearExpression { rhs + lhs }

    public static func - (lhs: Double, rhs: Variable) -> LinearExpression {
        var e = LinearExpression(rhs, coefficient: -1); e.constant = lhs; return e
    }

    public static prefix func - (variable: Variable) -> LinearExpression {
        LinearExpression(variable, coefficient: -1)
    }
}

extension LinearExpression {
    public static func * (coefficient: Double, expression: LinearExpression) -> LinearExpression {
        var e = expression; e.scale(by: coefficient); return e
    }

    public static func * (expression: LinearExpression, coefficient: Double) -> LinearExpression {
        coefficient * expression
    }

    public static func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        var e = lhs; e.add(rhs); return e
    }

    public static func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        var e = lhs; e.add(rhs, scaledBy: -1); return e
    }

    public static func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
        var e = lhs; e.add(1, rhs); return e
    }

    public static func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
        var e = lhs; e.add(-1, rhs); return e
    }

    public static func + (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
        var e = LinearExpression(lhs); e.add(rhs); return e
    }

    public static func - (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
        var e = LinearExpression(lhs); e.add(rhs, scaledBy: -1); return e
    }

    public static func + (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        var e = lhs; e.constant += rhs; return e
    }

    public static func - (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        var e = lhs; e.constant -= rhs; return e
    }

    public static func + (lhs: Double, rhs: LinearExpression) -> LinearExpression { rhs + lhs }

    public static func - (lhs: Double, rhs: LinearExpression) -> LinearExpression {
        var e = rhs; e.scale(by: -1); e.constant += lhs; return e
    }

    public static prefix func - (expression: LinearExpression) -> LinearExpression {
        var e = expression; e.scale(by: -1); return e
    }

    public static func += (lhs: inout LinearExpression, rhs: LinearExpression) { lhs.add(rhs) }
    public static func -= (lhs: inout LinearExpression, rhs: LinearExpression) { lhs.add(rhs, scaledBy: -1) }
    public static func += (lhs: inout LinearExpression, rhs: Variable) { lhs.add(1, rhs) }
    public static func -= (lhs: inout LinearExpression, rhs: Variable) { lhs.add(-1, rhs) }
    public static func += (lhs: inout LinearExpression, rhs: Double) { lhs.constant += rhs }
    public static func -= (lhs: inout LinearExpression, rhs: Double) { lhs.constant -= rhs }
}
