import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve ledger balance`: what is on hand, now or at a past time.
struct LedgerBalanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balance", abstract: HelpText["ledgerBalance.abstract"],
        discussion: HelpText["ledgerBalance.discussion"])
    @OptionGroup var database: LedgerDatabaseOptions
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerBalance.at"])) var at: String?
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerBalance.depot"])) var depot: String?
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerBalance.item"])) var item: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let at, LedgerTime.parse(at) == nil { throw ValidationError(HelpText.localizer("cli.option.at", ["value": at])) }
    }

    struct JSON: Encodable {
        var schemaVersion = 1
        var asOf: String?
        var balances: [BalanceJSON]
    }

    func run() throws {
        let ledger = try database.open()
        let asOf = at.flatMap(LedgerTime.parse)
        let rows = try LedgerFailure.map { () throws(LedgerError) in try ledger.balances(asOf: asOf, depot: depot, item: item) }
        switch output.resolvedFormat {
        case .json: try printJSON(JSON(asOf: asOf.map(LedgerTime.format), balances: rows.map(BalanceJSON.init)))
        case .table: print(LedgerOutput.balanceTable(rows))
        }
    }
}

/// `reserve ledger history`: the audit trail of a depot, item or lot.
struct LedgerHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: HelpText["ledgerHistory.abstract"])
    @OptionGroup var database: LedgerDatabaseOptions
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerHistory.depot"])) var depot: String?
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerHistory.item"])) var item: String?
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerHistory.lot"])) var lot: String?
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerHistory.limit"])) var limit: Int?
    @OptionGroup var output: OutputOptions

    struct JSON: Encodable {
        var schemaVersion = 1
        var movements: [MovementJSON]
    }

    func run() throws {
        let ledger = try database.open()
        let movements = try LedgerFailure.map { () throws(LedgerError) in
            try ledger.history(depot: depot, item: item, lot: lot, limit: limit)
        }
        switch output.resolvedFormat {
        case .json: try printJSON(JSON(movements: movements.map(MovementJSON.init)))
        case .table: print(LedgerOutput.movementTable(movements))
        }
    }
}

/// `reserve ledger expiring --within 90d`: lots to rotate or use soon.
struct LedgerExpiringCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "expiring", abstract: HelpText["ledgerExpiring.abstract"])
    @OptionGroup var database: LedgerDatabaseOptions
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerExpiring.within"])) var within: String = "90d"
    @Option(name: .customLong("as-of"), help: ArgumentHelp(HelpText["ledgerExpiring.asOf"])) var asOf: String?
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerExpiring.depot"])) var depot: String?
    @OptionGroup var output: OutputOptions

    var days: Int? { Int(within.hasSuffix("d") ? String(within.dropLast()) : within).flatMap { $0 >= 0 ? $0 : nil } }

    func validate() throws {
        if days == nil { throw ValidationError(HelpText.localizer("cli.option.days", ["option": "--within", "value": within, "example": "90d"])) }
        if let asOf, CalendarDate(asOf) == nil { throw ValidationError(HelpText.localizer("cli.option.date", ["option": "--as-of", "value": asOf])) }
    }

    struct JSON: Encodable {
        var schemaVersion = 1
        var asOf: String
        var withinDays: Int
        var lots: [BalanceJSON]
    }

    func run() throws {
        let ledger = try database.open()
        let today = asOf.flatMap(CalendarDate.init) ?? CalendarDate(String(LedgerTime.format(Date()).prefix(10)))!
        let rows = try LedgerFailure.map { () throws(LedgerError) in
            try ledger.expiring(withinDays: days!, asOf: today, depot: depot)
        }
        switch output.resolvedFormat {
        case .json: try printJSON(JSON(asOf: today.description, withinDays: days!, lots: rows.map(BalanceJSON.init)))
        case .table: print(LedgerOutput.balanceTable(rows))
        }
    }
}

/// `reserve ledger verify`: every kept balance re-derived from the movements.
struct LedgerVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: HelpText["ledgerVerify.abstract"])
    @OptionGroup var database: LedgerDatabaseOptions
    @OptionGroup var output: OutputOptions

    struct JSON: Encodable {
        var schemaVersion = 1
        var consistent: Bool
        var report: VerifyReport
    }

    func run() throws {
        let ledger = try database.open()
        let report = try LedgerFailure.map { () throws(LedgerError) in try ledger.verify() }
        switch output.resolvedFormat {
        case .json:
            try printJSON(JSON(consistent: report.isConsistent, report: report))
        case .table:
            if report.isConsistent {
                print(HelpText.localizer("ledger.verified", ["movements": "\(report.movements)", "lots": "\(report.lots)"]))
            }
            for d in report.drift {
                print(HelpText.localizer("ledger.drift", ["lot": d.lot, "item": d.item, "depot": d.depot,
                                                          "movements": LedgerOutput.quantity(d.fromMovements), "kept": LedgerOutput.quantity(d.kept)]))
            }
            for p in report.problems { print(HelpText.localizer("ledger.problem", ["text": "\(p)"])) }
        }
        if !report.isConsistent {
            throw CLIFailure.invalidData(HelpText.localizer("cli.drift", ["path": database.shown, "drift": "\(report.drift.count)", "problems": "\(report.problems.count)"]))
        }
    }
}
