import Foundation
import Testing
import TestSupport
@testable import GLPKBackend
@testable import LinearSolver

/// The model module's LP and MPS writers against GLPK's own (`glp_write_lp`,
/// `glp_write_mps`), byte for byte: exported files stay what they were when GLPK
/// wrote them.
@Suite struct WriterCrossCheckTests {
    func glpkText(_ model: Model, _ format: ModelFileFormat) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("er-glpk-\(UUID().uuidString).\(format.rawValue)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.writeWithGLPK(to: path, format: format)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    func ourText(_ model: Model, _ format: ModelFileFormat) throws -> String {
        String(decoding: try model.fileContents(format: format), as: UTF8.self)
    }

    @Test(arguments: ModelFileFormat.allCases)
    func showcaseFixtureIsGLPKsOutput(format: ModelFileFormat) throws {
        let expected = format == .lp ? ModelFixtures.showcaseLP : ModelFixtures.showcaseMPS
        #expect(try glpkText(ModelFixtures.showcase(), format) == expected + "\n")
    }

    /// A random model: every bound type, kinds, awkward numbers and names, sometimes
    /// no rows, free rows, empty rows and columns, either sense.
    static func randomModel(seed: UInt64) -> Model {
        var rng = SeededGenerator(seed: seed)
        let numbers: [Double] = [1, -1, 2, -3, 0.5, 1.0 / 3, -2.0 / 7, 1e-5, -2.5e-4, 0.0019, 0.002, 123456.789,
                                 1e12, -7.25e15, 3.14159265358979, 1e-13, 99999999999.5]
        let names = ["", "", "", "x", "ship[a,b]", "a b", "c-d", "9lives", ".dot", "仓库", "ok_name", "q!\"#$%&()/,.;?@_`'{}|~",
                     "semi:colon", "plus+", "star*", "tab-like\u{7e}"]
        func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &rng)] }
        var m = Model(name: pick(["", "random", "has space", "m-\(seed)"] as [String]))
        let n = Int.random(in: 1...7, using: &rng)
        for _ in 0..<n {
            let kind = pick([VariableKind.continuous, .continuous, .integer, .binary])
            var lower: Double = pick([0, 0, -Double.infinity, 1, -2.5, 0.5, 3])
            var upper: Double = pick([Double.infinity, .infinity, 1, 4, 7.5, 10, 1e6])
            if kind == .binary { lower = pick([0.0, 0, 1]); upper = pick([1.0, 1, 0]) }
            if lower > upper { swap(&lower, &upper) }
            if kind == .integer, lower.isFinite, upper.isFinite, lower.rounded(.up) > upper.rounded(.down) { upper = lower.rounded(.up) + 1 }
            if Int.random(in: 0..<6, using: &rng) == 0, lower.isFinite { upper = lower }
            if kind == .integer, lower == upper, lower != lower.rounded() { lower = lower.rounded(); upper = lower }
            m.addVariable(kind, lowerBound: lower, upperBound: upper,
                          objective: Int.random(in: 0..<3, using: &rng) == 0 ? 0 : pick(numbers), name: pick(names))
        }
        let rows = pick([0, 1, 2, 3, 5, 8])
        for r in 0..<rows {
            var e = LinearExpression()
            for j in 0..<n where Int.random(in: 0..<3, using: &rng) > 0 { e.add(pick(numbers), Variable(index: Int32(j))) }
            let a = pick(numbers), b = pick(numbers)
            let (lower, upper): (Double, Double)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: (lower, upper) = (-.infinity, .infinity)
            case 1: (lower, upper) = (a, a)
            case 2: (lower, upper) = (min(a, b), max(a, b) + 1)
            case 3: (lower, upper) = (a, .infinity)
            default: (lower, upper) = (-.infinity, a)
            }
            m.addConstraint(e, lower: lower, upper: upper, name: Int.random(in: 0..<4, using: &rng) == 0 ? "" : "\(pick(names))\(r)")
        }
        var objective = m.objective
        objective.constant = pick([0, 0, 5, -1.5, 1e-9])
        m.setObjective(objective, sense: pick([.minimize, .maximize]))
        return m
    }

    @Test(arguments: 0..<300)
    func randomModelsMatchGLPK(seed: UInt64) throws {
        let model = Self.randomModel(seed: seed)
        #expect(model.validate().isEmpty, "seed \(seed): \(model.validate())")
        for format in ModelFileFormat.allCases {
            let ours = try ourText(model, format), theirs = try glpkText(model, format)
            #expect(ours == theirs, "seed \(seed) \(format)")
        }
    }

    /// The generator reaches the cases that change the files' shape.
    @Test func randomModelsCoverTheShapes() {
        let models = (0..<300).map { Self.randomModel(seed: UInt64($0)) }
        #expect(models.contains { $0.constraintCount == 0 })
        #expect(models.contains { m in (0..<m.constraintCount).contains { m.rowLower[$0] == -.infinity && m.rowUpper[$0] == .infinity } })
        #expect(models.contains { m in (0..<m.constraintCount).contains { m.rowLower[$0].isFinite && m.rowUpper[$0].isFinite && m.rowLower[$0] < m.rowUpper[$0] } })
        #expect(models.contains { $0.objectiveSense == .maximize && $0.isMixedInteger })
        #expect(models.contains { m in m.columnKinds.contains(.binary) && m.columnKinds.contains(.integer) })
        #expect(models.contains { m in m.columnNames.contains("仓库") })
    }

    @Test func unwritablePathIsAnError() throws {
        let path = "/nonexistent-dir-\(UUID().uuidString)/model.lp"
        #expect {
            try ModelFixtures.showcase().write(to: path, format: .lp)
        } throws: { error in
            guard case let .unwritableFile(p, message) = error as? LinearSolverError else { return false }
            return p == path && message == "Unable to create '\(path)' - No such file or directory"
        }
    }
}
