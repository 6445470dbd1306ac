/// A model as GLPK holds it once loaded (GLPKBackend's `GLPKProblem.load`): the form
/// that GLPK's file writers printed, and so the form ours print, byte for byte.
///
/// Exported files were GLPK's before the model module stopped importing it; keeping
/// them identical keeps every file users and tests already have valid, and GLPK's
/// readers read ours back unchanged. What loading does to a model:
/// * a model without rows gets one unnamed, empty free row (GLPK's solvers need a row);
/// * integer and binary columns are integer columns with their bounds rounded inwards;
/// * bounds become GLPK's types (free, lower, upper, double, fixed) and GLPK stores 0
///   for the side a type does not use;
/// * zero objective coefficients and zero matrix entries are not stored; names are
///   stored only when non-empty, the problem name only when valid;
/// * `glp_load_matrix` prepends each entry to its row list, so a row lists its columns
///   in decreasing order, and building the column lists row by row the same way makes
///   a column list its rows in decreasing order.
struct GLPKLayout {
    /// GLPK's bound types.
    enum BoundType { case free, lower, upper, double, fixed }

    /// Bounds as `glp_set_col_bnds`/`glp_set_row_bnds` store them.
    struct Bounds {
        var type: BoundType
        var lower: Double
        var upper: Double

        init(_ lower: Double, _ upper: Double) {
            switch (lower.isFinite, upper.isFinite) {
            case (false, false): (type, self.lower, self.upper) = (.free, 0, 0)
            case (true, false): (type, self.lower, self.upper) = (.lower, lower, 0)
            case (false, true): (type, self.lower, self.upper) = (.upper, 0, upper)
            case (true, true):
                (type, self.lower, self.upper) = lower == upper ? (.fixed, lower, lower) : (.double, lower, upper)
            }
        }
    }

    let model: Model
    /// The problem name, when GLPK would have stored one.
    let problemName: String?
    /// Rows in GLPK: the model's, or one empty free row when it has none.
    let rowCount: Int
    let rows: [Bounds]
    let columns: [Bounds]
    let isInteger: [Bool]
    /// Objective coefficient per column, 0 where GLPK stores none.
    let objective: [Double]
    /// Whether a column has a non-zero matrix entry.
    let hasEntries: [Bool]
    /// Stored (non-zero) matrix entries.
    let nonZeroCount: Int

    init(_ model: Model) {
        self.model = model
        problemName = !model.name.isEmpty && Model.nameProblem(model.name) == nil ? model.name : nil
        let m = model.constraintCount, n = model.variableCount
        rowCount = max(m, 1)
        rows = m == 0 ? [Bounds(-.infinity, .infinity)] : (0..<m).map { Bounds(model.rowLower[$0], model.rowUpper[$0]) }
        isInteger = model.columnKinds.map { $0 != .continuous }
        columns = (0..<n).map { j in
            model.columnKinds[j] == .continuous
                ? Bounds(model.columnLower[j], model.columnUpper[j])
                : Bounds(model.columnLower[j].rounded(.up), model.columnUpper[j].rounded(.down))
        }
        objective = model.objectiveCoefficients.map { $0 != 0 ? $0 : 0 }
        var hasEntries = [Bool](repeating: false, count: n)
        var nonZeros = 0
        for k in model.rowCoefficients.indices where model.rowCoefficients[k] != 0 {
            hasEntries[Int(model.rowIndices[k])] = true
            nonZeros += 1
        }
        self.hasEntries = hasEntries
        nonZeroCount = nonZeros
    }

    /// The stored name of row `i` (1-based), or nil.
    func rowName(_ i: Int) -> String? {
        guard i <= model.constraintCount else { return nil }
        let name = model.rowNames[i - 1]
        return name.isEmpty ? nil : name
    }

    /// The stored name of column `j` (1-based), or nil.
    func columnName(_ j: Int) -> String? {
        let name = model.columnNames[j - 1]
        return name.isEmpty ? nil : name
    }

    /// Calls `body(column, value)` (1-based column) for row `i`'s stored entries in
    /// GLPK's row-list order: decreasing column.
    func forEachEntry(inRow i: Int, _ body: (Int, Double) -> Void) {
        guard i <= model.constraintCount else { return }
        var k = model.rowStart[i] - 1
        while k >= model.rowStart[i - 1] {
            if model.rowCoefficients[k] != 0 { body(Int(model.rowIndices[k]) + 1, model.rowCoefficients[k]) }
            k -= 1
        }
    }

    /// Column-wise entries for walking columns in GLPK's column-list order
    /// (decreasing row): column j's entries are `start[j] ..< start[j + 1]` of
    /// `rows`/`values`, zero-based, in increasing row order.
    func columnEntries() -> (start: [Int], rows: [Int32], values: [Double]) {
        let (start, rows, coefficients) = model.columnWise()
        return (start, rows, coefficients)
    }
}
