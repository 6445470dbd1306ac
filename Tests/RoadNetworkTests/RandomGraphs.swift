import RoadNetwork
import TestSupport

/// One road of a random test graph, kept so the graph can be rebuilt with changes.
struct TestRoad {
    var from: Int
    var to: Int
    var lengthKm: Double
    var roadClass: RoadClass
    var speedKmh: Double?
    var oneWay: Bool
}

/// A small random road network with its roads, for cross-checks against Floyd–Warshall.
struct RandomNetwork {
    var nodeCount: Int
    var roads: [TestRoad]
    var coordinates: [GeoCoordinate]

    init(seed: UInt64, maxNodes: Int = 12) {
        var rng = SeededGenerator(seed: seed)
        let nodeCount = Int.random(in: 1...maxNodes, using: &rng)
        self.nodeCount = nodeCount
        let roadCount = Int.random(in: 0...(nodeCount * 3), using: &rng)
        roads = (0..<roadCount).map { _ in
            TestRoad(from: Int.random(in: 0..<nodeCount, using: &rng), to: Int.random(in: 0..<nodeCount, using: &rng),
                     lengthKm: Double(Int.random(in: 0...400, using: &rng)) / 10,
                     roadClass: RoadClass.allCases.randomElement(using: &rng)!,
                     speedKmh: Bool.random(using: &rng) ? Double(Int.random(in: 10...120, using: &rng)) : nil,
                     oneWay: Int.random(in: 0..<3, using: &rng) == 0)
        }
        coordinates = (0..<nodeCount).map { _ in
            GeoCoordinate(latitude: 30 + Double.random(in: 0..<1, using: &rng), longitude: 120 + Double.random(in: 0..<1, using: &rng))
        }
    }

    func build(excluding closed: Set<Int> = [], speeds: SpeedTable = .standard) throws -> RoadGraph {
        var b = RoadGraphBuilder()
        for c in coordinates { b.addNode(at: c) }
        for (i, r) in roads.enumerated() where !closed.contains(i) {
            try b.addRoad(from: NodeID(r.from), to: NodeID(r.to), lengthKm: r.lengthKm, roadClass: r.roadClass,
                          speedKmh: r.speedKmh, oneWay: r.oneWay)
        }
        return b.build(speeds: speeds)
    }

    /// Hours of each road under a speed table and per-road factor.
    func hours(_ r: TestRoad, speeds: SpeedTable, factor: Double = 1) -> Double {
        r.lengthKm / (r.speedKmh ?? speeds[r.roadClass]) * factor
    }
}

/// All-pairs shortest travel times by Floyd–Warshall, `nil` when unreachable.
func floydWarshall(nodeCount n: Int, arcs: [(Int, Int, Double)]) -> [[Double?]] {
    var d = [[Double]](repeating: [Double](repeating: .infinity, count: n), count: n)
    for i in 0..<n { d[i][i] = 0 }
    for (u, v, w) in arcs where w < d[u][v] { d[u][v] = w }
    for k in 0..<n { for i in 0..<n where d[i][k] < .infinity { for j in 0..<n where d[i][k] + d[k][j] < d[i][j] {
        d[i][j] = d[i][k] + d[k][j]
    } } }
    return d.map { $0.map { $0.isFinite ? $0 : nil } }
}

extension RandomNetwork {
    /// Directed arcs with hours, optionally skipping roads and scaling by road.
    func arcs(speeds: SpeedTable = .standard, skip: Set<Int> = [], factor: (Int, TestRoad) -> Double = { _, _ in 1 }) -> [(Int, Int, Double)] {
        var arcs: [(Int, Int, Double)] = []
        for (i, r) in roads.enumerated() where !skip.contains(i) {
            let h = hours(r, speeds: speeds, factor: factor(i, r))
            arcs.append((r.from, r.to, h))
            if !r.oneWay { arcs.append((r.to, r.from, h)) }
        }
        return arcs
    }
}

func close(_ a: Double?, _ b: Double?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case let (x?, y?): isApproximatelyEqual(x, y, absolute: 1e-9, relative: 1e-9)
    default: false
    }
}
