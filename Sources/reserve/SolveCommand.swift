import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve solve FILE`: solve a CPLEX LP or free MPS file with GLPK.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: HelpText["solve.abstract"],
        discussion: HelpText["solve.discussion"]
    )

    @Argument(help: ArgumentHelp(HelpText["solve.file"]))
    var file: String

    @Option(name: .customLong("model-format"), help: ArgumentHelp(HelpText["solve.modelFormat"]))
    var modelFormat: ModelFileFormat?

    @Option(name: .long, help: ArgumentHelp(HelpText["solve.algorithm"]))
    var algorithm: LPAlgorithm = .dualSimplex

    @Flag(name: .customLong("no-presolve"), help: ArgumentHelp(HelpText["solve.noPresolve"]))
    var noPresolve = false

    @OptionGroup var solver: SolverOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if modelFormat == nil && ModelFileFormat(pathExtensionOf: file) == nil {
            throw ValidationError(HelpText.localizer("cli.option.modelFormat", ["path": file]))
        }
    }

    func run() throws {
        let logger = logging.bootstrap()
        let format = modelFormat ?? ModelFileFormat(pathExtensionOf: file)!
        guard FileManager.default.fileExists(atPath: file) else {
            throw CLIFailure(message: HelpText.localizer("cli.noSuchFile", ["path": file]), exitCode: CLIFailure.noInputCode)
        }
        let model: Model
        do {
            model = try Model.read(from: file, format: format, logger: logger)
        } catch {
            throw CLIFailure.invalidData(ErrorText.describe(error))
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
            if case .invalidModel = error { throw CLIFailure.invalidData("\(file): \(ErrorText.describe(error))") }
            throw CLIFailure.internalFailure(ErrorText.describe(error))
        }
    }
}

extension ModelFileFormat: ExpressibleByArgument {}
extension LPAlgorithm: ExpressibleByArgument {}
