import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve ledger receive`: goods into a depot (入库), creating the lot with its label.
struct LedgerReceiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receive", abstract: "Receive a lot into a depot (入库), with its label fields.",
        discussion: "Example: reserve ledger receive --item tent --lot HE-2025-01 --depot HG-D-CITY --quantity 200 --document RK-2025-001 --origin 某帐篷厂 --expiry 2030-06-30")
    @OptionGroup var database: LedgerDatabaseOptions
    @OptionGroup var lot: LotOptions
    @Option(name: .long, help: "Receiving depot.") var depot: String
    @Option(name: .long, help: "Units received (in the item's unit).") var quantity: Double
    @Option(name: .customLong("production-date"), help: "Production date YYYY-MM-DD.") var productionDate: String?
    @Option(name: .long, help: "Supplier, manufacturer or donor.") var origin: String = ""
    @Option(name: .long, help: "Reserve mode (physical, agreement, delegated, …).") var mode: String = ""
    @Option(name: .long, help: "Specification (规格型号).") var specification: String = ""
    @Option(name: .long, help: "Quality grade or inspection result.") var quality: String = ""
    @Option(name: .long, help: "Unit as on the label.") var unit: String = ""
    @Option(name: .customLong("inbound-date"), help: "Day it entered storage (default: the day of --at, else today).") var inboundDate: String?
    @OptionGroup var posting: PostingOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        for (name, value) in [("--production-date", productionDate), ("--inbound-date", inboundDate)] {
            if let value, CalendarDate(value) == nil { throw ValidationError("\(name) '\(value)' is not a date YYYY-MM-DD.") }
        }
        if !mode.isEmpty, ReserveMode(rawValue: mode) == nil {
            throw ValidationError("--mode must be one of \(ReserveMode.allCases.map(\.rawValue).joined(separator: ", ")).")
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
    static let configuration = CommandConfiguration(commandName: "issue", abstract: "Issue units of a lot from a depot (出库).")
    @OptionGroup var database: LedgerDatabaseOptions
    @OptionGroup var lot: LotOptions
    @Option(name: .long, help: "Depot.") var depot: String
    @Option(name: .long, help: "Units issued.") var quantity: Double
    @OptionGroup var posting: PostingOptions
    @OptionGroup var output: OutputOptions
    func post(_ ledger: StockLedger, context: PostingContext) throws(LedgerError) -> PostingResult {
        try ledger.issue(lot.key, at: depot, quantity: quantity, context: context)
    }
}

/// `reserve ledger rotate`: rotated out before expiry (轮换).
struct LedgerRotateCommand: LotMovementCommand {
    static let configuration = CommandConfiguration(commandName: "rotate", abstract: "Rotate units of a lot out before they expire: sold or used (轮换).")
    @OptionGroup var database: LedgerDatabaseOptions
    @OptionGroup var lot: LotOptions
    @Option(name: .long, help: "Depot.") var depot: String
    @Option(name: .long, help: "Units rotated out.") var quantity: Double
    @OptionGroup var posting: PostingOptions
    @OptionGroup var output: OutputOptions
    func post(_ ledger: StockLedger, context: PostingContext) throws(LedgerError) -> PostingResult {
        try ledger.rotateOut(lot.key, at: depot, quantity: quantity, context: context)
    }
}

/// `reserve ledger writeoff`: scrapped, with the approval that allowed it (报废).
struct LedgerWriteOffCommand: LotMovementCommand {
    static let configuration = CommandConfiguration(commandName: "writeoff", abstract: "Write off (scrap) units of a lot; needs an approval reference (报废审批).")
    @OptionGroup var database: LedgerDatabaseOptions
    @OptionGroup var lot: LotOptions
    @Option(name: .long, help: "Depot.") var depot: String
    @Option(name: .long, help: "Units written off.") var quantity: Double
    @Option(name: .long, help: "The approval reference (required).") var approval: String
    @OptionGroup var posting: PostingOptions
    @OptionGroup var output: OutputOptions
    func post(_ ledger: StockLedger, context: PostingContext) throws(LedgerError) -> PostingResult {
        try ledger.writeOff(lot.key, at: depot, quantity: quantity, approval: approval, context: context)
    }
}

/// `reserve ledger return`: goods coming back to a depot (归还).
struct LedgerReturnCommand: LotMovementCommand {
    static let configuration = CommandConfiguration(commandName: "return", abstract: "Take back units of a lot that had been issued (归还).")
    @OptionGroup var database: LedgerDatabaseOptions
    @OptionGroup var lot: LotOptions
    @Option(name: .long, help: "Depot receiving the return.") var depot: String
    @Option(name: .long, help: "Units returned.") var quantity: Double
    @OptionGroup var posting: PostingOptions
    @OptionGroup var output: OutputOptions
    func post(_ ledger: StockLedger, context: PostingContext) throws(LedgerError) -> PostingResult {
        try ledger.returnGoods(lot.key, to: depot, quantity: quantity, context: context)
    }
}

/// `reserve ledger transfer`: a lot moves between depots (调拨), both halves or neither.
struct LedgerTransferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "transfer", abstract: "Transfer units of a lot between depots (调拨): two movements, one transaction.")
    @OptionGroup var database: LedgerDatabaseOptions
    @OptionGroup var lot: LotOptions
    @Option(name: .long, help: "Sending depot.") var from: String
    @Option(name: .long, help: "Receiving depot.") var to: String
    @Option(name: .long, help: "Units moved.") var quantity: Double
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
    static let configuration = CommandConfiguration(commandName: "count", abstract: "Record a stock count (盘点): posts counted − book so the balance equals the count.")
    @OptionGroup var database: LedgerDatabaseOptions
    @OptionGroup var lot: LotOptions
    @Option(name: .long, help: "Depot.") var depot: String
    @Option(name: .long, help: "Units counted on the shelf.") var counted: Double
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
    static let configuration = CommandConfiguration(commandName: "reverse", abstract: "Reverse an earlier movement (both halves of a transfer); the original stays in the book.")
    @OptionGroup var database: LedgerDatabaseOptions
    @Argument(help: "The movement id (see 'reserve ledger history').") var movement: Int64
    @OptionGroup var posting: PostingOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let ledger = try database.open()
        let context = posting.context()
        let result = try LedgerFailure.map { () throws(LedgerError) in try ledger.reverse(movement: movement, context: context) }
        try LedgerOutput.posting(result, format: output.resolvedFormat)
    }
}
