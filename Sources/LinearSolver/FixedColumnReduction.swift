/// A model without the columns its bounds fix, and the way back: what a branch and
/// bound needs to search, not what the caller built.
///
/// Dispatch's whole-pieces model fixes every shipment the LP left whole (Suzhou:
/// 2,290 of 2,985 columns; the province: most of 48,875). GLPK's simplex already
/// leaves fixed non-basic columns out of its working problem, but its branch and bound
/// does not: Driebeek–Tomlin branching computes a tableau row over every column for
/// every fractional one, at every node, and each node's problem carries them all
/// (docs/decisions.md, "Whole pieces on the columns that are free").
///
/// A removed column's value is its bound; its terms move into the row bounds (minus
/// Σ a_ij x_j) and into the objectives' constants, so every objective value and every
/// row activity of the reduced model, mapped back, is that of the full model.
package struct FixedColumnReduction: Sendable {
    /// The model without the removed columns; its rows are the full model's.
    package private(set) var model: Model
    /// The full model's column of each kept column.
    package private(set) var kept: [Int32]
    /// Each full model column's kept index, or -1 when removed.
    private var position: [Int32]
    /// The removed columns' values (their fixed bound), 0 for kept ones.
    private var fixedValue: [Double]
    /// Σ a_ij x_j over the removed columns, per row.
    private var rowShift: [Double]

    /// Removes every column whose bounds are equal, except those `keep` names (a
    /// basic column of a starting basis, whose removal would leave the basis short).
    package init(_ full: Model, keeping keep: (Int) -> Bool) {
        let n = full.variableCount, m = full.constraintCount
        position = [Int32](repeating: -1, count: n)
        fixedValue = [Double](repeating: 0, count: n)
        kept = []
        for j in 0..<n {
            if full.columnLower[j] == full.columnUpper[j], !keep(j) {
                fixedValue[j] = full.columnLower[j]
            } else {
                position[j] = Int32(kept.count)
                kept.append(Int32(j))
            }
        }
        var reduced = Model(name: full.name, namesOnCreation: full.namesOnCreation)
        reduced.objectiveSense = full.objectiveSense
        reduced.objectiveConstant = full.objectiveConstant
        reduced.reserveCapacity(variables: kept.count, constraints: m, nonZeros: full.nonZeroCount)
        for j in 0..<n where position[j] < 0 {
            reduced.objectiveConstant += full.objectiveCoefficients[j] * fixedValue[j]
        }
        for j in kept.map(Int.init) {
            reduced.columnLower.append(full.columnLower[j])
            reduced.columnUpper.append(full.columnUpper[j])
            reduced.objectiveCoefficients.append(full.objectiveCoefficients[j])
            reduced.columnKinds.append(full.columnKinds[j])
            reduced.columnNames.append(full.columnNames[j])
        }
        rowShift = [Double](repeating: 0, count: m)
        for r in 0..<m {
            var shift = 0.0
            for k in full.rowStart[r]..<full.rowStart[r + 1] {
                let j = Int(full.rowIndices[k])
                if position[j] < 0 {
                    shift += full.rowCoefficients[k] * fixedValue[j]
                } else {
                    reduced.rowIndices.append(position[j])
                    reduced.rowCoefficients.append(full.rowCoefficients[k])
                }
            }
            reduced.rowStart.append(reduced.rowIndices.count)
            rowShift[r] = shift
            reduced.rowLower.append(full.rowLower[r] - shift)
            reduced.rowUpper.append(full.rowUpper[r] - shift)
            reduced.rowNames.append(full.rowNames[r])
        }
        model = reduced
    }

    /// How many columns were removed.
    package var removedCount: Int { position.count - kept.count }

    /// `objective` over the kept columns, the removed ones' part in its constant.
    package func reduced(_ objective: LexicographicObjective) -> LexicographicObjective {
        var expression = LinearExpression(objective.expression.constant)
        for (j, c) in zip(objective.expression.indices, objective.expression.coefficients) {
            let p = position[Int(j)]
            if p < 0 { expression.constant += c * fixedValue[Int(j)] } else { expression.add(c, Variable(index: p)) }
        }
        var result = objective
        result.expression = expression
        return result
    }

    /// A full model point's kept columns.
    package func reduced(point: [Double]) -> [Double] {
        kept.map { point[Int($0)] }
    }

    /// The full model's values and row activities of a reduced model's solution.
    package func expanded(_ solution: Solution) -> Solution {
        var full = solution
        if !solution.values.isEmpty {
            var values = fixedValue
            for (c, j) in kept.enumerated() { values[Int(j)] = solution.values[c] }
            full.values = values
        }
        if solution.rowActivities.count == rowShift.count {
            full.rowActivities = zip(solution.rowActivities, rowShift).map { $0 + $1 }
        }
        // Duals and reduced costs are a relaxation's; a branch and bound has none.
        full.rowDuals = []
        full.reducedCosts = []
        return full
    }
}
