/// A linear constraint `lower ≤ Σ aᵢ·xᵢ ≤ upper`, made by comparing expressions.
///
/// ```swift
/// model.addConstraint(sum(arcsFrom[i]) { ship[$0] } <= stock[i], name: "stock[\(i)]")
/// model.addConstraint(x + y, in: 2...5)          // a range row
/// ```
/// The constant of the compared expressions moves to the bounds; either bound may be
/// infinite (`-.infinity` or `.infinity`) but not both.
public struct LinearConstraint: Sendable {
    /// The variable part (its constant is always 0).
    public var expression: LinearExpression
    /// Lower bound of the row activity, or `-.infinity`.
    public var lowerBound: Double
    /// Upper bound of the row activity, or `.infinity`.
    public var upperBound: Double

    /// `lowerBound ≤ expression ≤ upperBound`; the expression's constant is moved
    /// to both bounds.
    public init(_ expression: LinearExpression, lowerBound: Double, upperBound: Double) {
        var e = expression
        let c = e.constant
        e.constant = 0
        self.expression = e
        self.lowerBound = lowerBound - c
        self.upperBound = upperBound - c
    }
}

extension LinearExpression {
    public static func <= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
        LinearConstraint(lhs - rhs, lowerBound: -.infinity, upperBound: 0)
    }

    public static func >= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
        LinearConstraint(lhs - rhs, lowerBound: 0, upperBound: .infinity)
    }

    public static func == (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
        LinearConstraint(lhs - rhs, lowerBound: 0, upperBound: 0)
    }

    public static func <= (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
        LinearConstraint(lhs, lowerBound: -.infinity, upperBound: rhs)
    }

    public static func >= (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
        LinearConstraint(lhs, lowerBound: rhs, upperBound: .infinity)
    }

    public static func == (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
        LinearConstraint(lhs, lowerBound: rhs, upperBound: rhs)
    }

    public static func <= (lhs: Double, rhs: LinearExpression) -> LinearConstraint { rhs >= lhs }
    public static func >= (lhs: Double, rhs: LinearExpression) -> LinearConstraint { rhs <= lhs }
    public static func == (lhs: Double, rhs: LinearExpression) -> LinearConstraint { rhs == lhs }

    public static func <= (lhs: LinearExpression, rhs: Variable) -> LinearConstraint { lhs - rhs <= 0 }
    public static func >= (lhs: LinearExpression, rhs: Variable) -> LinearConstraint { lhs - rhs >= 0 }
    public static func == (lhs: LinearExpression, rhs: Variable) -> LinearConstraint { lhs - rhs == 0 }
}

extension Variable {
    public static func <= (lhs: Variable, rhs: Double) -> LinearConstraint { LinearExpression(lhs) <= rhs }
    public static func >= (lhs: Variable, rhs: Double) -> LinearConstraint { LinearExpression(lhs) >= rhs }
    public static func == (lhs: Variable, rhs: Double) -> LinearConstraint { LinearExpression(lhs) == rhs }
    public static func <= (lhs: Variable, rhs: LinearExpression) -> LinearConstraint { LinearExpression(lhs) <= rhs }
    public static func >= (lhs: Variable, rhs: LinearExpression) -> LinearConstraint { LinearExpression(lhs) >= rhs }
    public static func == (lhs: Variable, rhs: LinearExpression) -> LinearConstraint { LinearExpression(lhs) == rhs }
    public static func <= (lhs: Variable, rhs: Variable) -> LinearConstraint { lhs - rhs <= 0 }
    public static func >= (lhs: Variable, rhs: Variable) -> LinearConstraint { lhs - rhs >= 0 }
    // `x == y` stays Equatable's Bool; write `x - y == 0` for the constraint.
}
