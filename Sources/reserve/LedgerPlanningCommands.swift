import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve ledger rotation --bundle B --horizon 365d`: which lots to rotate out when.
struct LedgerRotationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotation",
        abstract: HelpText["ledgerRotation.abstract"],
        discussion: HelpText["ledgerRotation.discussion"])
    @OptionGroup var database: LedgerDatabaseOptions
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerRotation.bundle"])) var bundle: String
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerRotation.horizon"])) var horizon: String = "365d"
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerRotation.lead"])) var lead: String = "30d"
    @Option(name: .customLong("monthly-volume"), help: ArgumentHelp(HelpText["ledgerRotation.monthlyVolume"])) var monthlyVolume: Double?
    @Option(name: .customLong("depot-volume"), help: ArgumentHelp(HelpText["ledgerRotation.depotVolume"], valueName: "depot=m3"))
    var depotVolume: [String] = []
    @Option(name: .customLong("as-of"), help: ArgumentHelp(HelpText["ledgerRotation.asOf"])) var asOf: String?
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
        if Self.days(horizon) == nil { throw ValidationError(HelpText.localizer("cli.option.days", ["option": "--horizon", "value": horizon, "example": "365d"])) }
        if Self.days(lead) == nil { throw ValidationError(HelpText.localizer("cli.option.days", ["option": "--lead", "value": lead, "example": "30d"])) }
        if let monthlyVolume, !(monthlyVolume >= 0) { throw ValidationError(HelpText.localizer("cli.option.monthlyVolume")) }
        if volumes == nil { throw ValidationError(HelpText.localizer("cli.option.depotVolume")) }
        if let asOf, CalendarDate(asOf) == nil { throw ValidationError(HelpText.localizer("cli.option.date", ["option": "--as-of", "value": asOf])) }
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
            let t = HelpText.localizer
            var table = TextTable(columns: [.init(t("ledger.column.month")), .init(t("ledger.column.depot")), .init(t("ledger.column.item")),
                                            .init(t("ledger.column.lot")), .init(t("ledger.column.quantity"), alignment: .right),
                                            .init("m³", alignment: .right), .init(t("ledger.column.expiry")),
                                            .init(t("ledger.column.rotateBy")), .init(t("ledger.column.note"))])
            for e in plan.entries {
                let notes = (e.overdue ? [t("ledger.note.overdue")] : []) + (e.expirySource == "shelfLife" ? [t("ledger.note.shelfLife")] : [])
                table.append([e.month, e.depot, e.item, e.lot, LedgerOutput.quantity((e.quantity * 1e6).rounded() / 1e6),
                              String(format: "%.2f", e.volumeM3), e.expiry.description, e.rotateBy.description,
                              notes.joined(separator: t("ledger.note.separator"))])
            }
            print(table.render())
            for r in plan.atRisk {
                print(t("ledger.atRisk", ["quantity": LedgerOutput.quantity((r.quantity * 1e6).rounded() / 1e6), "lot": r.lot, "item": r.item,
                                          "depot": r.depot, "rotateBy": "\(r.rotateBy)", "expiry": "\(r.expiry)"]))
            }
        }
    }
}

/// `reserve ledger report inbound|dispatch|annual --from --to`: the upward reports.
struct LedgerReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: HelpText["ledgerReport.abstract"],
        discussion: HelpText["ledgerReport.discussion"])

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, html }

    @Argument(help: ArgumentHelp(HelpText["ledgerReport.kind"])) var kind: String
    @OptionGroup var database: LedgerDatabaseOptions
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerReport.from"])) var from: String
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerReport.to"])) var to: String
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerReport.format"])) var format: Format = .csv
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerReport.out"])) var out: String?

    func validate() throws {
        if LedgerReport.Kind(rawValue: kind) == nil { throw ValidationError(HelpText.localizer("cli.option.reportKind", ["value": kind])) }
        for (name, value) in [("--from", from), ("--to", to)] where CalendarDate(value) == nil {
            throw ValidationError(HelpText.localizer("cli.option.date", ["option": name, "value": value]))
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
            throw CLIFailure(message: HelpText.localizer("cli.cannotWrite", ["path": out, "reason": error.localizedDescription]), exitCode: 73)
        }
        printProgress(HelpText.localizer("ledger.wroteRows", ["out": out, "count": "\(report.rows.count)"]))
    }
}
