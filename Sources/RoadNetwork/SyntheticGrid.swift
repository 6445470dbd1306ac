/// A generator of road-like test networks: a perturbed grid with missing links,
/// diagonal shortcuts and a hierarchy of road classes, for benchmarks and demos.
///
/// Every `arterialSpacing`-th row and column is a provincial road and every
/// `expresswaySpacing`-th an expressway; other grid links are county, township or
/// village roads; diagonals are village roads. Node coordinates are jittered around
/// a lattice with `spacingKm` between neighbours, starting at `origin`; edge lengths
/// are the haversine distances between their nodes. Roads are two-way. The same seed
/// always gives the same graph.
///
/// With the defaults, `SyntheticGrid(rows: 1000, columns: 1000).build()` has
/// 1,000,000 nodes and about 2.7 million directed edges.
public struct SyntheticGrid: Sendable, Hashable {
    /// Number of rows of the lattice.
    public var rows: Int
    /// Number of columns of the lattice.
    public var columns: Int
    /// Distance between lattice neighbours in km.
    public var spacingKm: Double = 1
    /// Fraction of grid links left out (missing roads).
    public var removedFraction: Double = 0.46
    /// Fraction of cells that get a diagonal road.
    public var diagonalFraction: Double = 0.19
    /// Every this-many-th row and column is a provincial road.
    public var arterialSpacing = 10
    /// Every this-many-th row and column is an expressway.
    public var expresswaySpacing = 50
    /// South-west corner of the lattice.
    public var origin = GeoCoordinate(latitude: 40, longitude: 110)
    /// Seed of the deterministic generator.
    public var seed: UInt64 = 1

    /// A generator for a `rows × columns` lattice with the default shape.
    public init(rows: Int, columns: Int, seed: UInt64 = 1) {
        self.rows = max(1, rows)
        self.columns = max(1, columns)
        self.seed = seed
    }

    /// Builds the network.
    /// - Complexity: O(rows × columns).
    public func build(speeds: SpeedTable = .standard) -> RoadGraph {
        var rng = SplitMix(seed)
        let kmPerDegreeLat = 111.195
        let latStep = spacingKm / kmPerDegreeLat
        let lonStep = spacingKm / (kmPerDegreeLat * _cos(origin.latitude * .pi / 180))
        var coordinates: [GeoCoordinate] = []
        coordinates.reserveCapacity(rows * columns)
        for r in 0..<rows {
            for c in 0..<columns {
                let jitterLat = (rng.unit() - 0.5) * 0.3 * latStep
                let jitterLon = (rng.unit() - 0.5) * 0.3 * lonStep
                coordinates.append(GeoCoordinate(latitude: origin.latitude + Double(r) * latStep + jitterLat,
                                                 longitude: origin.longitude + Double(c) * lonStep + jitterLon))
            }
        }
        var builder = RoadGraphBuilder()
        builder.reserveCapacity(edges: rows * columns * 3)
        for c in coordinates { builder.addNode(at: c) }
        func id(_ r: Int, _ c: Int) -> Int { r * columns + c }
        func lineClass(_ k: Int) -> RoadClass? {
            if k % expresswaySpacing == 0 { return .expressway }
            if k % arterialSpacing == 0 { return .provincial }
            return nil
        }
        func add(_ a: Int, _ b: Int, _ cls: RoadClass) {
            let length = coordinates[a].distanceKm(to: coordinates[b])
            try? builder.addRoad(from: NodeID(a), to: NodeID(b), lengthKm: length, roadClass: cls) // ids in range
        }
        let local: [RoadClass] = [.county, .township, .township, .village, .village]
        for r in 0..<rows {
            for c in 0..<columns {
                if c + 1 < columns {
                    if let cls = lineClass(r) { add(id(r, c), id(r, c + 1), cls) }
                    else if rng.unit() >= removedFraction { add(id(r, c), id(r, c + 1), local[Int(rng.next() % 5)]) }
                }
                if r + 1 < rows {
                    if let cls = lineClass(c) { add(id(r, c), id(r + 1, c), cls) }
                    else if rng.unit() >= removedFraction { add(id(r, c), id(r + 1, c), local[Int(rng.next() % 5)]) }
                }
                if r + 1 < rows && c + 1 < columns && rng.unit() < diagonalFraction {
                    if rng.next() & 1 == 0 { add(id(r, c), id(r + 1, c + 1), .village) }
                    else { add(id(r, c + 1), id(r + 1, c), .village) }
                }
            }
        }
        return builder.build(speeds: speeds)
    }
}

/// SplitMix64: tiny, fast and good enough for generating test data.
struct SplitMix {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
