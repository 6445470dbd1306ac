import ArgumentParser
import Foundation
import EmergencyReserve
import Logging

/// Output format shared by every subcommand.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}

/// `--format` and its `--json` shorthand.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(HelpText["option.format"]))
    var format: OutputFormat = .table

    @Flag(name: .long, help: ArgumentHelp(HelpText["option.json"]))
    var json = false

    var resolvedFormat: OutputFormat { json ? .json : format }
}

/// `--lang zh|en`: the language of everything a person reads (tables, HTML, messages).
/// Without it, `LC_ALL`, `LC_MESSAGES` or `LANG` starting with `zh` means Chinese.
struct LanguageOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: ArgumentHelp(HelpText["option.lang"]))
    var lang: Language?

    /// The language asked for, or the environment's.
    var resolved: Language { lang ?? Language.fromEnvironment() }
}

extension Language: ExpressibleByArgument {
    /// The language of this process's command line: `--lang zh|en` (or `--lang=…`)
    /// when given, else the environment's. Used where no parsed options are at hand:
    /// help abstracts, which are chosen before parsing, and errors of commands that
    /// have no `--lang`.
    static var ofCommandLine: Language {
        let arguments = CommandLine.arguments
        for (i, a) in arguments.enumerated() {
            if a == "--lang", i + 1 < arguments.count, let l = Language(rawValue: arguments[i + 1]) { return l }
            if a.hasPrefix("--lang="), let l = Language(rawValue: String(a.dropFirst(7))) { return l }
        }
        return .fromEnvironment()
    }
}

/// `--strict`: warnings in the bundle refuse it as errors do (exit 65).
struct BundleCheckOptions: ParsableArguments {
    @Flag(name: .long, help: ArgumentHelp(HelpText["option.strict"]))
    var strict = false
}

/// How wide tables may be: 100 columns, the terminal's width when stdout is one, or
/// unlimited with `--wide`. Cells wrap; nothing is cut.
struct TableWidthOptions: ParsableArguments {
    @Flag(name: .long, help: ArgumentHelp(HelpText["option.wide"]))
    var wide = false

    /// The width tables fit, nil for `--wide`.
    var resolved: Int? {
        if wide { return nil }
        if isatty(STDOUT_FILENO) != 0 {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 { return Int(size.ws_col) }
        }
        return 100
    }
}

/// Logging verbosity, shared by every subcommand. Logs go to stderr.
struct LoggingOptions: ParsableArguments {
    @Flag(name: [.short, .long], help: ArgumentHelp(HelpText["option.verbose"]))
    var verbose: Int

    /// Installs a stderr log handler once per process.
    func bootstrap() -> Logger {
        let level: Logger.Level = verbose >= 2 ? .trace : verbose == 1 ? .debug : .warning
        LoggingBootstrap.once(level: level)
        var logger = Logger(label: "reserve")
        logger.logLevel = level
        return logger
    }
}

enum LoggingBootstrap {
    nonisolated(unsafe) private static var done = false
    static func once(level: Logger.Level) {
        guard !done else { return }
        done = true
        let localizer = Localizer(.ofCommandLine)
        LoggingSystem.bootstrap { label in
            var handler = LocalizedLogHandler(label: label, localizer: localizer)
            handler.logLevel = level
            return handler
        }
    }
}

/// Solver limits shared by every subcommand that solves.
struct SolverOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(HelpText["option.timeLimit"]))
    var timeLimit: Double?

    @Option(name: .long, help: ArgumentHelp(HelpText["option.gap"]))
    var gap: Double = 1e-6

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) {
            throw ValidationError(HelpText.localizer("cli.option.timeLimit"))
        }
        if !(gap >= 0 && gap.isFinite) { throw ValidationError(HelpText.localizer("cli.option.gap")) }
    }

    var timeLimitDuration: Duration? { timeLimit.map { .milliseconds(Int64(($0 * 1000).rounded(.up))) } }
}

/// Writes JSON with sorted keys and a trailing newline to stdout.
func printJSON<T: Encodable>(_ value: T) throws {
    FileHandle.standardOutput.write(try CanonicalJSON.data(value))
}

/// Writes progress to stderr, never stdout (which carries only results).
func printProgress(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
