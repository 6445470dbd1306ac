extension Model {
    /// Every problem that would make the model unusable by a solver, in column then
    /// row order. GLPK aborts the whole process on such input, so solvers and writers
    /// call this first and refuse the model if anything is returned.
    ///
    /// Checked: at least one variable; finite objective coefficients and constant;
    /// bounds not NaN, lower ≤ upper, lower < +∞, upper > −∞; binary bounds inside
    /// [0, 1]; an integer value between an integer variable's bounds; finite non-zero matrix coefficients on existing columns; row bounds like
    /// column bounds; names at most 255 bytes without control characters; at most
    /// `Int32.max` rows and columns.
    public func validate() -> [ModelProblem] {
        var problems: [ModelProblem] = []
        if variableCount == 0 {
            problems.append(ModelProblem(location: .model, message: "the model has no variables"))
        }
        if variableCount >= Int(Int32.max) || constraintCount >= Int(Int32.max) {
            problems.append(ModelProblem(location: .model, message: "the model has more than 2^31 - 1 rows or columns"))
        }
        if !name.isEmpty, let why = Self.nameProblem(name) {
            problems.append(ModelProblem(location: .model, message: "model name \(why)"))
        }
        if !objectiveConstant.isFinite {
            problems.append(ModelProblem(location: .objective, message: "the objective constant is \(objectiveConstant)"))
        }
        for column in danglingObjectiveColumns {
            problems.append(ModelProblem(location: .objective,
                                         message: "refers to variable \(column + 1), which does not exist (the model has \(variableCount))"))
        }
        for j in 0..<variableCount {
            let v = Variable(index: Int32(j))
            var here: [String] = []
            if !objectiveCoefficients[j].isFinite { here.append("objective coefficient is \(objectiveCoefficients[j])") }
            here += Self.boundProblems(lower: columnLower[j], upper: columnUpper[j])
            if columnKinds[j] == .binary && (columnLower[j] < 0 || columnUpper[j] > 1) {
                here.append("is binary but its bounds [\(columnLower[j]), \(columnUpper[j])] are not inside [0, 1]")
            }
            if columnKinds[j] != .continuous, columnLower[j].rounded(.up) > columnUpper[j].rounded(.down) {
                here.append("is integer but no integer lies between its bounds [\(columnLower[j]), \(columnUpper[j])]")
            }
            if let why = Self.nameProblem(columnNames[j]) { here.append("name \(why)") }
            for message in here {
                problems.append(ModelProblem(location: .variable(v, name: displayName(column: j)), message: message))
            }
        }
        for r in 0..<constraintCount {
            var here = Self.boundProblems(lower: rowLower[r], upper: rowUpper[r])
            for k in rowStart[r]..<rowStart[r + 1] {
                let column = rowIndices[k]
                if column < 0 || Int(column) >= variableCount {
                    here.append("refers to variable \(column + 1), which does not exist (the model has \(variableCount))")
                } else if !rowCoefficients[k].isFinite {
                    here.append("coefficient of \(displayName(column: Int(column))) is \(rowCoefficients[k])")
                }
            }
            if let why = Self.nameProblem(rowNames[r]) { here.append("name \(why)") }
            let c = ConstraintRef(index: Int32(r))
            for message in here {
                problems.append(ModelProblem(location: .constraint(c, name: name(of: c)), message: message))
            }
        }
        return problems
    }

    /// Throws ``LinearSolverError/invalidModel(_:)`` listing every problem, if any.
    public func validated() throws(LinearSolverError) -> Model {
        let problems = validate()
        if !problems.isEmpty { throw .invalidModel(problems) }
        return self
    }

    package func displayName(column j: Int) -> String {
        columnNames[j].isEmpty ? "x\(j + 1)" : columnNames[j]
    }

    package static func boundProblems(lower: Double, upper: Double) -> [String] {
        var result: [String] = []
        if lower.isNaN { result.append("lower bound is NaN") }
        if upper.isNaN { result.append("upper bound is NaN") }
        if lower == .infinity { result.append("lower bound is +infinity") }
        if upper == -.infinity { result.append("upper bound is -infinity") }
        if !lower.isNaN && !upper.isNaN && lower > upper {
            result.append("lower bound \(lower) is greater than upper bound \(upper)")
        }
        return result
    }

    /// GLPK rejects (by aborting) names longer than 255 bytes or with control characters.
    package static func nameProblem(_ name: String) -> String? {
        if name.utf8.count > 255 { return "is \(name.utf8.count) bytes long (at most 255)" }
        if name.utf8.contains(where: { $0 < 0x20 || $0 == 0x7f }) { return "contains a control character" }
        return nil
    }
}
