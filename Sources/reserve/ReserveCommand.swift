import ArgumentParser
import EmergencyReserve
import Foundation
import Logging

/// `reserve`: plan and dispatch emergency material reserves.
@main
struct ReserveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reserve",
        abstract: "Plan and dispatch emergency material reserves over real road networks.",
        discussion: """
        Checks the 2-hour force-arrival and 10-hour basic-needs targets, dispatches stock \
        with GLPK-backed LP/MIP models, and plans reserve levels and depot sites.

        Exit codes: 0 success, 64 usage error, 65 invalid data, 66 missing input, 70 internal failure, 73 cannot write the output.
        """,
        version: "reserve \(EmergencyReserveVersion.current) (GLPK \(GLPKSolver.glpkVersion))",
        subcommands: [DemoCommand.self, DispatchCommand.self, CoverageCommand.self, PlanCommand.self, SiteCommand.self,
                      ImportCommand.self, SolveCommand.self, RouteCommand.self, ValidateCommand.self, GenerateCommand.self,
                      RoutingBenchCommand.self, VerifyORLibCommand.self,
                      LedgerCommand.self, ConvertCoordinatesCommand.self]
    )

    /// Parses, runs, and turns every failure into a message on stderr and an exit code:
    /// the one place where errors are rendered.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CLIFailure {
            FileHandle.standardError.write(Data("reserve: \(failure.message)\n".utf8))
            Foundation.exit(failure.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
