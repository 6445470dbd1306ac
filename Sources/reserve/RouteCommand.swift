import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve route`: fastest route between two nodes, or the isochrone of one node.
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Fastest route between two places, or everything reachable within a time.",
        discussion: """
        Reads a road network (CSV edge list + nodes CSV, GeoJSON, DIMACS .gr/.co, or .cedge) \
        and answers one query. Nodes are named as in the file; with coordinates, --from and \
        --to also accept "LAT,LON", which snaps to the nearest node. For DIMACS and .cedge \
        files, which carry plain lengths, "distance" is in the file's own unit.

        An unreachable destination is an answer, not an error: it is reported and the exit \
        code is 0 ("reachable": false in JSON). An unknown node exits with 65.

        Examples:
          reserve route --graph roads.csv --nodes nodes.csv --from depot1 --to village7
          reserve route --graph cal.cedge --from 0 --to 1000 --json
          reserve route --graph roads.geojson --from 47.35,130.30 --within 2 --geojson
        """
    )

    @Option(name: .long, help: "The road network file.")
    var graph: String

    @Option(name: .customLong("graph-format"), help: "csv, geojson, dimacs or cedge (default: from the extension).")
    var graphFormat: RoadGraphFormat?

    @Option(name: .long, help: "Nodes CSV (id,lat,lon) for a CSV graph, or the .co file for DIMACS.")
    var nodes: String?

    @Option(name: .long, help: "Start node name, or LAT,LON to snap.")
    var from: String

    @Option(name: .long, help: "Destination node name, or LAT,LON to snap.")
    var to: String?

    @Option(name: .long, help: "Print the isochrone: every node reachable within this many hours.")
    var within: Double?

    @Flag(name: .long, help: "Print GeoJSON (the route line, or the isochrone) instead of text.")
    var geojson = false

    @Option(name: .customLong("isochrone-shape"), help: "hull (convex polygon) or points, for --within --geojson.")
    var isochroneShape: Isochrone.Shape = .convexHull

    @Option(name: .long, parsing: .singleValue, help: "Override a class default speed, e.g. --speed county=40 (repeatable).")
    var speed: [String] = []

    @Option(name: .long, help: "Multiply every travel time by this factor (snow, ice, convoy).")
    var slowdown: Double?

    @Option(name: .long, parsing: .singleValue, help: "Close the road between two nodes, given as FROM,TO (repeatable).")
    var close: [String] = []

    @Option(name: .customLong("snap-warning-km"), help: "Warn when a LAT,LON point snaps farther than this.")
    var snapWarningKm: Double = 1

    @OptionGroup var output: OutputOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if graphFormat == nil && RoadGraphFormat(pathExtensionOf: graph) == nil {
            throw ValidationError("cannot tell the format of '\(graph)' from its extension; pass --graph-format csv, geojson, dimacs or cedge.")
        }
        if (to == nil) == (within == nil) { throw ValidationError("give exactly one of --to B or --within HOURS.") }
        if let within, !(within >= 0 && within.isFinite) { throw ValidationError("--within must be a number of hours ≥ 0.") }
        if let slowdown, !(slowdown > 0 && slowdown.isFinite) { throw ValidationError("--slowdown must be a number > 0.") }
        _ = try speedTable()
        for c in close where c.lastIndex(of: ",") == nil { throw ValidationError("--close takes FROM,TO, got '\(c)'.") }
    }

    func speedTable() throws -> SpeedTable {
        var table = SpeedTable.standard
        for item in speed {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let cls = RoadClass(parsing: parts[0]), let kmh = Double(parts[1]), kmh > 0, kmh.isFinite else {
                throw ValidationError("--speed takes CLASS=KMH with a known class and a speed > 0, got '\(item)'.")
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
                    throw CLIFailure.invalidData("\(graph): the network has no coordinates, so there is no GeoJSON to draw")
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
                    throw CLIFailure.invalidData("\(graph): the network has no coordinates, so there is no GeoJSON to draw")
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
                printProgress("warning: \(text) is \(String(format: "%.2f", snap.distanceKm)) km from the nearest node \(network.name(of: snap.node))")
            }
            return RoutePoint(name: text, node: snap.node, snap: snap)
        }
        throw CLIFailure.invalidData("unknown node '\(text)' in \(graph)")
    }

    func makeOverlay(_ network: RoadGraph) throws -> DisruptionOverlay? {
        guard slowdown != nil || !close.isEmpty else { return nil }
        var overlay = DisruptionOverlay(for: network)
        if let slowdown { try invalidDataOnError { () throws(RoadGraphError) in try overlay.scaleAll(by: slowdown) } }
        for pair in close {
            guard let comma = pair.lastIndex(of: ",") else { continue }
            let a = String(pair[..<comma]), b = String(pair[pair.index(after: comma)...])
            guard let x = network.node(named: a) else { throw CLIFailure.invalidData("unknown node '\(a)' in --close") }
            guard let y = network.node(named: b) else { throw CLIFailure.invalidData("unknown node '\(b)' in --close") }
            let closed = try invalidDataOnError { () throws(RoadGraphError) in try overlay.closeRoad(between: x, and: y, in: network) }
            if closed == 0 { printProgress("warning: --close \(pair): there is no road between these nodes") }
        }
        return overlay
    }
}

/// Reads a network, turning every reader problem into exit 65 with `file:line:` messages.
func readNetwork(_ path: String, format: RoadGraphFormat?, nodes: String?, speeds: SpeedTable) throws(CLIFailure) -> RoadGraph {
    do throws(GraphReadError) {
        return try RoadGraph.read(contentsOf: path, format: format, nodes: nodes, speeds: speeds)
    } catch {
        throw CLIFailure.invalidData(error.description)
    }
}

/// Runs a library call whose errors mean the user's data is wrong (exit 65).
func invalidDataOnError<T>(_ body: () throws(RoadGraphError) -> T) throws(CLIFailure) -> T {
    do throws(RoadGraphError) {
        return try body()
    } catch {
        throw CLIFailure.invalidData(error.description)
    }
}

extension RoadGraphFormat: ExpressibleByArgument {}
extension Isochrone.Shape: ExpressibleByArgument {}
