import ArgumentParser
import EmergencyReserve
import Foundation

extension OSMProfile.Kind: ExpressibleByArgument {}

/// `reserve import osm FILE.osm.pbf --out DIR`: real roads from OpenStreetMap.
struct ImportOSM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "osm",
        abstract: "Import the drivable roads of an OpenStreetMap extract (.osm.pbf or .osm XML) as nodes.csv and roads.csv.",
        discussion: """
        Ways are filtered by the profile (classes, access tags), split at junctions, cut \
        where the extract ends, blocked at barriers; degree-2 chains are contracted (geometry \
        and exact lengths kept) and only the largest strongly connected component is kept \
        (the rest is reported). Mapping tables and rules: docs/routing.md.

        With --into BUNDLE the bundle's nodes.csv and roads.csv (the names its bundle.json \
        gives) are replaced and every depot, area and team is snapped again: a line per place \
        on stdout with the node, the access leg in metres and a warning above --warn-metres.

        Examples:
          reserve import osm helsinki.osm.pbf --out out/helsinki --profile car
          reserve import osm county.osm.pbf --boundary county.geojson --into Data/mycounty --speeds speeds.csv

        Exit codes: 65 bad data, 66 missing input, 73 cannot write.
        """
    )

    @Argument(help: "The extract: .osm.pbf, or .osm XML.")
    var file: String

    @Option(name: .long, help: "Directory to write nodes.csv and roads.csv into.")
    var out: String?

    @Option(name: .long, help: "A bundle directory whose roads to replace (then every place is snapped again).")
    var into: String?

    @Option(name: .long, help: "With --into: warn when a place's access leg is longer than this (metres).")
    var warnMetres: Double = 500

    @Option(name: .long, help: "Keep only W,S,E,N (degrees).")
    var bbox: String?

    @Option(name: .long, help: "Keep only what lies inside the polygons of this GeoJSON file.")
    var boundary: String?

    @Option(name: .long, help: "Vehicle: truck, car or emergency.")
    var profile: OSMProfile.Kind = .truck

    @Option(name: .long, help: "CSV 'highway,speed_kmh' overriding class speeds (OSM classes or 高速公路/国道/省道/县道/乡道/村道).")
    var speeds: String?

    @Flag(inversion: .prefixedNo, help: "Drive highway=service roads (default: yes for every profile).")
    var service: Bool?

    @Flag(inversion: .prefixedNo, help: "Drive highway=track roads (default: only the emergency profile).")
    var tracks: Bool?

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard (out == nil) != (into == nil) else { throw ValidationError("Give exactly one of --out DIR or --into BUNDLE.") }
        guard warnMetres > 0 else { throw ValidationError("--warn-metres must be positive.") }
        guard bbox == nil || boundary == nil else { throw ValidationError("Give --bbox or --boundary, not both.") }
    }

    func run() throws {
        _ = logging.bootstrap()
        guard FileManager.default.fileExists(atPath: file) else { throw CLIFailure(message: "\(file): no such file", exitCode: 66) }
        var options = OSMImportOptions(profile: OSMProfile(profile, includesService: service, includesTracks: tracks))
        do {
            if let speeds {
                guard let data = FileManager.default.contents(atPath: speeds) else { throw CLIFailure(message: "\(speeds): cannot read", exitCode: 66) }
                options.speeds = try OSMSpeeds.parsing(String(decoding: data, as: UTF8.self))
            }
            if let bbox { options.boundary = try ImportBoundary(bboxText: bbox) }
            if let boundary {
                guard let data = FileManager.default.contents(atPath: boundary) else { throw CLIFailure(message: "\(boundary): cannot read", exitCode: 66) }
                options.boundary = try ImportBoundary(geoJSON: [UInt8](data))
            }
            let clock = ContinuousClock()
            let start = clock.now
            let network = try OSMImporter.importFile(path: file, options: options)
            let seconds = start.duration(to: clock.now)
            printProgress(ImportSummary.lines(network, file: file, seconds: seconds).joined(separator: "\n"))
            if let out {
                try RoadTableWriter.write(network, to: out)
                printProgress("wrote \(out)/nodes.csv and \(out)/roads.csv")
            }
            if let into { try ImportInto.replaceRoads(of: into, with: network, warnMetres: warnMetres) }
        } catch let error as RoadImportError {
            throw CLIFailure(message: error.description, exitCode: ImportSummary.exitCode(of: error))
        }
    }
}

/// The human summary of an import and the exit code of its errors.
enum ImportSummary {
    static func exitCode(of error: RoadImportError) -> Int32 {
        switch error {
        case .cannotOpen: 66
        case .cannotWrite: 73
        default: CLIFailure.invalidDataCode
        }
    }

    static func lines(_ network: ImportedRoadNetwork, file: String, seconds: Duration) -> [String] {
        let r = network.report
        let s = Double(seconds.components.seconds) + Double(seconds.components.attoseconds) / 1e18
        let km = network.edges.reduce(0) { $0 + $1.lengthKm }
        var lines = ["\(file): \(network.nodes.count) nodes, \(network.edges.count) roads, "
                     + String(format: "%.1f km", km) + " kept in " + String(format: "%.2f s", s)]
        let classes = r.waysByHighway.keys.sorted().map { "\($0) \(r.waysByHighway[$0]!)" }.joined(separator: ", ")
        lines.append("  drivable ways: \(classes); \(r.waysSkipped) other ways skipped")
        lines.append("  \(r.waysCut) ways cut at the extract's edge or boundary, \(r.blockingBarriers) blocking barriers, "
                     + "\(r.contractedNodes) degree-2 nodes contracted")
        if r.droppedComponentCount > 0 {
            lines.append("  left out: \(r.droppedNodes) nodes in \(r.droppedComponentCount) pieces not strongly connected to the main network; largest:")
            for c in r.droppedComponents.prefix(5) {
                lines.append("    \(c.nodeCount) nodes around " + String(format: "%.5f, %.5f", c.latitude, c.longitude))
            }
        }
        return lines
    }
}
