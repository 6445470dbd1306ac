import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve bench-routing` (hidden): times the routing core on a file or a generated
/// grid, in the same release binary users run, and prints JSON that
/// `scripts/bench_routing_peers.py` checks against scipy, igraph and networkx.
struct RoutingBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-routing",
        abstract: HelpText["routingBench.abstract"],
        shouldDisplay: false
    )

    @Option(name: .long, help: ArgumentHelp(HelpText["routingBench.graph"]))
    var graph: String?

    @Option(name: .customLong("graph-format"), help: ArgumentHelp(HelpText["routingBench.graphFormat"]))
    var graphFormat: RoadGraphFormat?

    @Option(name: .long, help: ArgumentHelp(HelpText["routingBench.grid"]))
    var grid: Int = 1000

    @Option(name: .long, help: ArgumentHelp(HelpText["routingBench.seed"]))
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp(HelpText["routingBench.sources"]))
    var sources: Int = 10

    @Option(name: .customLong("repeat"), help: ArgumentHelp(HelpText["routingBench.repeats"]))
    var repeats: Int = 3

    @Option(name: .long, help: ArgumentHelp(HelpText["routingBench.pairs"]))
    var pairs: Int = 0

    @Option(name: .customLong("matrix-sources"), help: ArgumentHelp(HelpText["routingBench.matrixSources"]))
    var matrixSources: Int = 0

    @Option(name: .customLong("matrix-targets"), help: ArgumentHelp(HelpText["routingBench.matrixTargets"]))
    var matrixTargets: Int = 10_000

    @Option(name: .long, help: ArgumentHelp(HelpText["routingBench.threads"]))
    var threads: Int?

    @Option(name: .long, help: ArgumentHelp(HelpText["routingBench.export"]))
    var export: String?

    func run() throws {
        let clock = ContinuousClock()
        let buildStart = clock.now
        let network: RoadGraph
        if let graph {
            network = try readNetwork(graph, format: graphFormat, nodes: nil, speeds: .standard)
        } else {
            network = SyntheticGrid(rows: grid, columns: grid, seed: seed).build()
        }
        let buildSeconds = (clock.now - buildStart).seconds
        if let export { try write(network, to: export) }
        let n = network.nodeCount
        func spaced(_ k: Int, offset: Int) -> [NodeID] {
            (0..<k).map { NodeID((($0 * n) / max(k, 1) + offset) % max(n, 1)) }
        }
        var report = BenchReport(nodes: n, edges: network.edgeCount, bytesPerEdge: RoadGraph.bytesPerDirectedEdge,
                                 buildSeconds: buildSeconds)
        var ws = SearchWorkspace(for: network)
        let oneToAll = spaced(sources, offset: n / max(2 * sources, 1))
        for s in oneToAll {
            var ms = Double.infinity
            for _ in 0..<max(1, repeats) {
                let t0 = clock.now
                try network.search(SearchQuery(from: s), in: &ws)
                ms = min(ms, (clock.now - t0).seconds * 1000)
            }
            var sum = 0.0
            for v in 0..<n { sum += ws.hours(to: NodeID(v)) ?? 0 }
            // The convenience API also copies every distance out into a result value, as
            // scipy and igraph do; time it too so the comparison can be made either way.
            var treeMs = Double.infinity
            var tree = try network.travelTimes(from: s)
            for _ in 0..<max(1, repeats) {
                let t1 = clock.now
                tree = try network.travelTimes(from: s)
                treeMs = min(treeMs, (clock.now - t1).seconds * 1000)
            }
            guard tree.reachableCount == ws.settledNodeCount else { throw CLIFailure.internalFailure("tree and workspace disagree") }
            report.oneToAll.append(.init(source: Int(s.rawValue), milliseconds: ms, treeMilliseconds: treeMs,
                                         reachable: ws.settledNodeCount, sumHours: sum))
        }
        if pairs > 0 {
            // Pseudo-random pairs (an LCG, so the script can reproduce them if needed).
            var x: UInt64 = 12345
            func next() -> Int { x = x &* 6364136223846793005 &+ 1442695040888963407; return Int((x >> 33) % UInt64(max(n, 1))) }
            let list = (0..<pairs).map { _ in (NodeID(next()), NodeID(next())) }
            var uni = 0.0, bi = 0.0, agree = 0
            var wsB = SearchWorkspace(for: network)
            for (s, t) in list {
                let t0 = clock.now
                try network.search(SearchQuery(from: s, targets: [t]), in: &ws)
                let one = ws.hours(to: t)
                let t1 = clock.now
                let route = try network.shortestPath(from: s, to: t, forward: &ws, backward: &wsB)
                let t2 = clock.now
                uni += (t1 - t0).seconds; bi += (t2 - t1).seconds
                if let one, let h = route?.hours, abs(one - h) <= 1e-9 * max(1, one) { agree += 1 } else if one == nil && route == nil { agree += 1 }
            }
            report.pointToPoint = .init(pairs: pairs, oneDirectionalMilliseconds: uni * 1000 / Double(pairs),
                                        bidirectionalMilliseconds: bi * 1000 / Double(pairs), agreeing: agree)
        }
        if matrixSources > 0 {
            let rows = spaced(matrixSources, offset: 1), columns = spaced(matrixTargets, offset: 3)
            let t0 = clock.now
            let matrix = try network.travelTimeMatrix(from: rows, to: columns, threads: threads)
            let seconds = (clock.now - t0).seconds
            var sum = 0.0, unreachable = 0
            for r in 0..<rows.count { for c in 0..<columns.count { if let h = matrix[r, c] { sum += h } else { unreachable += 1 } } }
            report.matrix = .init(sources: rows.map { Int($0.rawValue) }, targets: columns.map { Int($0.rawValue) },
                                  seconds: seconds, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                                  sumHours: sum, unreachable: unreachable,
                                  firstRow: (0..<min(20, columns.count)).map { matrix[0, $0] })
        }
        try printJSON(report)
    }

    private func write(_ g: RoadGraph, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CLIFailure.internalFailure("cannot write \(path)")
        }
        defer { try? handle.close() }
        var buffer = "\(g.nodeCount) \(g.edgeCount)\n"
        for u in 0..<g.nodeCount {
            for e in g.outEdges(of: NodeID(u)) {
                buffer += "\(u) \(g.head[e]) \(g.baseHours[e])\n"
                if buffer.utf8.count > 1 << 20 { handle.write(Data(buffer.utf8)); buffer = "" }
            }
        }
        handle.write(Data(buffer.utf8))
    }
}

private struct BenchReport: Encodable {
    struct Query: Encodable {
        var source: Int
        var milliseconds: Double
        var treeMilliseconds: Double
        var reachable: Int
        var sumHours: Double
    }

    struct Matrix: Encodable {
        var sources: [Int]
        var targets: [Int]
        var seconds: Double
        var threads: Int
        var sumHours: Double
        var unreachable: Int
        var firstRow: [Double?]
    }

    var nodes: Int
    var edges: Int
    var bytesPerEdge: Int
    var buildSeconds: Double
    var oneToAll: [Query] = []
    var matrix: Matrix?
    var pointToPoint: PointToPoint?

    struct PointToPoint: Encodable {
        var pairs: Int
        var oneDirectionalMilliseconds: Double
        var bidirectionalMilliseconds: Double
        var agreeing: Int
    }
}

private extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
