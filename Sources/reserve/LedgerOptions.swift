import ArgumentParser
import EmergencyReserve
import Foundation

/// `--db`: which ledger: an SQLite file or a PostgreSQL URL.
struct LedgerDatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        HelpText["ledgerDatabaseOptions.db"],
        valueName: "file-or-url"))
    var db: String?

    var path: String { db ?? ProcessInfo.processInfo.environment["RESERVE_LEDGER"] ?? "ledger.sqlite" }

    /// The ledger as it may be printed: a URL's password masked.
    var shown: String { PostgresLocation.isURL(path) ? PostgresLocation.masked(path) : path }

    /// Opens the ledger (migrating an older SQLite schema), mapping failures to exit codes.
    func open() throws -> StockLedger {
        try LedgerFailure.map { () throws(LedgerError) in try StockLedger.open(database: path) }
    }
}

/// Who posts, from which document, why, under which key, when.
struct PostingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(HelpText["postingOptions.user"]))
    var user: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["postingOptions.document"]))
    var document: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["postingOptions.reason"]))
    var reason: String = ""

    @Option(name: .long, help: ArgumentHelp(HelpText["postingOptions.key"]))
    var key: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["postingOptions.at"]))
    var at: String?

    @Option(name: .customLong("allow-negative"), help: ArgumentHelp(HelpText["postingOptions.allowNegative"], valueName: "reason"))
    var allowNegative: String?

    func validate() throws {
        if let at, LedgerTime.parse(at) == nil { throw ValidationError(HelpText.localizer("cli.option.at", ["value": at])) }
    }

    func context(defaultDocument: String? = nil) -> PostingContext {
        PostingContext(user: user ?? osUser(), document: document ?? defaultDocument ?? "", reason: reason,
                       idempotencyKey: key, at: at.flatMap(LedgerTime.parse), allowNegativeReason: allowNegative)
    }
}

/// The name of the user running this process.
func osUser() -> String {
    if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
    return ProcessInfo.processInfo.environment["USER"] ?? "uid-\(getuid())"
}

/// `--item`, `--lot`, `--expiry`: which lot.
struct LotOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(HelpText["lotOptions.item"]))
    var item: String

    @Option(name: .long, help: ArgumentHelp(HelpText["lotOptions.lot"]))
    var lot: String

    @Option(name: .long, help: ArgumentHelp(HelpText["lotOptions.expiry"]))
    var expiry: String?

    func validate() throws {
        if let expiry, CalendarDate(expiry) == nil { throw ValidationError(HelpText.localizer("cli.option.date", ["option": "--expiry", "value": expiry])) }
    }

    var key: LotKey { LotKey(item: item, lot: lot, expiry: expiry.flatMap(CalendarDate.init)) }
}

/// The one place that turns a ``LedgerError`` into a message and a sysexits code.
enum LedgerFailure {
    static func map<T>(_ body: () throws(LedgerError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw failure(error)
        }
    }

    static func failure(_ error: LedgerError) -> CLIFailure {
        switch error {
        case .missingDatabase: return CLIFailure(message: ErrorText.describe(error), exitCode: 66)
        case .database: return CLIFailure.internalFailure(ErrorText.describe(error))
        default: return CLIFailure.invalidData(ErrorText.describe(error))
        }
    }
}

/// Reads and validates a bundle for the ledger commands, which need only its tables
/// (not the road network the dispatch commands hand on): refused with every problem
/// listed if it has errors, as `reserve validate` prints them.
enum LedgerBundle {
    static func load(_ path: String) throws -> ReserveBundle {
        let loaded: LoadedBundle
        do {
            loaded = try BundleReader.read(at: path)
        } catch {
            throw CLIFailure(error)
        }
        let report = loaded.validate()
        if report.hasErrors { throw CLIFailure.invalidData(ErrorText.invalidBundle(path, report.errors, HelpText.localizer)) }
        return loaded.bundle
    }
}
