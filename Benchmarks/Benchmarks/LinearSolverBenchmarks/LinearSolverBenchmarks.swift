import Benchmark
import EmergencyReserve
import Foundation

/// The LP layer on issue 2's dense transportation instance. The full-model GLPK
/// simplex solves (10–40 s each) run only with `BENCH_FULL=1` (`make bench-full`).
let benchmarks: @Sendable () -> Void = {
    let full = ProcessInfo.processInfo.environment["BENCH_FULL"] == "1"
    let slow = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
        timeUnits: .milliseconds,
        maxDuration: .seconds(60),
        maxIterations: 3
    )
    let fast = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
        timeUnits: .milliseconds,
        maxDuration: .seconds(10),
        maxIterations: 20
    )

    // Issue 2's reference instance: 200 × 2,000 = 400,000 columns, 800,000 non-zeros.
    let big = TransportInstance(sources: 200, sinks: 2_000, seed: 2026)

    Benchmark("LinearSolver.build transport 200x2000 (800k nnz)", configuration: fast) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(big.model())
        }
    }

    // Building alone at 1M non-zeros: 500 × 1,000 arcs, 2 non-zeros each.
    let million = TransportInstance(sources: 500, sinks: 1_000, seed: 7)
    Benchmark("LinearSolver.build 1M non-zeros", configuration: fast) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(million.model())
        }
    }

    let bigModel = big.model()
    for algorithm in full ? [LPAlgorithm.dualSimplex, .primalSimplex] : [] {
        Benchmark("LinearSolver.solve transport 200x2000 GLPK \(algorithm.rawValue)", configuration: slow) { benchmark in
            let solver = GLPKSolver(options: SolveOptions(algorithm: algorithm))
            for _ in benchmark.scaledIterations {
                let solution = try solver.solve(bigModel)
                precondition(solution.status == .optimal, "transport benchmark did not solve to optimality")
                blackHole(solution)
            }
        }
    }

    Benchmark("LinearSolver.solve transport 200x2000 GLPK column generation", configuration: slow) { benchmark in
        let solver = GLPKSolver()
        let start = ColumnGeneration.cheapestColumnsPerRow(of: bigModel, perRow: 3)
        for _ in benchmark.scaledIterations {
            let (solution, report) = try solver.solve(bigModel, columnGeneration: ColumnGeneration(initialColumns: start))
            precondition(solution.status == .optimal, "column generation did not solve to optimality")
            blackHole((solution, report))
        }
    }

    let small = TransportInstance(sources: 20, sinks: 200, seed: 11).model()
    Benchmark("LinearSolver.solve transport 20x200 GLPK dualSimplex", configuration: fast) { benchmark in
        let solver = GLPKSolver()
        for _ in benchmark.scaledIterations {
            blackHole(try solver.solve(small))
        }
    }
}
