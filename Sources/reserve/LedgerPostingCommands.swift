import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve ledger receive`: goods into a depot (入库), creating the lot with its label.
struct LedgerReceiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receive", abstract: HelpText["ledgerReceive.abstract"],
        discussion: HelpText["ledgerReceive.discussion"])
    @OptionGroup var database: LedgerDatabaseOptions
    @OptionGroup var lot: LotOptions
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerReceive.depot"])) var depot: String
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerReceive.quantity"])) var quantity: Double
    @Option(name: .customLong("production-date"), help: ArgumentHelp(HelpText["ledgerReceive.productionDate"])) var productionDate: String?
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerReceive.origin"])) var origin: String = ""
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerReceive.mode"])) var mode: String = ""
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerReceive.specification"])) var specification: String = ""
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerReceive.quality"])) var quality: String = ""
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerReceive.unit"])) var unit: String = ""
    @Option(name: .customLong("inbound-date"), help: ArgumentHelp(HelpText["ledgerReceive.inboundDate"])) var inboundDate: String?
    @OptionGroup var posting: PostingOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        for (name, value) in [("--production-date", productionDate), ("--inbound-date", inboundDate)] {
            if let value, CalendarDate(value) == nil { throw ValidationError(HelpText.localizer("cli.option.date", ["option": name, "value": value])) }
        }
        if !mode.isEmpty, ReserveMode(rawValue: mode) == nil {
            throw ValidationError(HelpText.localizer("cli.option.mode", ["values": ReserveMode.allCases.map(\.rawValue).joined(separator: ", ")]))
        }
    }

    func run() throws {
        let ledger = try database.open()
        let context = posting.context()
        let inbound = inboundDate.flatMap(CalendarDate.init) ?? CalendarDate(String(LedgerTime.format(context.at ?? Date()).prefix(10)))
        let label = LotLabel(item: lot.item, lot: lot.lot, depot: depot, expiry: lot.key.expiry,
                             productionDate: productionDate.flatMap(CalendarDate.init), origin: origin, reserveMode: mode,
                             specification: specification, quality: quality, unit: unit, inboundDate: inbound)
        let result = try LedgerFailure.map { () throws(LedgerError) in try ledger.receive(label, quantity: quantity, context: context) }
        try LedgerOutput.posting(result, format: output.resolvedFormat)
    }
}

/// The shape shared by issue, rotate, write-off and return: a lot, a depot, a quantity.
protocol LotMovementCommand: ParsableCommand {
    var database: LedgerDatabaseOptions { get }
    var lot: LotOptions { get }
    var depot: String { get }
    var quantity: Double { get }
    var posting: PostingOptions { get }
    var output: OutputOptions { get }
    func post(_ ledger: StockLedger, context: PostingContext) throws(LedgerError) -> PostingResult
}

extension LotMovementCommand {
    func run() throws {
        let ledger = try database.open()
        let context = posting.context()
        let result = try LedgerFailure.map { () throws(LedgerError) in try post(ledger, context: context) }
        try LedgerOutput.posting(result, format: output.resolvedFormat)
    }
}

/// `reserve ledger issue`: goods out of a depot (出库).
struct LedgerIssueCommand: LotMovementCommand {
    static let configuration = CommandConfiguration(commandName: "issue", abstract: HelpText["ledgerIssue.abstract"])
    @OptionGroup var database: LedgerDatabaseOptions
    @OptionGroup var lot: LotOptions
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerIssue.depot"])) var depot: String
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerIssue.quantity"])) var quantity: Double
    @OptionGroup var posting: PostingOptions
    @OptionGroup var output: OutputOptions
    func post(_ ledger: StockLedger, context: PostingContext) throws(LedgerError) -> PostingResult {
        try ledger.issue(lot.key, at: depot, quantity: quantity, context: context)
    }
}

/// `reserve ledger rotate`: rotated out before expiry (轮换).
struct LedgerRotateCommand: LotMovementCommand {
    static let configuration = CommandConfiguration(commandName: "rotate", abstract: HelpText["ledgerRotate.abstract"])
    @OptionGroup var database: LedgerDatabaseOptions
    @OptionGroup var lot: LotOptions
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerRotate.depot"])) var depot: String
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerRotate.quantity"])) var quantity: Double
    @OptionGroup var posting: PostingOptions
    @OptionGroup var output: OutputOptions
    func post(_ ledger: StockLedger, context: PostingContext) throws(LedgerError) -> PostingResult {
        try ledger.rotateOut(lot.key, at: depot, quantity: quantity, context: context)
    }
}

/// `reserve ledger writeoff`: scrapped, with the approval that allowed it (报废).
struct LedgerWriteOffCommand: LotMovementCommand {
    static let configuration = CommandConfiguration(commandName: "writeoff", abstract: HelpText["ledgerWriteOff.abstract"])
    @OptionGroup var database: LedgerDatabaseOptions
    @OptionGroup var lot: LotOptions
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerWriteOff.depot"])) var depot: String
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerWriteOff.quantity"])) var quantity: Double
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerWriteOff.approval"])) var approval: String
    @OptionGroup var posting: PostingOptions
    @OptionGroup var output: OutputOptions
    func post(_ ledger: StockLedger, context: PostingContext) throws(LedgerError) -> PostingResult {
        try ledger.writeOff(lot.key, at: depot, quantity: quantity, approval: approval, context: context)
    }
}

/// `reserve ledger return`: goods coming back to a depot (归还).
struct LedgerReturnCommand: LotMovementCommand {
    static let configuration = CommandConfiguration(commandName: "return", abstract: HelpText["ledgerReturn.abstract"])
    @OptionGroup var database: LedgerDatabaseOptions
    @OptionGroup var lot: LotOptions
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerReturn.depot"])) var depot: String
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerReturn.quantity"])) var quantity: Double
    @OptionGroup var posting: PostingOptions
    @OptionGroup var output: OutputOptions
    func post(_ ledger: StockLedger, context: PostingContext) throws(LedgerError) -> PostingResult {
        try ledger.returnGoods(lot.key, to: depot, quantity: quantity, context: context)
    }
}

/// `reserve ledger transfer`: a lot moves between depots (调拨), both halves or neither.
struct LedgerTransferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "transfer", abstract: HelpText["ledgerTransfer.abstract"])
    @OptionGroup var database: LedgerDatabaseOptions
    @OptionGroup var lot: LotOptions
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerTransfer.from"])) var from: String
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerTransfer.to"])) var to: String
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerTransfer.quantity"])) var quantity: Double
    @OptionGroup var posting: PostingOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let ledger = try database.open()
        let context = posting.context()
        let result = try LedgerFailure.map { () throws(LedgerError) in
            try ledger.transfer(lot.key, from: from, to: to, quantity: quantity, context: context)
        }
        try LedgerOutput.posting(result, format: output.resolvedFormat)
    }
}

/// `reserve ledger count`: a stock count (盘点) sets the balance to what was counted.
struct LedgerCountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "count", abstract: HelpText["ledgerCount.abstract"])
    @OptionGroup var database: LedgerDatabaseOptions
    @OptionGroup var lot: LotOptions
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerCount.depot"])) var depot: String
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerCount.counted"])) var counted: Double
    @OptionGroup var posting: PostingOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let ledger = try database.open()
        let context = posting.context()
        let result = try LedgerFailure.map { () throws(LedgerError) in
            try ledger.count(lot.key, at: depot, counted: counted, context: context)
        }
        try LedgerOutput.posting(result, format: output.resolvedFormat)
    }
}

/// `reserve ledger reverse ID`: the exact negation of an earlier movement.
struct LedgerReverseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reverse", abstract: HelpText["ledgerReverse.abstract"])
    @OptionGroup var database: LedgerDatabaseOptions
    @Argument(help: ArgumentHelp(HelpText["ledgerReverse.movement"])) var movement: Int64
    @OptionGroup var posting: PostingOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let ledger = try database.open()
        let context = posting.context()
        let result = try LedgerFailure.map { () throws(LedgerError) in try ledger.reverse(movement: movement, context: context) }
        try LedgerOutput.posting(result, format: output.resolvedFormat)
    }
}
