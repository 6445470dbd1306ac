import EmergencyReserve
import Foundation

/// The JSON document `reserve solve --json` prints (schema version 1).
struct SolveReport: Encodable {
    struct Row: Encodable {
        var activity: Double
        var dual: Double?
    }

    var schemaVersion = 1
    var status: String
    var objective: Double?
    var bestBound: Double?
    var relativeGap: Double?
    var variables: [String: Double]
    var constraints: [String: Row]
    var iterations: Int
    var nodes: Int
    var model: [String: Int]

    init(model: Model, solution: Solution) {
        status = solution.status.rawValue
        objective = solution.objectiveValue.map(Self.clean)
        bestBound = solution.bestBound.map(Self.clean)
        relativeGap = solution.relativeGap.map(Self.clean)
        var variables: [String: Double] = [:]
        for v in model.variables where !solution.values.isEmpty {
            variables[model.name(of: v)] = Self.clean(solution.values[Int(v.index)])
        }
        self.variables = variables
        var constraints: [String: Row] = [:]
        if !solution.rowActivities.isEmpty {
            for r in 0..<model.constraintCount {
                let c = ConstraintRef(index: Int32(r))
                constraints[model.name(of: c)] = Row(activity: Self.clean(solution.rowActivities[r]),
                                                     dual: solution.dual(c).map(Self.clean))
            }
        }
        self.constraints = constraints
        iterations = solution.iterations
        nodes = solution.nodes
        self.model = ["variables": model.variableCount, "constraints": model.constraintCount,
                      "nonZeros": model.nonZeroCount,
                      "integerVariables": model.columnKinds.filter { $0 != .continuous }.count]
    }

    /// Rounds away solver noise below 1e-9 relative and turns -0 into 0, so that
    /// the same model always prints the same bytes.
    static func clean(_ x: Double) -> Double {
        guard x.isFinite else { return x }
        let rounded = (x * 1e9).rounded() / 1e9
        let value = abs(x) >= 1e6 ? x : rounded
        return value == 0 ? 0 : value
    }

    func text(modelFile: String) -> String {
        var lines: [String] = []
        lines.append("Model     \(modelFile): \(model["variables"]!) variables (\(model["integerVariables"]!) integer), \(model["constraints"]!) constraints, \(model["nonZeros"]!) non-zeros")
        lines.append("Status    \(status)")
        if let objective { lines.append("Objective \(Self.format(objective))") }
        if let bestBound, status != "optimal" || model["integerVariables"]! > 0 { lines.append("Bound     \(Self.format(bestBound))") }
        if let relativeGap, model["integerVariables"]! > 0 { lines.append(String(format: "Gap       %.6f%%", relativeGap * 100)) }
        if !variables.isEmpty {
            let nonZero = variables.filter { $0.value != 0 }.sorted { $0.key < $1.key }
            lines.append("")
            lines.append("Non-zero variables (\(nonZero.count) of \(variables.count)):")
            let width = min(40, nonZero.map { $0.key.count }.max() ?? 0)
            for (name, value) in nonZero.prefix(200) {
                lines.append("  " + name.padding(toLength: max(width, name.count), withPad: " ", startingAt: 0) + "  " + Self.format(value))
            }
            if nonZero.count > 200 { lines.append("  … \(nonZero.count - 200) more (use --json for all)") }
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        return String(format: "%.6g", x)
    }
}
