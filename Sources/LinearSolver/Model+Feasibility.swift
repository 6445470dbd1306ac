extension Model {
    /// Whether `values` (one per column) is a feasible point of the model.
    ///
    /// A bound `b` counts as met by a value `v` when `v` is on its side of `b` or
    /// strays by at most `tolerance · max(1, |v|)`: relative for large values, absolute
    /// (`tolerance`) below 1. The same rule holds for column bounds and for row
    /// activities `a = Σ aᵢⱼ·xⱼ` against the row bounds. Values must be finite, and with
    /// `integrality` the values of integer and binary columns must be integers exactly
    /// (GLPK's MIP solutions are rounded, so they pass).
    ///
    /// The default, 1e-9, is what the reserve-level decomposition asks of its
    /// first-stage points (plans kept from the master or from its repair heuristics);
    /// ``LinearProgramSolver/solve(_:warmStart:)`` checks a start at 1e-7, about GLPK's
    /// own bound tolerance, before handing it to GLPK, which would not check it.
    ///
    /// - Parameters:
    ///   - values: one value per column; a point of another length is not feasible.
    ///   - tolerance: relative slack with an absolute floor, as above; at least 0.
    ///   - integrality: whether integer columns must hold integers.
    /// - Complexity: O(columns + non-zeros).
    public func isFeasible(_ values: [Double], tolerance: Double = 1e-9, integrality: Bool = true) -> Bool {
        guard values.count == variableCount else { return false }
        for j in 0..<variableCount {
            let x = values[j]
            let slack = tolerance * max(1, abs(x))
            guard x.isFinite, x >= columnLower[j] - slack, x <= columnUpper[j] + slack else { return false }
            if integrality, columnKinds[j] != .continuous, x != x.rounded() { return false }
        }
        for r in 0..<constraintCount {
            var activity = 0.0
            for k in rowStart[r]..<rowStart[r + 1] { activity += rowCoefficients[k] * values[Int(rowIndices[k])] }
            let slack = tolerance * max(1, abs(activity))
            if activity < rowLower[r] - slack || activity > rowUpper[r] + slack { return false }
        }
        return true
    }

    /// The activity `Σ aᵢⱼ·xⱼ` of every row at `values` (one value per column).
    /// - Complexity: O(rows + non-zeros).
    public func activities(at values: [Double]) -> [Double] {
        (0..<constraintCount).map { r in
            var activity = 0.0
            for k in rowStart[r]..<rowStart[r + 1] { activity += rowCoefficients[k] * values[Int(rowIndices[k])] }
            return activity
        }
    }
}
