import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve demo`: the Hegang bundle's headline scenario end to end.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the main job on the sample data: Hegang's headline scenario, dispatched and checked.",
        discussion: "The same as 'reserve dispatch Data/hegang' run from the project root."
    )

    @Option(name: .long, help: "The sample bundle to use.")
    var bundle: String = "Data/hegang"

    @Option(name: .long, help: "Output format: table, json, geojson, html or csv.")
    var format: ResponseFormat = .table

    @Option(name: .long, help: "Write the output to this directory instead of stdout.")
    var out: String?

    @OptionGroup var language: LanguageOptions
    @OptionGroup var tableWidth: TableWidthOptions
    @OptionGroup var logging: LoggingOptions

    func run() throws {
        guard FileManager.default.fileExists(atPath: bundle) else {
            throw CLIFailure(message: "\(bundle): not found; run 'reserve demo' from the project root or pass --bundle",
                             exitCode: CLIFailure.noInputCode)
        }
        try DispatchRun(bundle: bundle, format: format, out: out, verbose: logging.verbose, language: language.resolved, tableWidth: tableWidth.resolved, logger: logging.bootstrap()).run()
    }
}
