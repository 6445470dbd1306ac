import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve ledger init`: a new, empty ledger file (mode 0600).
struct LedgerInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: HelpText["ledgerInit.abstract"])
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
            if case .database = error, !server { throw CLIFailure(message: ErrorText.describe(error), exitCode: 73) }
            throw LedgerFailure.failure(error)
        }
        let version = try LedgerFailure.map { () throws(LedgerError) in try ledger.schemaVersion() }
        print(HelpText.localizer(existed ? "ledger.exists" : "ledger.created", ["path": ledger.path, "version": "\(version)"]))
    }
}

/// `reserve ledger import BUNDLE`: opening balances, one receive per stock row.
struct LedgerImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: HelpText["ledgerImport.abstract"])
    @Argument(help: ArgumentHelp(HelpText["ledgerImport.bundle"])) var bundle: String
    @OptionGroup var database: LedgerDatabaseOptions
    @OptionGroup var posting: PostingOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let loaded = try LedgerBundle.load(bundle)
        let ledger = try database.open()
        let context = posting.context(defaultDocument: "import \(loaded.manifest.name)")
        // The kill -9 test waits for this line: the transaction starts right after it.
        printProgress(HelpText.localizer("ledger.importing", ["count": "\(loaded.stock.count)", "bundle": bundle]))
        let result = try LedgerFailure.map { () throws(LedgerError) in
            try ledger.importOpeningBalances(of: loaded, context: context)
        }
        switch output.resolvedFormat {
        case .json: try printJSON(PostingJSON(movements: result.movements.map(MovementJSON.init), replayed: result.replayed))
        case .table:
            print(result.replayed ? HelpText.localizer("ledger.importReplayed", ["key": result.movements.first?.idempotencyKey ?? ""])
                                  : HelpText.localizer("ledger.imported", ["count": "\(result.movements.count)"]))
        }
    }
}

/// `reserve ledger export --bundle B --out DIR`: B with the book's current stock.
struct LedgerExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: HelpText["ledgerExport.abstract"])
    @OptionGroup var database: LedgerDatabaseOptions
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerExport.bundle"])) var bundle: String
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerExport.out"])) var out: String

    func run() throws {
        let base = try LedgerBundle.load(bundle)
        let ledger = try database.open()
        let exported = try LedgerFailure.map { () throws(LedgerError) in try ledger.exportBundle(base: base) }
        do {
            try BundleWriter.write(exported, toDirectory: out)
        } catch {
            throw CLIFailure(message: HelpText.localizer("cli.cannotWrite", ["path": out, "reason": ErrorText.describe(error)]), exitCode: 73)
        }
        printProgress(HelpText.localizer("ledger.wroteBundle", ["out": out, "count": "\(exported.stock.count)"]))
    }
}

/// `reserve ledger post-dispatch RESPONSE.json`: a dispatch's orders become issues.
struct LedgerPostDispatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post-dispatch",
        abstract: HelpText["ledgerPostDispatch.abstract"],
        discussion: HelpText["ledgerPostDispatch.discussion"])
    @Argument(help: ArgumentHelp(HelpText["ledgerPostDispatch.response"])) var response: String
    @OptionGroup var database: LedgerDatabaseOptions
    @Option(name: .customLong("dispatch-id"), help: ArgumentHelp(HelpText["ledgerPostDispatch.dispatchID"])) var dispatchID: String?
    @OptionGroup var posting: PostingOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let data = FileManager.default.contents(atPath: response) else {
            throw CLIFailure(message: HelpText.localizer("cli.cannotRead", ["path": response]), exitCode: 66)
        }
        let orders = try LedgerFailure.map { () throws(LedgerError) in try DispatchOrders(json: data, source: response) }
        let ledger = try database.open()
        let id = dispatchID ?? orders.id
        let context = posting.context(defaultDocument: "dispatch \(id)")
        let posted = try LedgerFailure.map { () throws(LedgerError) in
            try ledger.postDispatch(orders, dispatchID: id, context: context)
        }
        let t = HelpText.localizer
        let extra = [t("ledger.dispatchPosted", ["id": posted.dispatchID, "count": "\(posted.result.movements.count)"])
                     + (posted.skipped.isEmpty ? "" : t("ledger.dispatchSkipped", ["count": "\(posted.skipped.count)"]))]
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
        abstract: HelpText["ledgerImportSheet.abstract"],
        discussion: HelpText["ledgerImportSheet.discussion"])
    @Argument(help: ArgumentHelp(HelpText["ledgerImportSheet.file"])) var file: String
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerImportSheet.mapping"])) var mapping: String
    @OptionGroup var database: LedgerDatabaseOptions
    @OptionGroup var posting: PostingOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard FileManager.default.fileExists(atPath: file) else { throw CLIFailure(message: HelpText.localizer("cli.noSuchFile", ["path": file]), exitCode: 66) }
        guard let data = FileManager.default.contents(atPath: mapping) else {
            throw CLIFailure(message: HelpText.localizer("cli.cannotRead", ["path": mapping]), exitCode: 66)
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
            print(result.replayed ? HelpText.localizer("ledger.importReplayed", ["key": result.movements.first?.idempotencyKey ?? ""])
                                  : HelpText.localizer("ledger.imported", ["count": "\(result.movements.count)"]))
        }
    }
}
