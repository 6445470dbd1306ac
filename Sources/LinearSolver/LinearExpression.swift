/// A linear expression `Σ aᵢ·xᵢ + c` over the variables of one model.
///
/// Terms are stored as two parallel flat arrays (column indices and coefficients),
/// in the order they were added; repeated variables are merged only when the
/// expression becomes a constraint or objective. Build expressions with the
/// operators (`2 * x + y - 3`) or, for long sums, with ``sum(_:_:)`` and
/// ``add(_:_:)``, which append in place.
public struct LinearExpression: Sendable {
    /// Column indices of the terms, parallel to ``coefficients``.
    public private(set) var indices: [Int32]
    /// Coefficients of the terms, parallel to ``indices``.
    public private(set) var coefficients: [Double]
    /// The constant term.
    public var constant: Double

    /// The empty expression, `0`.
    public init() {
        indices = []
        coefficients = []
        constant = 0
    }

    /// The constant expression `value`.
    public init(_ value: Double) {
        indices = []
        coefficients = []
        constant = value
    }

    /// The expression `coefficient · variable`.
    public init(_ variable: Variable, coefficient: Double = 1) {
        indices = [variable.index]
        coefficients = [coefficient]
        constant = 0
    }

    /// Number of stored terms (before merging repeated variables).
    public var termCount: Int { indices.count }

    /// Reserves room for `count` terms, so that long sums do not reallocate.
    public mutating func reserveCapacity(_ count: Int) {
        indices.reserveCapacity(count)
        coefficients.reserveCapacity(count)
    }

    /// Appends `coefficient · variable` in place.
    @inlinable
    public mutating func add(_ coefficient: Double, _ variable: Variable) {
        appendTerm(variable.index, coefficient)
    }

    /// Appends every term of `other`, scaled by `factor`, in place.
    public mutating func add(_ other: LinearExpression, scaledBy factor: Double = 1) {
        indices.append(contentsOf: other.indices)
        if factor == 1 {
            coefficients.append(contentsOf: other.coefficients)
        } else {
            coefficients.append(contentsOf: other.coefficients.lazy.map { $0 * factor })
        }
        constant += other.constant * factor
    }

    @usableFromInline
    mutating func appendTerm(_ index: Int32, _ coefficient: Double) {
        indices.append(index)
        coefficients.append(coefficient)
    }

    /// Multiplies every coefficient and the constant by `factor`.
    public mutating func scale(by factor: Double) {
        for k in coefficients.indices { coefficients[k] *= factor }
        constant *= factor
    }

    /// The terms with repeated variables added together and zero coefficients
    /// dropped, sorted by column index.
    public func mergedTerms() -> (indices: [Int32], coefficients: [Double]) {
        TermMerger.merge(indices: indices, coefficients: coefficients)
    }

    /// Evaluates the expression at the given variable values (indexed by column).
    public func value(at values: [Double]) -> Double {
        var total = constant
        for k in indices.indices { total += coefficients[k] * values[Int(indices[k])] }
        return total
    }
}

/// The sum of `body(element)` over a sequence, appended into one expression.
///
/// ```swift
/// let shipped = sum(arcsFrom[depot]) { ship[$0] }
/// ```
@inlinable
public func sum<S: Sequence>(_ elements: S, _ body: (S.Element) throws -> Variable) rethrows -> LinearExpression {
    var expression = LinearExpression()
    expression.reserveCapacity(elements.underestimatedCount)
    for element in elements { expression.add(1, try body(element)) }
    return expression
}

/// The sum of `body(element)` over a sequence, where each element contributes an
/// expression (for example `cost[a] * ship[a]`).
@inlinable
public func sum<S: Sequence>(_ elements: S, _ body: (S.Element) throws -> LinearExpression) rethrows -> LinearExpression {
    var expression = LinearExpression()
    expression.reserveCapacity(elements.underestimatedCount)
    for element in elements { expression.add(try body(element)) }
    return expression
}

/// The sum of a sequence of variables, each with coefficient 1.
public func sum<S: Sequence>(_ variables: S) -> LinearExpression where S.Element == Variable {
    sum(variables) { $0 }
}

/// Merges repeated column indices; shared by expressions and file import.
package enum TermMerger {
    package static func merge(indices: [Int32], coefficients: [Double]) -> (indices: [Int32], coefficients: [Double]) {
        var strictlyIncreasing = true
        var hasZero = false
        for k in indices.indices {
            if k > 0 && indices[k] <= indices[k - 1] { strictlyIncreasing = false }
            if coefficients[k] == 0 { hasZero = true }
        }
        if strictlyIncreasing && !hasZero { return (indices, coefficients) }
        var order = Array(indices.indices)
        if !strictlyIncreasing { order.sort { (indices[$0], $0) < (indices[$1], $1) } }
        var mergedIndices: [Int32] = []
        var mergedCoefficients: [Double] = []
        mergedIndices.reserveCapacity(indices.count)
        mergedCoefficients.reserveCapacity(indices.count)
        for k in order {
            if let last = mergedIndices.last, last == indices[k] {
                mergedCoefficients[mergedCoefficients.count - 1] += coefficients[k]
            } else {
                mergedIndices.append(indices[k])
                mergedCoefficients.append(coefficients[k])
            }
        }
        // Drop exact zeros (including cancellations such as x - x).
        var keep = 0
        for k in mergedIndices.indices where mergedCoefficients[k] != 0 || mergedCoefficients[k].isNaN {
            mergedIndices[keep] = mergedIndices[k]
            mergedCoefficients[keep] = mergedCoefficients[k]
            keep += 1
        }
        mergedIndices.removeLast(mergedIndices.count - keep)
        mergedCoefficients.removeLast(mergedCoefficients.count - keep)
        return (mergedIndices, mergedCoefficients)
    }
}
