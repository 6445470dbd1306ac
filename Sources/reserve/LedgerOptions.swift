import ArgumentParser
import EmergencyReserve
import Foundation

/// `--db`: which ledger: an SQLite file or a PostgreSQL URL.
struct LedgerDatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The ledger: an SQLite file, or postgres://user[:password]@host[:port]/database (password also from $PGPASSWORD or ~/.pgpass; never printed). Default: $RESERVE_LEDGER, else ledger.sqlite.",
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
    @Option(name: .long, help: "Who posts (default: the OS user).")
    var user: String?

    @Option(name: .long, help: "The source document number (入库单、出库单、调拨单号…).")
    var document: String?

    @Option(name: .long, help: "Why (free text, kept on the movement).")
    var reason: String = ""

    @Option(name: .long, help: "Idempotency key: a retry with the same key posts once (default: a fresh key).")
    var key: String?

    @Option(name: .long, help: "When it happened: YYYY-MM-DD or ISO 8601 (default: now).")
    var at: String?

    @Option(name: .customLong("allow-negative"), help: ArgumentHelp("Allow the balance to go below zero, recording this reason.", valueName: "reason"))
    var allowNegative: String?

    func validate() throws {
        if let at, LedgerTime.parse(at) == nil { throw ValidationError("--at '\(at)' is not YYYY-MM-DD or an ISO 8601 time.") }
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
    @Option(name: .long, help: "Item id (items.csv).")
    var item: String

    @Option(name: .long, help: "Lot (batch) number.")
    var lot: String

    @Option(name: .long, help: "Expiry YYYY-MM-DD, when two lots of the item share the number.")
    var expiry: String?

    func validate() throws {
        if let expiry, CalendarDate(expiry) == nil { throw ValidationError("--expiry '\(expiry)' is not a date YYYY-MM-DD.") }
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
        case .missingDatabase: return CLIFailure(message: error.description, exitCode: 66)
        case .database: return CLIFailure.internalFailure(error.description)
        default: return CLIFailure.invalidData(error.description)
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
            throw CLIFailure.invalidData(error.description)
        }
        let report = loaded.validate()
        if report.hasErrors {
            let lines = report.errors.prefix(50).map(\.description).joined(separator: "\n")
            let more = report.errors.count > 50 ? "\n… and \(report.errors.count - 50) more" : ""
            throw CLIFailure.invalidData("\(path) has \(report.errors.count) error(s); run 'reserve validate \(path)':\n\(lines)\(more)")
        }
        return loaded.bundle
    }
}
