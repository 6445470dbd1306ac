import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve import shapefile ROADS.shp --out DIR`: roads from a GIS department.
struct ImportShapefile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shapefile",
        abstract: "Import road lines from an ESRI shapefile (.shp/.shx/.dbf, .prj, .cpg) as nodes.csv and roads.csv.",
        discussion: """
        PolyLine, PolyLineZ and PolyLineM; coordinates must be longitude/latitude in WGS-84 \
        or CGCS2000 (a projected .prj is an error naming the projection). Attribute text is \
        UTF-8 or GBK/GB2312/GB18030: from .cpg, else detected, else --encoding. Vertices \
        within --tolerance-metres of each other become one node. Class values may be OSM \
        highway values, Chinese classes (高速公路 国道 省道 县道 乡道 村道), bundle classes, or \
        mapped in a --mapping JSON file. Then as `reserve import osm`: largest strongly \
        connected component kept, degree-2 chains contracted.

        Example:
          reserve import shapefile roads.shp --class-field DLDJ --oneway-field DXBZ --out roads/
          reserve import shapefile roads.shp --mapping mapping.json --into Data/mycounty

        Exit codes: 65 bad data, 66 missing input, 73 cannot write.
        """
    )

    @Argument(help: "The .shp file (its .shx and .dbf beside it).")
    var file: String

    @Option(name: .long, help: "Directory to write nodes.csv and roads.csv into.")
    var out: String?

    @Option(name: .long, help: "A bundle directory whose roads to replace (then every place is snapped again).")
    var into: String?

    @Option(name: .long, help: "JSON field mapping (class_field, speed_field, oneway_field, oneway_forward, oneway_backward, name_field, bridge_field, tunnel_field, ford_field, classes).")
    var mapping: String?

    @Option(name: .long, help: "Class field (default highway).")
    var classField: String?

    @Option(name: .long, help: "Speed field: km/h or an OSM maxspeed value (default maxspeed).")
    var speedField: String?

    @Option(name: .long, help: "One-way field (default oneway).")
    var onewayField: String?

    @Option(name: .long, help: "Values of the one-way field meaning one-way along the drawing (comma-separated; default yes,true,1,FT,T).")
    var onewayForward: String?

    @Option(name: .long, help: "Values meaning one-way against the drawing (default -1,TF).")
    var onewayBackward: String?

    @Option(name: .long, help: "Name field (default name).")
    var nameField: String?

    @Option(name: .long, help: "Attribute encoding when .cpg is absent or wrong: UTF-8, GBK, GB2312, GB18030.")
    var encoding: String?

    @Option(name: .long, help: "Vertices closer than this (metres) become one node.")
    var toleranceMetres: Double = 1

    @Option(name: .long, help: "Vehicle for the speed cap: truck, car or emergency.")
    var profile: OSMProfile.Kind = .truck

    @Option(name: .long, help: "CSV 'highway,speed_kmh' overriding class speeds.")
    var speeds: String?

    @Option(name: .long, help: "With --into: warn when a place's access leg is longer than this (metres).")
    var warnMetres: Double = 500

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard (out == nil) != (into == nil) else { throw ValidationError("Give exactly one of --out DIR or --into BUNDLE.") }
        guard toleranceMetres >= 0, toleranceMetres <= 100 else { throw ValidationError("--tolerance-metres must be in 0…100.") }
        if let encoding, TextEncoding(name: encoding) == nil { throw ValidationError("--encoding: UTF-8, GBK, GB2312 or GB18030.") }
    }

    func run() throws {
        _ = logging.bootstrap()
        var map = ShapefileMapping()
        if let mapping {
            guard let data = FileManager.default.contents(atPath: mapping) else { throw CLIFailure(message: "\(mapping): cannot read", exitCode: 66) }
            do { map = try JSONDecoder().decode(ShapefileMapping.self, from: data) } catch {
                throw CLIFailure.invalidData("\(mapping): not a field mapping: \(error)")
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
                guard let data = FileManager.default.contents(atPath: speeds) else { throw CLIFailure(message: "\(speeds): cannot read", exitCode: 66) }
                options.speeds = try OSMSpeeds.parsing(String(decoding: data, as: UTF8.self))
            }
            let clock = ContinuousClock()
            let start = clock.now
            let (network, info) = try ShapefileImporter.importFile(path: file, mapping: map, options: options,
                                                                   encoding: encoding.flatMap(TextEncoding.init(name:)), toleranceMetres: toleranceMetres)
            var lines = ImportSummary.lines(network, file: file, seconds: start.duration(to: clock.now))
            lines.append("  attributes \(info.encoding.rawValue) (\(info.encodingSource)), coordinates \(info.datum ?? "WGS-84 assumed (no .prj)")"
                         + (info.nullShapes > 0 ? ", \(info.nullShapes) null shapes skipped" : ""))
            if !network.report.skippedClasses.isEmpty {
                let skipped = network.report.skippedClasses.sorted { $0.key < $1.key }.prefix(10).map { "'\($0.key)' \($0.value)" }
                lines.append("  skipped, unknown class: " + skipped.joined(separator: ", "))
            }
            printProgress(lines.joined(separator: "\n"))
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
