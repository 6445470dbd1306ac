import LinearSolver

/// GLPK's automatic scale factors, `glp_scale_prob(lp, GLP_SF_AUTO)`, computed on
/// flat arrays: the same factors, bit for bit, in a fraction of the time.
///
/// GLPK walks its linked lists of matrix elements, following two pointers per
/// element to reach the row and column factors, up to 15 geometric-mean passes
/// each reading every element four times; that was 5 % of Suzhou's dispatch and
/// 0.9 s of a city plan's column generation (docs/decisions.md, "Scale factors
/// computed in Swift"). The algorithm is glpscl.c's `scale_prob` with the flags
/// `GLP_SF_AUTO` stands for (geometric mean, then equilibration, skipped when the
/// matrix is already well scaled), with its operations in its order, so that
/// every product and square root rounds as GLPK's does and the solves that follow
/// are the same. `GLPKScalingTests` checks the factors against `glp_scale_prob`.
struct GLPKScaling {
    /// |a_ij| of the non-zeros by row: `rowStart`, `rowColumn`, `rowValue`.
    private var rowStart: [Int]
    private var rowColumn: [Int32]
    private var rowValue: [Double]
    /// The same elements by column.
    private var columnStart: [Int]
    private var columnRow: [Int32]
    private var columnValue: [Double]
    /// The factors r_i and s_j.
    private(set) var rows: [Double]
    private(set) var columns: [Double]

    /// The matrix of `model` as GLPK holds it after `glp_load_matrix`: zeros are
    /// dropped, and a model without rows has the one empty row ``GLPKProblem`` gives it.
    init(model: Model) {
        let m = max(model.constraintCount, 1)
        var start = [0], column: [Int32] = [], value: [Double] = []
        column.reserveCapacity(model.nonZeroCount)
        value.reserveCapacity(model.nonZeroCount)
        for r in 0..<m {
            if r < model.constraintCount {
                for k in model.rowStart[r]..<model.rowStart[r + 1] where model.rowCoefficients[k] != 0 {
                    column.append(model.rowIndices[k])
                    value.append(abs(model.rowCoefficients[k]))
                }
            }
            start.append(value.count)
        }
        let byColumn = transposedCompressed(minorCount: model.variableCount, start: start, index: column, value: value)
        self.init(byRow: (start, column, value), byColumn: byColumn)
    }

    /// The restricted matrix of column generation: `active[c]` is the model column
    /// that is GLPK column c + 1, read from the model's columns (`columnStart`,
    /// 0-based `columnRows`, `columnValues`).
    init(rowCount m: Int, active: [Int32], columnStart: [Int], columnRows: [Int32], columnValues: [Double]) {
        var start = [0], row: [Int32] = [], value: [Double] = []
        for j in active.map(Int.init) {
            for k in columnStart[j]..<columnStart[j + 1] where columnValues[k] != 0 {
                row.append(columnRows[k])
                value.append(abs(columnValues[k]))
            }
            start.append(value.count)
        }
        let byRow = transposedCompressed(minorCount: m, start: start, index: row, value: value)
        self.init(byRow: byRow, byColumn: (start, row, value))
    }

    private init(byRow: (start: [Int], index: [Int32], value: [Double]), byColumn: (start: [Int], index: [Int32], value: [Double])) {
        (rowStart, rowColumn, rowValue) = byRow
        (columnStart, columnRow, columnValue) = byColumn
        rows = [Double](repeating: 1, count: rowStart.count - 1)
        columns = [Double](repeating: 1, count: columnStart.count - 1)
        scale()
    }

    // MARK: glpscl.c

    /// min and max of the scaled |a_ij| in row i; 1 and 1 for an empty row
    /// (`min_row_aij`, `max_row_aij`). The factor product comes first, as in GLPK.
    private func rowRange(_ i: Int) -> (min: Double, max: Double) {
        var low = 1.0, high = 1.0
        let ri = rows[i]
        var first = true
        for k in rowStart[i]..<rowStart[i + 1] {
            let t = rowValue[k] * (ri * columns[Int(rowColumn[k])])
            if first || low > t { low = t }
            if first || high < t { high = t }
            first = false
        }
        return (low, high)
    }

    /// min and max of the scaled |a_ij| in column j (`min_col_aij`, `max_col_aij`).
    private func columnRange(_ j: Int) -> (min: Double, max: Double) {
        var low = 1.0, high = 1.0
        let sj = columns[j]
        var first = true
        for k in columnStart[j]..<columnStart[j + 1] {
            let t = columnValue[k] * (rows[Int(columnRow[k])] * sj)
            if first || low > t { low = t }
            if first || high < t { high = t }
            first = false
        }
        return (low, high)
    }

    /// The matrix's min and max over its rows, empty rows counting 1
    /// (`min_mat_aij`, `max_mat_aij`).
    private func matrixRange() -> (min: Double, max: Double) {
        var low = 1.0, high = 1.0
        for i in 0..<rows.count {
            let (a, b) = rowRange(i)
            if i == 0 || low > a { low = a }
            if i == 0 || high < b { high = b }
        }
        return (low, high)
    }

    /// `max_row_ratio` or `max_col_ratio`: the worst max / min over `count` lines.
    private func worstRatio(count: Int, _ range: (Int) -> (min: Double, max: Double)) -> Double {
        var ratio = 1.0
        for i in 0..<count {
            let (a, b) = range(i)
            let t = b / a
            if i == 0 || ratio < t { ratio = t }
        }
        return ratio
    }

    /// Whether the rows are scaled worse than the columns (GLPK's `flag`).
    private var rowsWorse: Bool { worstRatio(count: rows.count, rowRange) > worstRatio(count: columns.count, columnRange) }

    /// `scale_prob` with GLP_SF_GM | GLP_SF_EQ | GLP_SF_SKIP.
    private mutating func scale() {
        let (low, high) = matrixRange()
        if low >= 0.10 && high <= 10.0 { return }
        // gm_iterate(lp, 15, 0.90); GLPK's `flag` is 1 when the rows are worse,
        // and the rows are scaled in pass `flag` (so then second).
        let flag = rowsWorse ? 1 : 0
        var ratio = 0.0
        for k in 1...15 {
            let old = ratio
            let (a, b) = matrixRange()
            ratio = b / a
            if k > 1 && ratio > 0.90 * old { break }
            geometricMeanPass(flag: flag)
        }
        // eq_scaling(lp, max_row_ratio(lp) > max_col_ratio(lp))
        let equilibrationFlag = rowsWorse ? 1 : 0
        for pass in 0...1 {
            if pass == equilibrationFlag {
                for i in 0..<rows.count { rows[i] = rows[i] / rowRange(i).max }
            } else {
                for j in 0..<columns.count { columns[j] = columns[j] / columnRange(j).max }
            }
        }
    }

    /// `gm_scaling`: the rows in pass `flag`, the columns in the other.
    private mutating func geometricMeanPass(flag: Int) {
        for pass in 0...1 {
            if pass == flag {
                for i in 0..<rows.count {
                    let (a, b) = rowRange(i)
                    rows[i] = rows[i] / (a * b).squareRoot()
                }
            } else {
                for j in 0..<columns.count {
                    let (a, b) = columnRange(j)
                    columns[j] = columns[j] / (a * b).squareRoot()
                }
            }
        }
    }
}
