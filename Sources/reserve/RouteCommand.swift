import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve route`: fastest route between two nodes, or the isochrone of one node.
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: HelpText["route.abstract"],
        discussion: HelpText["route.discussion"]
    )

    @Option(name: .long, help: ArgumentHelp(HelpText["route.graph"]))
    var graph: String

    @Option(name: .customLong("graph-format"), help: ArgumentHelp(HelpText["route.graphFormat"]))
    var graphFormat: RoadGraphFormat?

    @Option(name: .long, help: ArgumentHelp(HelpText["route.nodes"]))
    var nodes: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["route.from"]))
    var from: String

    @Option(name: .long, help: ArgumentHelp(HelpText["route.to"]))
    var to: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["route.within"]))
    var within: Double?

    @Flag(name: .long, help: ArgumentHelp(HelpText["route.geojson"]))
    var geojson = false

    @Option(name: .customLong("isochrone-shape"), help: ArgumentHelp(HelpText["route.isochroneShape"]))
    var isochroneShape: Isochrone.Shape = .convexHull

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp(HelpText["route.speed"]))
    var speed: [String] = []

    @Option(name: .long, help: ArgumentHelp(HelpText["route.slowdown"]))
    var slowdown: Double?

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp(HelpText["route.close"]))
    var close: [String] = []

    @Option(name: .customLong("snap-warning-km"), help: ArgumentHelp(HelpText["route.snapWarningKm"]))
    var snapWarningKm: Double = 1

    @OptionGroup var output: OutputOptions
    @OptionGroup var logging: LoggingOptions
    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if graphFormat == nil && RoadGraphFormat(pathExtensionOf: graph) == nil {
            throw ValidationError(HelpText.localizer("cli.option.graphFormat", ["path": graph]))
        }
        if (to == nil) == (within == nil) { throw ValidationError(HelpText.localizer("cli.option.toOrWithin")) }
        if let within, !(within >= 0 && within.isFinite) { throw ValidationError(HelpText.localizer("cli.option.within")) }
        if let slowdown, !(slowdown > 0 && slowdown.isFinite) { throw ValidationError(HelpText.localizer("cli.option.slowdown")) }
        _ = try speedTable()
        for c in close where c.lastIndex(of: ",") == nil { throw ValidationError(HelpText.localizer("cli.option.close", ["value": c])) }
    }

    func speedTable() throws -> SpeedTable {
        var table = SpeedTable.standard
        for item in speed {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let cls = RoadClass(parsing: parts[0]), let kmh = Double(parts[1]), kmh > 0, kmh.isFinite else {
                throw ValidationError(HelpText.localizer("cli.option.speed", ["value": item]))
            }
            table[cls] = kmh
        }
        return table
    }

    func run() throws {
        _ = logging.bootstrap()
        let network = try readNetwork(graph, format: graphFormat, nodes: nodes, speeds: try speedTable())
        let overlay = try makeOverlay(network)
        let start = try resolve(from, in: network)
        if let to {
            let end = try resolve(to, in: network)
            let route = try invalidDataOnError { () throws(RoadGraphError) in
                // A LAT,LON endpoint adds its access leg; plain node names have none.
                if start.snap != nil || end.snap != nil,
                   let a = start.snap ?? SnappedPoint(node: start.node, in: network),
                   let b = end.snap ?? SnappedPoint(node: end.node, in: network) {
                    return try network.shortestPath(from: a, to: b, overlay: overlay)
                }
                return try network.shortestPath(from: start.node, to: end.node, overlay: overlay)
            }
            let report = RouteReport(graph: network, from: start, to: end, route: route)
            if geojson {
                guard let route, let text = route.geoJSON(in: network) else {
                    if route == nil { try printJSON(report); return }
                    throw CLIFailure.invalidData(HelpText.localizer("cli.noCoordinatesGeoJSON", ["path": graph]))
                }
                print(text)
            } else if output.resolvedFormat == .json {
                try printJSON(report)
            } else {
                print(report.text)
            }
        } else if let within {
            let iso = try invalidDataOnError { () throws(RoadGraphError) in
                try network.isochrone(from: start.node, withinHours: within, overlay: overlay)
            }
            if geojson {
                guard let text = iso.geoJSON(in: network, shape: isochroneShape) else {
                    throw CLIFailure.invalidData(HelpText.localizer("cli.noCoordinatesGeoJSON", ["path": graph]))
                }
                print(text)
            } else {
                let report = IsochroneReport(graph: network, from: start, isochrone: iso)
                if output.resolvedFormat == .json { try printJSON(report) } else { print(report.text) }
            }
        }
    }

    /// A node by name, or a snapped `LAT,LON` point; an unknown name is invalid data.
    func resolve(_ text: String, in network: RoadGraph) throws -> RoutePoint {
        if let node = network.node(named: text) { return RoutePoint(name: text, node: node, snap: nil) }
        let parts = text.split(separator: ",")
        if parts.count == 2, let lat = Double(parts[0]), let lon = Double(parts[1]), network.coordinates != nil {
            let snap = try invalidDataOnError { () throws(RoadGraphError) in
                try network.snap(GeoCoordinate(latitude: lat, longitude: lon), warnBeyondKm: snapWarningKm)
            }
            if snap.isFar {
                printProgress(HelpText.localizer("route.farSnap", ["point": text, "km": String(format: "%.2f", snap.distanceKm),
                                                                 "node": network.name(of: snap.node)]))
            }
            return RoutePoint(name: text, node: snap.node, snap: snap)
        }
        throw CLIFailure.invalidData(HelpText.localizer("cli.unknownNode", ["node": text, "graph": graph]))
    }

    func makeOverlay(_ network: RoadGraph) throws -> DisruptionOverlay? {
        guard slowdown != nil || !close.isEmpty else { return nil }
        var overlay = DisruptionOverlay(for: network)
        if let slowdown { try invalidDataOnError { () throws(RoadGraphError) in try overlay.scaleAll(by: slowdown) } }
        for pair in close {
            guard let comma = pair.lastIndex(of: ",") else { continue }
            let a = String(pair[..<comma]), b = String(pair[pair.index(after: comma)...])
            guard let x = network.node(named: a) else { throw CLIFailure.invalidData(HelpText.localizer("cli.unknownNodeClose", ["node": a])) }
            guard let y = network.node(named: b) else { throw CLIFailure.invalidData(HelpText.localizer("cli.unknownNodeClose", ["node": b])) }
            let closed = try invalidDataOnError { () throws(RoadGraphError) in try overlay.closeRoad(between: x, and: y, in: network) }
            if closed == 0 { printProgress(HelpText.localizer("route.noRoadToClose", ["pair": pair])) }
        }
        return overlay
    }
}

/// Reads a network, turning every reader problem into exit 65 with `file:line:` messages.
func readNetwork(_ path: String, format: RoadGraphFormat?, nodes: String?, speeds: SpeedTable) throws(CLIFailure) -> RoadGraph {
    for file in [path] + (nodes.map { [$0] } ?? []) where !FileManager.default.fileExists(atPath: file) {
        throw CLIFailure(message: HelpText.localizer("cli.notFound", ["path": file]), exitCode: CLIFailure.noInputCode)
    }
    do throws(GraphReadError) {
        return try RoadGraph.read(contentsOf: path, format: format, nodes: nodes, speeds: speeds)
    } catch {
        throw CLIFailure.invalidData(ErrorText.describe(error))
    }
}

/// Runs a library call whose errors mean the user's data is wrong (exit 65).
func invalidDataOnError<T>(_ body: () throws(RoadGraphError) -> T) throws(CLIFailure) -> T {
    do throws(RoadGraphError) {
        return try body()
    } catch {
        throw CLIFailure.invalidData(ErrorText.describe(error))
    }
}

extension RoadGraphFormat: ExpressibleByArgument {}
extension Isochrone.Shape: ExpressibleByArgument {}
