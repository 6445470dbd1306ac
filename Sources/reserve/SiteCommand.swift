import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve site BUNDLE --objective …`: where to build depots.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: HelpText["site.abstract"],
        discussion: HelpText["site.discussion"]
    )

    @Argument(help: ArgumentHelp(HelpText["site.bundle"]))
    var bundle: String

    @Option(name: .long, help: ArgumentHelp(HelpText["site.objective"]))
    var objective: String

    @Option(name: .long, help: ArgumentHelp(HelpText["site.count"]))
    var count: Int?

    @Option(name: .long, help: ArgumentHelp(HelpText["site.within"]))
    var within: Double?

    @Option(name: .customLong("candidate-level"), help: ArgumentHelp(HelpText["site.candidateLevel"]))
    var candidateLevel: String?

    @Flag(name: .customLong("ignore-existing"), help: ArgumentHelp(HelpText["site.ignoreExisting"]))
    var ignoreExisting = false

    @Flag(name: .customLong("allow-hazard-zones"), help: ArgumentHelp(HelpText["site.allowHazardZones"]))
    var allowHazardZones = false

    @Option(name: .customLong("exclude"), help: ArgumentHelp(HelpText["site.exclude"]))
    var exclude: [String] = []

    @OptionGroup var check: BundleCheckOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var tableWidth: TableWidthOptions
    @OptionGroup var solver: SolverOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard let kind = SitingObjective(rawValue: objective) else {
            throw ValidationError(HelpText.localizer("cli.option.objective", ["values": SitingObjective.allCases.map(\.rawValue).joined(separator: ", ")]))
        }
        if let count, count < 0 { throw ValidationError(HelpText.localizer("cli.option.count")) }
        if let within, !(within >= 0 && within.isFinite) { throw ValidationError(HelpText.localizer("cli.option.within")) }
        switch kind {
        case .pMedian: if count == nil { throw ValidationError(HelpText.localizer("cli.option.pMedianCount")) }
        case .maxCover: if count == nil || within == nil { throw ValidationError(HelpText.localizer("cli.option.maxCoverCount")) }
        case .setCover: if within == nil { throw ValidationError(HelpText.localizer("cli.option.setCoverWithin")) }
        case .fixedCharge: break
        }
        if let candidateLevel, AdministrativeLevel(rawValue: candidateLevel) == nil {
            throw ValidationError(HelpText.localizer("cli.option.candidateLevel", ["values": AdministrativeLevel.allCases.map(\.rawValue).joined(separator: ", ")]))
        }
        _ = try polygons()
    }

    func polygons() throws -> [GeoPolygon] {
        try exclude.map { text in
            let points = try text.split(separator: ";").map { pair -> GeoCoordinate in
                let parts = pair.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
                guard parts.count == 2, let lon = parts[0], let lat = parts[1] else {
                    throw ValidationError(HelpText.localizer("cli.option.excludePair", ["value": String(pair)]))
                }
                return GeoCoordinate(latitude: lat, longitude: lon)
            }
            guard points.count >= 3 else { throw ValidationError(HelpText.localizer("cli.option.excludePoints")) }
            return GeoPolygon(outer: points)
        }
    }

    func run() throws {
        let logger = logging.bootstrap()
        let validated = try BundleLoading.load(bundle, language: language.resolved, strict: check.strict, verbose: logging.verbose)
        let loaded = validated.bundle
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: bundle, isDirectory: &isDirectory)
        let options = BundleSitingOptions(candidateLevel: candidateLevel.flatMap(AdministrativeLevel.init(rawValue:)),
                                          includeExistingDepots: !ignoreExisting, excludeHazardZones: !allowHazardZones,
                                          exclusionPolygons: try polygons())
        let instance: BundleSitingInstance
        do {
            instance = try BundleSiting.instance(of: loaded, directory: isDirectory.boolValue ? bundle : nil, options: options,
                                                 network: validated.network)
        } catch {
            throw CLIFailure(error, context: bundle, language: language.resolved)
        }
        let kind = SitingObjective(rawValue: objective)!
        let existing = instance.problem.fixedOpenCandidates.count
        if let count, kind == .pMedian, count < existing {
            throw CLIFailure(message: Localizer(language.resolved)("cli.site.countTooSmall", [
                "count": "\(count)", "existing": "\(existing)", "path": bundle]), exitCode: CLIFailure.usageCode)
        }
        let solve = SolveOptions(timeLimit: solver.timeLimitDuration, relativeMIPGap: solver.gap,
                                 progress: ProgressPrinter.mip(language: language.resolved), logger: logger)
        let result: SitingResult
        do {
            result = try SitingSolver(options: solve).solve(instance.problem, objective: SitingObjective(rawValue: objective)!,
                                                            count: count, withinHours: within)
        } catch {
            throw CLIFailure(error, context: bundle, language: language.resolved)
        }
        if result.status == .numericalFailure { throw CLIFailure.internalFailure(Localizer(language.resolved)("cli.numericalFailure")) }
        let report = SiteReport(result, instance: instance)
        switch output.resolvedFormat {
        case .json: try printJSON(report)
        case .table: print(Self.render(report, language: language.resolved, width: tableWidth.resolved))
        }
        // The solver's counts are for -v: a planner needs the time, not the columns.
        let statistics = result.statistics
        let solvedKey = logging.verbose == 0 ? "site.solved" : statistics.fullColumns > 0 ? "site.solvedDetail" : "site.solvedColumns"
        printProgress(Localizer(language.resolved)(solvedKey, [
            "seconds": String(format: "%.2f", statistics.seconds), "solves": "\(statistics.solves)",
            "columns": "\(statistics.columns)", "full": "\(statistics.fullColumns)"]))
    }

    /// The table in `language`, fitted to `width`.
    static func render(_ r: SiteReport, language: Language = .en, width: Int? = TextTable.defaultWidth) -> String {
        let t = Localizer(language)
        func named(_ prefix: String, _ raw: String) -> String { t.has("\(prefix).\(raw)") ? t("\(prefix).\(raw)") : raw }
        // Numbers as every other report writes them: grouped, at most two decimals.
        let wording = Wording(language)
        func num(_ x: Double?) -> String { x.map(wording.number) ?? "-" }
        var lines = [t("site.summary", ["objective": named("siteObjective", r.objectiveKind), "status": named("status", r.status),
                                        "value": num(r.objective), "unit": t("site.unit.\(r.objectiveKind)"), "bound": num(r.bound)])
            + (r.gap.map { t("site.gap", ["gap": String(format: "%.4f%%", $0 * 100)]) } ?? ""),
                     t("site.instance", ["candidates": "\(r.candidates)", "excluded": "\(r.excluded.count)", "demand": "\(r.demandPoints)",
                                         "source": named("site.source", r.travelTimes)])]
        // p-median's person-hours also as hours per person, which a bureau can check against its targets.
        let people = r.sites.reduce(0.0) { $0 + $1.servedWeight }
        if r.objectiveKind == SitingObjective.pMedian.rawValue, let value = r.objective, people > 0 {
            lines.append(t("site.meanHours", ["hours": t("unit.hours", ["value": String(format: "%.2f", value / people)]),
                                              "people": num(people)]))
        }
        if let c = r.coveredWeight { lines.append(t("site.covered", ["weight": num(c)])) }
        var table = TextTable(columns: [.init(t("site.site")), .init(t("site.name")), .init(t("site.existing")),
                                        .init(t("site.demandPoints"), alignment: .right), .init(t("site.servedWeight"), alignment: .right)])
        for s in r.sites { table.append([s.id, s.name, s.existing ? t("site.yes") : "", String(s.demandPoints), num(s.servedWeight)]) }
        lines.append(table.render(width: width))
        if !r.unreachable.isEmpty {
            lines.append(t("site.unreachable", ["list": r.unreachable.prefix(30).joined(separator: ", ") + (r.unreachable.count > 30 ? " …" : "")]))
        }
        return lines.joined(separator: "\n")
    }
}
