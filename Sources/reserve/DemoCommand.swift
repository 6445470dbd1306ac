import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve demo`: the Hegang bundle's headline scenario end to end.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: HelpText["demo.abstract"],
        discussion: HelpText["demo.discussion"]
    )

    @Option(name: .long, help: ArgumentHelp(HelpText["demo.bundle"]))
    var bundle: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["demo.format"]))
    var format: ResponseFormat = .table

    @Option(name: .long, help: ArgumentHelp(HelpText["demo.out"]))
    var out: String?

    @OptionGroup var check: BundleCheckOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var tableWidth: TableWidthOptions
    @OptionGroup var logging: LoggingOptions

    /// Data/hegang in the working directory, else in the nearest directory above the
    /// executable that has it (a checkout's `.build/<config>/reserve`, or an install
    /// that keeps `Data/` beside `bin/`).
    static func sampleBundle() -> String? {
        let fm = FileManager.default
        if fm.fileExists(atPath: "Data/hegang/bundle.json") { return "Data/hegang" }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        if let executable = Bundle.main.executableURL { dir = executable.resolvingSymlinksInPath().deletingLastPathComponent() }
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("Data/hegang")
            if fm.fileExists(atPath: candidate.appendingPathComponent("bundle.json").path) { return candidate.path }
            dir.deleteLastPathComponent()
        }
        return nil
    }

    func run() throws {
        let t = Localizer(language.resolved)
        guard let bundle = bundle ?? Self.sampleBundle() else {
            throw CLIFailure(message: t("cli.noSample"), exitCode: CLIFailure.noInputCode)
        }
        guard FileManager.default.fileExists(atPath: bundle) else {
            throw CLIFailure(message: t("cli.notFound", ["path": bundle]), exitCode: CLIFailure.noInputCode)
        }
        try DispatchRun(bundle: bundle, format: format, out: out, strict: check.strict, verbose: logging.verbose,
                        language: language.resolved, tableWidth: tableWidth.resolved, logger: logging.bootstrap()).run()
    }
}
