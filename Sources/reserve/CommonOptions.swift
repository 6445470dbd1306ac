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
    @Option(name: .long, help: "Output format: table or json.")
    var format: OutputFormat = .table

    @Flag(name: .long, help: "Shorthand for --format json.")
    var json = false

    var resolvedFormat: OutputFormat { json ? .json : format }
}

/// `--lang zh|en`: the language of everything a person reads (tables, HTML, messages).
/// Without it, `LC_ALL`, `LC_MESSAGES` or `LANG` starting with `zh` means Chinese.
struct LanguageOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Language of the report and messages: zh or en (default: zh when LC_ALL, LC_MESSAGES or LANG is zh_*, else en).")
    var lang: Language?

    /// The language asked for, or the environment's.
    var resolved: Language { lang ?? Language.fromEnvironment() }
}

extension Language: ExpressibleByArgument {}

/// How wide tables may be: 100 columns, the terminal's width when stdout is one, or
/// unlimited with `--wide`. Cells wrap; nothing is cut.
struct TableWidthOptions: ParsableArguments {
    @Flag(name: .long, help: "Do not wrap tables to 100 columns (or to the terminal's width).")
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
    @Flag(name: [.short, .long], help: "Log progress and solver output on stderr (repeat for more).")
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
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

/// Solver limits shared by every subcommand that solves.
struct SolverOptions: ParsableArguments {
    @Option(name: .long, help: "Stop after this many seconds and report the best solution found.")
    var timeLimit: Double?

    @Option(name: .long, help: "Relative MIP gap at which to stop (default 1e-6).")
    var gap: Double = 1e-6

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) {
            throw ValidationError("--time-limit must be a positive number of seconds.")
        }
        if !(gap >= 0 && gap.isFinite) { throw ValidationError("--gap must be a number ≥ 0.") }
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
