/// A linear or mixed-integer program, built the way it is written on paper.
///
/// ```swift
/// var m = Model(name: "transport")
/// let ship = m.addVariables(count: arcs.count, lowerBound: 0, name: { "ship[\($0)]" })
/// m.minimize(sum(arcs.indices) { cost[$0] * ship[$0] })
/// for i in plants.indices {
///     m.addConstraint(sum(arcsFrom[i]) { ship[$0] } <= supply[i], name: "supply[\(i)]")
/// }
/// let solution = try GLPKSolver().solve(m)
/// ```
///
/// Storage is flat: column data in parallel arrays and the constraint matrix in
/// compressed sparse row form (`rowStart`, `rowIndices`, `rowCoefficients`), so a
/// model with a million non-zeros builds in well under a second and maps straight
/// onto GLPK's row loader. A model is a value: copy it, mutate the copy, and solve
/// both on different threads. Nothing is checked while building; ``validate()``
/// (called by every solver and writer) reports every problem at once.
public struct Model: Sendable {
    /// The model's name (used in exported files).
    public var name: String
    /// Minimise or maximise.
    public var objectiveSense: ObjectiveSense = .minimize
    /// The objective's constant term.
    public var objectiveConstant: Double = 0

    /// Lower bound of each column (`-.infinity` when free below).
    public internal(set) var columnLower: [Double] = []
    /// Upper bound of each column (`.infinity` when free above).
    public internal(set) var columnUpper: [Double] = []
    /// Objective coefficient of each column.
    public internal(set) var objectiveCoefficients: [Double] = []
    /// Kind of each column.
    public internal(set) var columnKinds: [VariableKind] = []
    /// Name of each column; empty when unnamed.
    public internal(set) var columnNames: [String] = []

    /// Offsets into ``rowIndices``/``rowCoefficients``: row `r` holds entries
    /// `rowStart[r] ..< rowStart[r + 1]`.
    public internal(set) var rowStart: [Int] = [0]
    /// Column index of each non-zero, row by row, increasing within a row.
    public internal(set) var rowIndices: [Int32] = []
    /// Value of each non-zero, parallel to ``rowIndices``.
    public internal(set) var rowCoefficients: [Double] = []
    /// Lower bound of each row activity (`-.infinity` when none).
    public internal(set) var rowLower: [Double] = []
    /// Upper bound of each row activity (`.infinity` when none).
    public internal(set) var rowUpper: [Double] = []
    /// Name of each row; empty when unnamed.
    public internal(set) var rowNames: [String] = []

    /// Whether ``addVariable(_:lowerBound:upperBound:objective:name:)``,
    /// ``addVariables(count:_:lowerBound:upperBound:name:)`` and the `addConstraint`
    /// family keep the names they are given (cf. JuMP's `set_string_names_on_creation`).
    ///
    /// Off, a name argument is never even evaluated (it is an autoclosure), so a large
    /// model that nobody will read builds without formatting a string per row and
    /// column; its rows and columns are then unnamed (`r<row+1>`, `x<column+1>` in
    /// messages; GLPK's `r_<row>`, `x_<column>` in exported files). Switching it
    /// affects only what is added afterwards.
    public var namesOnCreation: Bool

    /// An empty model.
    ///
    /// - Parameters:
    ///   - name: the model's name, used in exported files.
    ///   - namesOnCreation: see ``namesOnCreation``.
    public init(name: String = "model", namesOnCreation: Bool = true) {
        self.name = name
        self.namesOnCreation = namesOnCreation
    }

    /// Number of variables (columns).
    public var variableCount: Int { columnLower.count }
    /// Number of constraints (rows).
    public var constraintCount: Int { rowLower.count }
    /// Number of stored constraint-matrix non-zeros.
    public var nonZeroCount: Int { rowIndices.count }

    /// A hash of the constraint matrix (shape, structure and coefficients; not bounds,
    /// kinds or objective), for this process only: what solver scale factors depend on.
    package var matrixHash: Int {
        var hasher = Hasher()
        hasher.combine(constraintCount)
        hasher.combine(variableCount)
        rowStart.withUnsafeBytes { hasher.combine(bytes: $0) }
        rowIndices.withUnsafeBytes { hasher.combine(bytes: $0) }
        rowCoefficients.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }
    /// Whether any variable is integer or binary.
    public var isMixedInteger: Bool { columnKinds.contains { $0 != .continuous } }

    /// All variables, in column order.
    public var variables: [Variable] { (0..<Int32(variableCount)).map(Variable.init(index:)) }

    /// Reserves storage ahead of a large build.
    public mutating func reserveCapacity(variables: Int, constraints: Int, nonZeros: Int) {
        columnLower.reserveCapacity(variables)
        columnUpper.reserveCapacity(variables)
        objectiveCoefficients.reserveCapacity(variables)
        columnKinds.reserveCapacity(variables)
        columnNames.reserveCapacity(variables)
        rowStart.reserveCapacity(constraints + 1)
        rowLower.reserveCapacity(constraints)
        rowUpper.reserveCapacity(constraints)
        rowNames.reserveCapacity(constraints)
        rowIndices.reserveCapacity(nonZeros)
        rowCoefficients.reserveCapacity(nonZeros)
    }

    // MARK: Variables

    /// Adds one variable.
    ///
    /// - Parameters:
    ///   - kind: continuous, integer or binary. A binary variable's default bounds are [0, 1].
    ///   - lowerBound: defaults to 0 (use `-.infinity` for a free variable).
    ///   - upperBound: defaults to `.infinity` (1 for binaries).
    ///   - objective: its objective coefficient.
    ///   - name: at most 255 bytes, no control characters; empty for none. Not
    ///     evaluated when ``namesOnCreation`` is off.
    @discardableResult
    public mutating func addVariable(
        _ kind: VariableKind = .continuous,
        lowerBound: Double = 0,
        upperBound: Double? = nil,
        objective: Double = 0,
        name: @autoclosure () -> String = ""
    ) -> Variable {
        let variable = Variable(index: Int32(truncatingIfNeeded: columnLower.count))
        columnLower.append(lowerBound)
        columnUpper.append(upperBound ?? (kind == .binary ? 1 : .infinity))
        objectiveCoefficients.append(objective)
        columnKinds.append(kind)
        columnNames.append(namesOnCreation ? name() : "")
        return variable
    }

    /// Adds `count` variables with the same kind and bounds; `name` gives each one's
    /// name (not called when ``namesOnCreation`` is off).
    public mutating func addVariables(
        count: Int,
        _ kind: VariableKind = .continuous,
        lowerBound: Double = 0,
        upperBound: Double? = nil,
        name: ((Int) -> String)? = nil
    ) -> [Variable] {
        var result: [Variable] = []
        result.reserveCapacity(count)
        for k in 0..<count {
            result.append(addVariable(kind, lowerBound: lowerBound, upperBound: upperBound, name: name?(k) ?? ""))
        }
        return result
    }

    /// Changes a variable's bounds.
    public mutating func setBounds(_ variable: Variable, lower: Double, upper: Double) {
        columnLower[Int(variable.index)] = lower
        columnUpper[Int(variable.index)] = upper
    }

    /// Changes a variable's kind.
    public mutating func setKind(_ variable: Variable, _ kind: VariableKind) {
        columnKinds[Int(variable.index)] = kind
    }

    /// A variable's name, or `x<column+1>` when it has none (GLPK's convention).
    public func name(of variable: Variable) -> String {
        let stored = columnNames[Int(variable.index)]
        return stored.isEmpty ? "x\(variable.index + 1)" : stored
    }

    /// A constraint's name, or `r<row+1>` when it has none.
    public func name(of constraint: ConstraintRef) -> String {
        let stored = rowNames[Int(constraint.index)]
        return stored.isEmpty ? "r\(constraint.index + 1)" : stored
    }

    /// The first variable with the given name, if any.
    public func variable(named name: String) -> Variable? {
        columnNames.firstIndex(of: name).map { Variable(index: Int32($0)) }
    }

    /// The first constraint with the given name, if any.
    public func constraint(named name: String) -> ConstraintRef? {
        rowNames.firstIndex(of: name).map { ConstraintRef(index: Int32($0)) }
    }

    // MARK: Objective

    /// Sets the objective to minimise `expression` (replacing any earlier objective).
    public mutating func minimize(_ expression: LinearExpression) {
        setObjective(expression, sense: .minimize)
    }

    /// Sets the objective to maximise `expression` (replacing any earlier objective).
    public mutating func maximize(_ expression: LinearExpression) {
        setObjective(expression, sense: .maximize)
    }

    /// Sets the objective and its sense.
    public mutating func setObjective(_ expression: LinearExpression, sense: ObjectiveSense) {
        objectiveSense = sense
        objectiveConstant = expression.constant
        for k in objectiveCoefficients.indices { objectiveCoefficients[k] = 0 }
        for k in expression.indices.indices {
            let column = Int(expression.indices[k])
            // Out-of-range columns are kept out of the arrays; validate() reports them.
            if column >= 0 && column < objectiveCoefficients.count {
                objectiveCoefficients[column] += expression.coefficients[k]
            } else {
                danglingObjectiveColumns.append(expression.indices[k])
            }
        }
    }

    /// The current objective as an expression.
    public var objective: LinearExpression {
        var e = LinearExpression(objectiveConstant)
        for (k, c) in objectiveCoefficients.enumerated() where c != 0 {
            e.add(c, Variable(index: Int32(k)))
        }
        return e
    }

    /// Objective columns that did not exist when the objective was set.
    package var danglingObjectiveColumns: [Int32] = []

    // MARK: Constraints

    /// Adds a constraint built with `<=`, `>=` or `==`; `name` is not evaluated when
    /// ``namesOnCreation`` is off.
    @discardableResult
    public mutating func addConstraint(_ constraint: LinearConstraint, name: @autoclosure () -> String = "") -> ConstraintRef {
        let (indices, coefficients) = constraint.expression.mergedTerms()
        return appendRow(indices: indices, coefficients: coefficients,
                         lower: constraint.lowerBound, upper: constraint.upperBound,
                         name: namesOnCreation ? name() : "")
    }

    /// Adds the range constraint `range.lowerBound ≤ expression ≤ range.upperBound`.
    @discardableResult
    public mutating func addConstraint(_ expression: LinearExpression, in range: ClosedRange<Double>,
                                       name: @autoclosure () -> String = "") -> ConstraintRef {
        addConstraint(LinearConstraint(expression, lowerBound: range.lowerBound, upperBound: range.upperBound), name: name())
    }

    /// Adds the constraint `lower ≤ expression ≤ upper`, where either side may be infinite.
    @discardableResult
    public mutating func addConstraint(_ expression: LinearExpression, lower: Double, upper: Double,
                                       name: @autoclosure () -> String = "") -> ConstraintRef {
        addConstraint(LinearConstraint(expression, lowerBound: lower, upperBound: upper), name: name())
    }

    /// Appends one row from terms that are already merged (sorted, no repeats); the
    /// name is kept as given (readers keep a file's names whatever ``namesOnCreation`` says).
    package mutating func appendRow(indices: [Int32], coefficients: [Double], lower: Double, upper: Double, name: String) -> ConstraintRef {
        let row = ConstraintRef(index: Int32(truncatingIfNeeded: rowLower.count))
        rowIndices.append(contentsOf: indices)
        rowCoefficients.append(contentsOf: coefficients)
        rowStart.append(rowIndices.count)
        rowLower.append(lower)
        rowUpper.append(upper)
        rowNames.append(name)
        return row
    }

    /// Changes a constraint's bounds.
    public mutating func setBounds(_ constraint: ConstraintRef, lower: Double, upper: Double) {
        rowLower[Int(constraint.index)] = lower
        rowUpper[Int(constraint.index)] = upper
    }

    /// The stored terms of one row.
    public func terms(of constraint: ConstraintRef) -> (indices: ArraySlice<Int32>, coefficients: ArraySlice<Double>) {
        let r = Int(constraint.index)
        return (rowIndices[rowStart[r]..<rowStart[r + 1]], rowCoefficients[rowStart[r]..<rowStart[r + 1]])
    }
}

extension Model {
    /// The constraint matrix column by column (compressed sparse columns): column j's
    /// entries are `rows[start[j]..<start[j + 1]]` with `coefficients` alongside, rows
    /// in increasing order. For pricing columns against row duals.
    public func columnWise() -> (start: [Int], rows: [Int32], coefficients: [Double]) {
        let t = transposedCompressed(minorCount: variableCount, start: rowStart, index: rowIndices, value: rowCoefficients)
        return (t.start, t.index, t.value)
    }
}

/// A compressed sparse matrix turned the other way (rows ↔ columns) by a counting sort:
/// line i's entries are `index[start[i]..<start[i + 1]]` with `value` alongside, each
/// index below `minorCount`; the result lists each line of the other orientation with
/// its entries in increasing order of the original lines.
package func transposedCompressed(minorCount: Int, start: [Int], index: [Int32], value: [Double])
    -> (start: [Int], index: [Int32], value: [Double])
{
    var result = [Int](repeating: 0, count: minorCount + 1)
    for j in index { result[Int(j) + 1] += 1 }
    for j in 0..<minorCount { result[j + 1] += result[j] }
    var lines = [Int32](repeating: 0, count: index.count)
    var values = [Double](repeating: 0, count: index.count)
    var next = result
    for i in 0..<(start.count - 1) {
        for k in start[i]..<start[i + 1] {
            let j = Int(index[k])
            lines[next[j]] = Int32(i)
            values[next[j]] = value[k]
            next[j] += 1
        }
    }
    return (result, lines, values)
}
