import ArgumentParser
import EmergencyReserve
import Foundation

extension OSMProfile.Kind: ExpressibleByArgument {}

/// `reserve import osm FILE.osm.pbf --out DIR`: real roads from OpenStreetMap.
struct ImportOSM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "osm",
        abstract: HelpText["importOSM.abstract"],
        discussion: HelpText["importOSM.discussion"]
    )

    @Argument(help: ArgumentHelp(HelpText["importOSM.file"]))
    var file: String

    @Option(name: .long, help: ArgumentHelp(HelpText["importOSM.out"]))
    var out: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["importOSM.into"]))
    var into: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["importOSM.warnMetres"]))
    var warnMetres: Double = 500

    @Option(name: .long, help: ArgumentHelp(HelpText["importOSM.bbox"]))
    var bbox: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["importOSM.boundary"]))
    var boundary: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["importOSM.profile"]))
    var profile: OSMProfile.Kind = .truck

    @Option(name: .long, help: ArgumentHelp(HelpText["importOSM.speeds"]))
    var speeds: String?

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(HelpText["importOSM.service"]))
    var service: Bool?

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(HelpText["importOSM.tracks"]))
    var tracks: Bool?

    @OptionGroup var logging: LoggingOptions
    @OptionGroup var language: LanguageOptions

    func validate() throws {
        guard (out == nil) != (into == nil) else { throw ValidationError(HelpText.localizer("cli.option.outOrInto")) }
        guard warnMetres > 0 else { throw ValidationError(HelpText.localizer("cli.option.warnMetres")) }
        guard bbox == nil || boundary == nil else { throw ValidationError(HelpText.localizer("cli.option.bboxOrBoundary")) }
    }

    func run() throws {
        _ = logging.bootstrap()
        keepFreedMemoryForImport()
        guard FileManager.default.fileExists(atPath: file) else { throw CLIFailure(message: HelpText.localizer("cli.noSuchFile", ["path": file]), exitCode: 66) }
        var options = OSMImportOptions(profile: OSMProfile(profile, includesService: service, includesTracks: tracks))
        do {
            if let speeds {
                guard let data = FileManager.default.contents(atPath: speeds) else { throw CLIFailure(message: HelpText.localizer("cli.notFound", ["path": speeds]), exitCode: 66) }
                options.speeds = try OSMSpeeds.parsing(String(decoding: data, as: UTF8.self))
            }
            if let bbox { options.boundary = try ImportBoundary(bboxText: bbox) }
            if let boundary {
                guard let data = FileManager.default.contents(atPath: boundary) else { throw CLIFailure(message: HelpText.localizer("cli.notFound", ["path": boundary]), exitCode: 66) }
                options.boundary = try ImportBoundary(geoJSON: [UInt8](data))
            }
            let clock = ContinuousClock()
            let start = clock.now
            let network = try OSMImporter.importFile(path: file, options: options)
            let seconds = start.duration(to: clock.now)
            printProgress(ImportSummary.lines(network, file: file, seconds: seconds).joined(separator: "\n"))
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
