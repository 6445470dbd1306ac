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
    @OptionGroup var language: LanguageOptions

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
                printProgress(HelpText.localizer("solve.progress", [
                    "seconds": String(format: "%.1f", Double(p.elapsed.components.seconds) + Double(p.elapsed.components.attoseconds) / 1e18),
                    "nodes": "\(p.nodes)", "incumbent": p.incumbent.map { "\($0)" } ?? "-", "bound": p.bound.map { "\($0)" } ?? "-",
                    "gap": p.relativeGap.map { String(format: "%.4f%%", $0 * 100) } ?? "-"]))
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
            printProgress(HelpText.localizer("solve.solvedIn", ["time": solution.wallTime.formatted(
                .units(allowed: [.seconds, .milliseconds], width: .abbreviated).locale(HelpText.localizer.language.locale))]))
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
