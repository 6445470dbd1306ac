import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve solve FILE`: solve a CPLEX LP or free MPS file with GLPK.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve an LP or MPS model file and print the result.",
        discussion: """
        Useful for checking a model exported by the library. The format comes from the \
        extension (.lp = CPLEX LP, .mps = free MPS) unless --model-format is given.

        Example:
          reserve solve Data/examples/transport.lp --json
        """
    )

    @Argument(help: "The model file.")
    var file: String

    @Option(name: .customLong("model-format"), help: "lp or mps (default: from the extension).")
    var modelFormat: ModelFileFormat?

    @Option(name: .long, help: "LP algorithm: primalSimplex, dualSimplex or interiorPoint.")
    var algorithm: LPAlgorithm = .dualSimplex

    @Flag(name: .customLong("no-presolve"), help: "Do not run GLPK's presolver.")
    var noPresolve = false

    @OptionGroup var solver: SolverOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if modelFormat == nil && ModelFileFormat(pathExtensionOf: file) == nil {
            throw ValidationError("cannot tell the format of '\(file)' from its extension; pass --model-format lp or mps.")
        }
    }

    func run() throws {
        let logger = logging.bootstrap()
        let format = modelFormat ?? ModelFileFormat(pathExtensionOf: file)!
        guard FileManager.default.fileExists(atPath: file) else {
            throw CLIFailure(message: "\(file): no such file", exitCode: CLIFailure.noInputCode)
        }
        let model: Model
        do {
            model = try Model.read(from: file, format: format, logger: logger)
        } catch {
            throw CLIFailure.invalidData(error.description)
        }
        var options = SolveOptions(timeLimit: solver.timeLimitDuration, relativeMIPGap: solver.gap,
                                   presolve: !noPresolve, algorithm: algorithm, logger: logger)
        if output.resolvedFormat == .table {
            options.progress = { p in
                printProgress(String(format: "  %.1fs  nodes %d  incumbent %@  bound %@  gap %@",
                                     Double(p.elapsed.components.seconds) + Double(p.elapsed.components.attoseconds) / 1e18,
                                     p.nodes, p.incumbent.map { "\($0)" } ?? "-",
                                     p.bound.map { "\($0)" } ?? "-",
                                     p.relativeGap.map { String(format: "%.4f%%", $0 * 100) } ?? "-"))
                return true
            }
            options.progressInterval = .seconds(1)
        }
        let solution = try solveOrFail(model, options: options)
        let report = SolveReport(model: model, solution: solution)
        switch output.resolvedFormat {
        case .json: try printJSON(report)
        case .table:
            print(report.text(modelFile: file))
            printProgress("solved in \(solution.wallTime.formatted(.units(allowed: [.seconds, .milliseconds], width: .abbreviated)))")
        }
    }

    private func solveOrFail(_ model: Model, options: SolveOptions) throws -> Solution {
        switch Result(catching: { () throws(LinearSolverError) -> Solution in try GLPKSolver(options: options).solve(model) }) {
        case let .success(solution):
            return solution
        case let .failure(error):
            if case .invalidModel = error { throw CLIFailure.invalidData("\(file): \(error.description)") }
            throw CLIFailure.internalFailure(error.description)
        }
    }
}

extension ModelFileFormat: ExpressibleByArgument {}
extension LPAlgorithm: ExpressibleByArgument {}
