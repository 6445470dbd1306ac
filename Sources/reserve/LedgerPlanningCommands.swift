import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve ledger rotation --bundle B --horizon 365d`: which lots to rotate out when.
struct LedgerRotationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotation",
        abstract: "A FEFO rotation plan: which lots to rotate out in which month so nothing expires on the shelf.",
        discussion: """
        Expiry is the lot's, or its production (else receipt) day plus the item's shelf_life_days from the \
        bundle's items.csv. A lot must be out --lead days before it expires. Each depot rotates at most \
        --monthly-volume m³ a month (or its own --depot-volume D=m³).

        Example: reserve ledger rotation --db book.sqlite --bundle Data/hegang --horizon 365d --lead 30d --monthly-volume 50
        """)
    @OptionGroup var database: LedgerDatabaseOptions
    @Option(name: .long, help: "The bundle whose items.csv gives shelf lives and unit volumes.") var bundle: String
    @Option(name: .long, help: "Plan lots whose rotate-by day is within this many days, e.g. 365d.") var horizon: String = "365d"
    @Option(name: .long, help: "Days before expiry a lot must be out, e.g. 30d.") var lead: String = "30d"
    @Option(name: .customLong("monthly-volume"), help: "m³ each depot can rotate out per month (default: no limit).") var monthlyVolume: Double?
    @Option(name: .customLong("depot-volume"), help: ArgumentHelp("One depot's monthly rotation volume, DEPOT=m³ (repeatable).", valueName: "depot=m3"))
    var depotVolume: [String] = []
    @Option(name: .customLong("as-of"), help: "Start the plan on this day (default: today, UTC).") var asOf: String?
    @OptionGroup var output: OutputOptions

    static func days(_ text: String) -> Int? {
        Int(text.hasSuffix("d") ? String(text.dropLast()) : text).flatMap { $0 >= 0 ? $0 : nil }
    }

    var volumes: [String: Double]? {
        var result: [String: Double] = [:]
        for entry in depotVolume {
            let parts = entry.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let v = Double(parts[1]), v >= 0 else { return nil }
            result[String(parts[0])] = v
        }
        return result
    }

    func validate() throws {
        if Self.days(horizon) == nil { throw ValidationError("--horizon '\(horizon)' is not a number of days such as 365d.") }
        if Self.days(lead) == nil { throw ValidationError("--lead '\(lead)' is not a number of days such as 30d.") }
        if let monthlyVolume, !(monthlyVolume >= 0) { throw ValidationError("--monthly-volume must be ≥ 0 m³.") }
        if volumes == nil { throw ValidationError("--depot-volume takes DEPOT=m³ with m³ ≥ 0, e.g. HG-D-CITY=40.") }
        if let asOf, CalendarDate(asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date YYYY-MM-DD.") }
    }

    struct JSON: Encodable {
        var schemaVersion = 1
        var asOf: String
        var horizonDays: Int
        var leadDays: Int
        var plan: RotationPlan
    }

    func run() throws {
        let loaded = try LedgerBundle.load(bundle)
        let ledger = try database.open()
        var items: [String: RotationItem] = [:]
        for item in loaded.items {
            items[item.id.rawValue] = RotationItem(shelfLifeDays: item.shelfLifeDays, unitVolumeM3: item.unitVolumeM3)
        }
        let today = asOf.flatMap(CalendarDate.init) ?? CalendarDate(String(LedgerTime.format(Date()).prefix(10)))!
        let options = RotationOptions(asOf: today, horizonDays: Self.days(horizon)!, leadDays: Self.days(lead)!,
                                      monthlyVolumeM3: volumes ?? [:], defaultMonthlyVolumeM3: monthlyVolume)
        let plan = try LedgerFailure.map { () throws(LedgerError) in try ledger.rotationPlan(items: items, options: options) }
        switch output.resolvedFormat {
        case .json:
            try printJSON(JSON(asOf: today.description, horizonDays: options.horizonDays, leadDays: options.leadDays, plan: plan))
        case .table:
            var table = TextTable(columns: [.init("month"), .init("depot"), .init("item"), .init("lot"),
                                            .init("quantity", alignment: .right), .init("m³", alignment: .right),
                                            .init("expiry"), .init("rotate by"), .init("note")])
            for e in plan.entries {
                table.append([e.month, e.depot, e.item, e.lot, LedgerOutput.quantity((e.quantity * 1e6).rounded() / 1e6),
                              String(format: "%.2f", e.volumeM3), e.expiry.description, e.rotateBy.description,
                              (e.overdue ? "overdue; " : "") + (e.expirySource == "shelfLife" ? "expiry from shelf life" : "")])
            }
            print(table.render())
            for r in plan.atRisk {
                print("at risk: \(LedgerOutput.quantity((r.quantity * 1e6).rounded() / 1e6)) of lot '\(r.lot)' of '\(r.item)' at '\(r.depot)' cannot be rotated by \(r.rotateBy) (expires \(r.expiry)) within the monthly volume")
            }
        }
    }
}

/// `reserve ledger report inbound|dispatch|annual --from --to`: the upward reports.
struct LedgerReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Upward reports with batch numbers: inbound (入库), dispatch (出库) or annual (收发存), as CSV (UTF-8 with BOM) or HTML.",
        discussion: "Example: reserve ledger report dispatch --db book.sqlite --from 2025-07-01 --to 2025-07-31 --format html --out dispatch-july.html")

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, html }

    @Argument(help: "inbound, dispatch or annual.") var kind: String
    @OptionGroup var database: LedgerDatabaseOptions
    @Option(name: .long, help: "First day (YYYY-MM-DD).") var from: String
    @Option(name: .long, help: "Last day, inclusive (YYYY-MM-DD).") var to: String
    @Option(name: .long, help: "csv or html.") var format: Format = .csv
    @Option(name: .long, help: "Write to this file instead of stdout.") var out: String?

    func validate() throws {
        if LedgerReport.Kind(rawValue: kind) == nil { throw ValidationError("the report is inbound, dispatch or annual, not '\(kind)'.") }
        for (name, value) in [("--from", from), ("--to", to)] where CalendarDate(value) == nil {
            throw ValidationError("\(name) '\(value)' is not a date YYYY-MM-DD.")
        }
    }

    func run() throws {
        let ledger = try database.open()
        let report = try LedgerFailure.map { () throws(LedgerError) in
            try ledger.report(LedgerReport.Kind(rawValue: kind)!, from: CalendarDate(from)!, to: CalendarDate(to)!)
        }
        let text = format == .csv ? report.csv() : report.html()
        guard let out else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw CLIFailure(message: "cannot write \(out): \(error.localizedDescription)", exitCode: 73)
        }
        printProgress("wrote \(out) (\(report.rows.count) rows)")
    }
}
