import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve ledger init`: a new, empty ledger file (mode 0600).
struct LedgerInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create an empty ledger (readable by its owner only), or migrate an existing one.")
    @OptionGroup var database: LedgerDatabaseOptions

    func run() throws {
        let path = database.path
        let server = PostgresLocation.isURL(path)
        let existed: Bool
        if server {
            do {
                _ = try StockLedger.open(database: path)
                existed = true
            } catch {
                guard case .missingDatabase = error else { throw LedgerFailure.failure(error) }
                existed = false
            }
        } else {
            existed = FileManager.default.fileExists(atPath: path)
        }
        let ledger: StockLedger
        do {
            ledger = try StockLedger.create(database: path)
        } catch {
            // A file that cannot be created is "cannot write"; a server's failure is internal.
            if case .database = error, !server { throw CLIFailure(message: error.description, exitCode: 73) }
            throw LedgerFailure.failure(error)
        }
        let version = try LedgerFailure.map { () throws(LedgerError) in try ledger.schemaVersion() }
        print(existed ? "\(ledger.path): ledger exists, schema version \(version)" : "\(ledger.path): new ledger, schema version \(version)")
    }
}

/// `reserve ledger import BUNDLE`: opening balances, one receive per stock row.
struct LedgerImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Post a bundle's stock.csv as opening balances: one receive per lot, all in one transaction.")
    @Argument(help: "The bundle directory (or single JSON file).") var bundle: String
    @OptionGroup var database: LedgerDatabaseOptions
    @OptionGroup var posting: PostingOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let loaded = try LedgerBundle.load(bundle)
        let ledger = try database.open()
        let context = posting.context(defaultDocument: "import \(loaded.manifest.name)")
        // The kill -9 test waits for this line: the transaction starts right after it.
        printProgress("ledger: importing \(loaded.stock.count) stock rows from \(bundle)")
        let result = try LedgerFailure.map { () throws(LedgerError) in
            try ledger.importOpeningBalances(of: loaded, context: context)
        }
        switch output.resolvedFormat {
        case .json: try printJSON(PostingJSON(movements: result.movements.map(MovementJSON.init), replayed: result.replayed))
        case .table:
            print(result.replayed ? "already imported under key '\(result.movements.first?.idempotencyKey ?? "")'; nothing new written"
                                  : "imported \(result.movements.count) receive movements")
        }
    }
}

/// `reserve ledger export --bundle B --out DIR`: B with the book's current stock.
struct LedgerExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a bundle whose stock is the ledger's current balance, so dispatch and plan run on the real book.")
    @OptionGroup var database: LedgerDatabaseOptions
    @Option(name: .long, help: "The bundle that supplies everything but the stock.") var bundle: String
    @Option(name: .long, help: "Directory to write the bundle to.") var out: String

    func run() throws {
        let base = try LedgerBundle.load(bundle)
        let ledger = try database.open()
        let exported = try LedgerFailure.map { () throws(LedgerError) in try ledger.exportBundle(base: base) }
        do {
            try BundleWriter.write(exported, toDirectory: out)
        } catch {
            throw CLIFailure(message: "cannot write \(out): \(error.description)", exitCode: 73)
        }
        printProgress("wrote \(out) (\(exported.stock.count) stock rows)")
    }
}

/// `reserve ledger post-dispatch RESPONSE.json`: a dispatch's orders become issues.
struct LedgerPostDispatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post-dispatch",
        abstract: "Post a dispatch response's orders as issue movements, lots chosen first-expiry-first-out.",
        discussion: """
        Idempotent by the dispatch's id (the scenario id and a digest of its orders, or --dispatch-id). \
        Refuses, posting nothing, if any order can no longer be met from the book, naming each such order.
        """)
    @Argument(help: "A 'reserve dispatch --format json' response.") var response: String
    @OptionGroup var database: LedgerDatabaseOptions
    @Option(name: .customLong("dispatch-id"), help: "Use this id instead of the one derived from the response.") var dispatchID: String?
    @OptionGroup var posting: PostingOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let data = FileManager.default.contents(atPath: response) else {
            throw CLIFailure(message: "\(response): cannot read the file", exitCode: 66)
        }
        let orders = try LedgerFailure.map { () throws(LedgerError) in try DispatchOrders(json: data, source: response) }
        let ledger = try database.open()
        let id = dispatchID ?? orders.id
        let context = posting.context(defaultDocument: "dispatch \(id)")
        let posted = try LedgerFailure.map { () throws(LedgerError) in
            try ledger.postDispatch(orders, dispatchID: id, context: context)
        }
        let extra = ["dispatch \(posted.dispatchID): \(posted.result.movements.count) issue movements"
                     + (posted.skipped.isEmpty ? "" : "; \(posted.skipped.count) production-capacity order(s) not taken from stock")]
        switch output.resolvedFormat {
        case .json:
            struct JSON: Encodable {
                var schemaVersion = 1
                var dispatchId: String
                var replayed: Bool
                var movements: [MovementJSON]
                var skipped: [DispatchOrders.Order]
            }
            try printJSON(JSON(dispatchId: posted.dispatchID, replayed: posted.result.replayed,
                               movements: posted.result.movements.map(MovementJSON.init), skipped: posted.skipped))
        case .table:
            try LedgerOutput.posting(posted.result, format: .table, extra: extra)
        }
    }
}

/// `reserve ledger import-sheet FILE.csv|FILE.xlsx --mapping MAP.json`: a bureau's 台账.
struct LedgerImportSheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-sheet",
        abstract: "Post a 台账 spreadsheet (.csv or .xlsx) as opening balances, one receive per row, all or nothing.",
        discussion: """
        MAP.json names the header of each ledger field (depot, item, lot, quantity required; unit, expiry, \
        productionDate, received, origin, specification, quality, mode optional), the sheet and header row, \
        and optional sheet-name → id tables for items and depots. See docs/ledger.md. Every bad cell is \
        reported as sheet!CELL (header): problem, and nothing is posted.
        """)
    @Argument(help: "The sheet: a .csv (UTF-8) or .xlsx file.") var file: String
    @Option(name: .long, help: "The mapping JSON.") var mapping: String
    @OptionGroup var database: LedgerDatabaseOptions
    @OptionGroup var posting: PostingOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard FileManager.default.fileExists(atPath: file) else { throw CLIFailure(message: "\(file): no such file", exitCode: 66) }
        guard let data = FileManager.default.contents(atPath: mapping) else {
            throw CLIFailure(message: "\(mapping): cannot read the mapping", exitCode: 66)
        }
        let map = try LedgerFailure.map { () throws(LedgerError) in try SheetMapping(json: data, source: mapping) }
        let ledger = try database.open()
        let context = posting.context(defaultDocument: "import-sheet \((file as NSString).lastPathComponent)")
        let result = try LedgerFailure.map { () throws(LedgerError) in
            try ledger.importSheet(at: URL(fileURLWithPath: file), mapping: map, context: context)
        }
        switch output.resolvedFormat {
        case .json: try printJSON(PostingJSON(movements: result.movements.map(MovementJSON.init), replayed: result.replayed))
        case .table:
            print(result.replayed ? "already imported under key '\(result.movements.first?.idempotencyKey ?? "")'; nothing new written"
                                  : "imported \(result.movements.count) receive movements")
        }
    }
}
