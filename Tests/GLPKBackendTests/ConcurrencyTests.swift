import Dispatch
import Testing
import TestSupport
@testable import GLPKBackend
@testable import LinearSolver

/// GLPK state is per thread; each solve owns its problem from creation to deletion
/// inside one synchronous call. Many threads solving at once must give exactly the
/// serial answers.
@Suite struct ConcurrencyTests {
    static func models() -> [Model] {
        var result: [Model] = [TextbookLPTests.transport().0]
        for seed in 0..<9 as Range<UInt64> {
            var rng = SeededGenerator(seed: 900 + seed)
            let n = 12
            let weight = (0..<n).map { _ in Double(Int.random(in: 1...30, using: &rng)) }
            let value = (0..<n).map { _ in Double(Int.random(in: 1...40, using: &rng)) }
            var m = Model(name: "knapsack\(seed)")
            let take = m.addVariables(count: n, .binary)
            m.maximize(sum(0..<n) { value[$0] * take[$0] })
            m.addConstraint(sum(0..<n) { weight[$0] * take[$0] } <= 60)
            result.append(m)
        }
        return result
    }

    @Test func eightThreadsTimesHundredSolvesMatchSerial() throws {
        let models = Self.models()
        let serial = try models.map { try GLPKSolver().solve($0).objectiveValue! }
        let threads = 8, solvesPerThread = 100
        let results = ResultGrid(rows: threads, columns: solvesPerThread)
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for k in 0..<solvesPerThread {
                let index = (t + k) % models.count
                let value = (try? GLPKSolver().solve(models[index]).objectiveValue) ?? .nan
                results.set(t, k, value)
            }
        }
        for t in 0..<threads {
            for k in 0..<solvesPerThread {
                #expect(results.get(t, k) == serial[(t + k) % models.count], "thread \(t) solve \(k)")
            }
        }
    }
}

/// A lock-protected grid that the worker threads fill in.
final class ResultGrid: @unchecked Sendable {
    private let lock = DispatchQueue(label: "grid")
    private var cells: [[Double]]
    init(rows: Int, columns: Int) { cells = Array(repeating: Array(repeating: .nan, count: columns), count: rows) }
    func set(_ r: Int, _ c: Int, _ v: Double) { lock.sync { cells[r][c] = v } }
    func get(_ r: Int, _ c: Int) -> Double { lock.sync { cells[r][c] } }
}
