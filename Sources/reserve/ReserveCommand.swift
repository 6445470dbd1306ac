import ArgumentParser
import EmergencyReserve
import Foundation
import Logging

/// `reserve`: plan and dispatch emergency material reserves.
@main
struct ReserveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reserve",
        abstract: HelpText["reserve.abstract"],
        discussion: HelpText["reserve.discussion"],
        version: "reserve \(EmergencyReserveVersion.current) (GLPK \(GLPKSolver.glpkVersion))",
        subcommands: [DemoCommand.self, DispatchCommand.self, CoverageCommand.self, PlanCommand.self, SiteCommand.self,
                      ImportCommand.self, SolveCommand.self, RouteCommand.self, ValidateCommand.self, GenerateCommand.self,
                      RoutingBenchCommand.self, DeadlineBenchCommand.self, VerifyORLibCommand.self,
                      LedgerCommand.self, ConvertCoordinatesCommand.self]
    )

    /// Parses, runs, and turns every failure into a message on stderr and an exit code:
    /// the one place where errors are rendered.
    ///
    /// Help, version and usage errors are argument-parser's own text and exit codes
    /// (help 0, usage 64), as `exit(withError:)` would print them, with its fixed
    /// words in the user's language (``ParserText``).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CLIFailure {
            FileHandle.standardError.write(Data("reserve: \(failure.message)\n".utf8))
            Foundation.exit(failure.exitCode)
        } catch {
            let code = exitCode(for: error)
            let text = ParserText(.ofCommandLine).translate(fullMessage(for: error))
            if !text.isEmpty {
                let stream = code.isSuccess ? FileHandle.standardOutput : FileHandle.standardError
                stream.write(Data((text + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
