import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve import shapefile ROADS.shp --out DIR`: roads from a GIS department.
struct ImportShapefile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shapefile",
        abstract: HelpText["importShapefile.abstract"],
        discussion: HelpText["importShapefile.discussion"]
    )

    @Argument(help: ArgumentHelp(HelpText["importShapefile.file"]))
    var file: String

    @Option(name: .long, help: ArgumentHelp(HelpText["importShapefile.out"]))
    var out: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["importShapefile.into"]))
    var into: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["importShapefile.mapping"]))
    var mapping: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["importShapefile.classField"]))
    var classField: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["importShapefile.speedField"]))
    var speedField: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["importShapefile.onewayField"]))
    var onewayField: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["importShapefile.onewayForward"]))
    var onewayForward: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["importShapefile.onewayBackward"]))
    var onewayBackward: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["importShapefile.nameField"]))
    var nameField: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["importShapefile.encoding"]))
    var encoding: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["importShapefile.toleranceMetres"]))
    var toleranceMetres: Double = 1

    @Option(name: .long, help: ArgumentHelp(HelpText["importShapefile.profile"]))
    var profile: OSMProfile.Kind = .truck

    @Option(name: .long, help: ArgumentHelp(HelpText["importShapefile.speeds"]))
    var speeds: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["importShapefile.warnMetres"]))
    var warnMetres: Double = 500

    @OptionGroup var logging: LoggingOptions
    @OptionGroup var language: LanguageOptions

    func validate() throws {
        guard (out == nil) != (into == nil) else { throw ValidationError(HelpText.localizer("cli.option.outOrInto")) }
        guard toleranceMetres >= 0, toleranceMetres <= 100 else { throw ValidationError(HelpText.localizer("cli.option.toleranceMetres")) }
        if let encoding, TextEncoding(name: encoding) == nil { throw ValidationError(HelpText.localizer("cli.option.encoding")) }
    }

    func run() throws {
        _ = logging.bootstrap()
        keepFreedMemoryForImport()
        var map = ShapefileMapping()
        if let mapping {
            guard let data = FileManager.default.contents(atPath: mapping) else { throw CLIFailure(message: HelpText.localizer("cli.notFound", ["path": mapping]), exitCode: 66) }
            do { map = try JSONDecoder().decode(ShapefileMapping.self, from: data) } catch {
                throw CLIFailure.invalidData(HelpText.localizer("cli.notAFieldMapping", ["path": mapping, "reason": "\(error)"]))
            }
        }
        if let classField { map.classField = classField }
        if let speedField { map.speedField = speedField }
        if let onewayField { map.onewayField = onewayField }
        if let nameField { map.nameField = nameField }
        if let onewayForward { map.onewayForward = onewayForward.split(separator: ",").map(String.init) }
        if let onewayBackward { map.onewayBackward = onewayBackward.split(separator: ",").map(String.init) }
        var options = OSMImportOptions(profile: OSMProfile(profile))
        do {
            if let speeds {
                guard let data = FileManager.default.contents(atPath: speeds) else { throw CLIFailure(message: HelpText.localizer("cli.notFound", ["path": speeds]), exitCode: 66) }
                options.speeds = try OSMSpeeds.parsing(String(decoding: data, as: UTF8.self))
            }
            let clock = ContinuousClock()
            let start = clock.now
            let (network, info) = try ShapefileImporter.importFile(path: file, mapping: map, options: options,
                                                                   encoding: encoding.flatMap(TextEncoding.init(name:)), toleranceMetres: toleranceMetres)
            var lines = ImportSummary.lines(network, file: file, seconds: start.duration(to: clock.now))
            lines += ImportSummary.shapefileLines(info, skippedClasses: network.report.skippedClasses)
            printProgress(lines.joined(separator: "\n"))
            if let out {
                try RoadTableWriter.write(network, to: out)
                printProgress(ImportSummary.wrote(out))
            }
            if let into { try ImportInto.replaceRoads(of: into, with: network, warnMetres: warnMetres) }
        } catch let error as RoadImportError {
            throw CLIFailure(message: ErrorText.describe(error), exitCode: ImportSummary.exitCode(of: error))
        }
    }
}
