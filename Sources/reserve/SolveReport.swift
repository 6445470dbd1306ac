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

    func text(modelFile: String, _ t: Localizer = HelpText.localizer) -> String {
        var lines: [String] = []
        let integers = model["integerVariables"]!
        var fields: [(label: String, value: String)] = [
            (t("solve.label.model"), t("solve.modelSize", ["file": modelFile, "variables": "\(model["variables"]!)", "integers": "\(integers)",
                                                          "constraints": "\(model["constraints"]!)", "nonZeros": "\(model["nonZeros"]!)"])),
            (t("solve.label.status"), t("status.\(status)")),
        ]
        if let objective { fields.append((t("solve.label.objective"), Self.format(objective))) }
        if let bestBound, status != "optimal" || integers > 0 { fields.append((t("solve.label.bound"), Self.format(bestBound))) }
        if let relativeGap, integers > 0 { fields.append((t("solve.label.gap"), String(format: "%.6f%%", relativeGap * 100))) }
        // Labels padded to one column past the widest (a CJK character is two columns).
        func columns(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) } }
        let width = (fields.map { columns($0.label) }.max() ?? 0) + 1
        for f in fields { lines.append(f.label + String(repeating: " ", count: width - columns(f.label)) + f.value) }
        if !variables.isEmpty {
            let nonZero = variables.filter { $0.value != 0 }.sorted { $0.key < $1.key }
            lines.append("")
            lines.append(t("solve.nonZero", ["count": "\(nonZero.count)", "total": "\(variables.count)"]))
            let width = min(40, nonZero.map { $0.key.count }.max() ?? 0)
            for (name, value) in nonZero.prefix(200) {
                lines.append("  " + name.padding(toLength: max(width, name.count), withPad: " ", startingAt: 0) + "  " + Self.format(value))
            }
            if nonZero.count > 200 { lines.append("  " + t("solve.moreVariables", ["count": "\(nonZero.count - 200)"])) }
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        return String(format: "%.6g", x)
    }
}
