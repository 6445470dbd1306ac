import Dispatch
import Foundation
import RoadNetwork

/// What the first pass keeps of a drivable way.
struct KeptWay: Sendable {
    var id: Int64
    var attributes: OSMWayAttributes
}

/// The kept ways' node references, way after way in one array: way `w`'s are
/// `ids[ends[w - 1]..<ends[w]]` (from 0 for the first). One array per way was an
/// allocation per way in pass 1 and 40 MB on the 1300² grid, never read again once the
/// references were made dense (docs/decisions.md, "OSM import speed, seventh round").
struct WayRefs: Sendable {
    var ids: [Int64] = []
    var ends: [Int] = []

    /// Appends the next way's references.
    mutating func append<C: Collection>(_ refs: C) where C.Element == Int64 {
        ids.append(contentsOf: refs)
        ends.append(ids.count)
    }

    /// Appends `other`'s ways after these.
    mutating func append(contentsOf other: WayRefs) {
        let base = ids.count
        ids.append(contentsOf: other.ids)
        ends.append(contentsOf: other.ends.lazy.map { $0 + base })
    }
}

/// What the second pass keeps of a node a kept way references.
struct KeptNode: Sendable {
    var coordinate: GeoCoordinate
    /// `coordinate.cosLatitude`, computed once here (on the decoding workers) rather
    /// than twice for every segment the cutting measures.
    var cosLatitude: Double
    var blocks: Bool
    var ford: Bool

    init(coordinate: GeoCoordinate, blocks: Bool, ford: Bool) {
        self.coordinate = coordinate
        cosLatitude = coordinate.cosLatitude
        self.blocks = blocks
        self.ford = ford
    }
}

/// Turns kept ways and their nodes into an ``ImportedRoadNetwork``: split at
/// junctions, cut where nodes are missing, barriers, the largest strongly connected
/// component, then contraction of degree-2 chains.
///
/// Pieces are flat records: a polyline is a range of the ways' own references (dense
/// nodes), the attributes stay with their way, and only a contracted piece spanning
/// several ways gets a list of way ids. (An array per piece was a fifth of an import's
/// time in allocation and reference counting; docs/decisions.md, "OSM import speed",
/// and sixth round.) The network returned reads these records: no per-road object.
struct OSMNetworkBuilder {
    let options: OSMImportOptions
    /// Node ids are `<prefix><source id>`: `n` for OSM, `s` for shapefile vertices.
    let nodePrefix: String
    var report = ImportReport()
    /// How many parts the ways are cut in concurrently; nil: by
    /// size and cores (tests set it to check that any count gives the same network).
    var parts: Int?

    /// A node-to-node piece of a way, oriented in its driving direction when one-way.
    struct Piece {
        // 32 bytes a piece: the double first, then six 32-bit fields, the four flags in
        // the top bits of the point count. The speed is the way's (`Cutting.waySpeed`).
        // Each byte saved is 3.4 MB on the 1300² grid, and every step after the cutting
        // reads all pieces (docs/decisions.md, "OSM import speed, eighth round").
        var lengthKm: Double
        var a: Int32, b: Int32
        /// Its polyline as dense nodes: `refs[geometryStart..<geometryStart + geometryCount]`
        /// (the way's own references), or of `mergedPoints` when `merged`; read backwards
        /// when `reversed`.
        var geometryStart: Int32
        /// The way it comes from (its attributes and id).
        var way: Int32
        /// -1: the way ids are just `way`'s; else an index into `wayLists`.
        var wayList: Int32
        /// The point count (the low 28 bits) and the flags.
        private var countAndFlags: UInt32

        /// The most points a piece's polyline may have: contraction joins no further, and
        /// a cut piece lies within one way, whose references fit one PBF block (32 MiB).
        static let maximumPointCount = Int32(countMask)
        private static let countMask: UInt32 = (1 << 28) - 1
        private static let reversedBit: UInt32 = 1 << 28, fordBit: UInt32 = 1 << 29, onewayBit: UInt32 = 1 << 30, mergedBit: UInt32 = 1 << 31

        var geometryCount: Int32 {
            get { Int32(countAndFlags & Self.countMask) }
            set {
                precondition(newValue >= 0 && newValue <= Self.maximumPointCount, "a polyline of at most 2^28 - 1 points")
                countAndFlags = countAndFlags & ~Self.countMask | UInt32(newValue)
            }
        }
        var reversed: Bool { get { flag(Self.reversedBit) } set { setFlag(Self.reversedBit, newValue) } }
        var ford: Bool { get { flag(Self.fordBit) } set { setFlag(Self.fordBit, newValue) } }
        var oneway: Bool { get { flag(Self.onewayBit) } set { setFlag(Self.onewayBit, newValue) } }
        /// Joined by contraction: its polyline is in `mergedPoints`.
        var merged: Bool { get { flag(Self.mergedBit) } set { setFlag(Self.mergedBit, newValue) } }

        @inline(__always) private func flag(_ bit: UInt32) -> Bool { countAndFlags & bit != 0 }
        @inline(__always) private mutating func setFlag(_ bit: UInt32, _ on: Bool) {
            countAndFlags = on ? countAndFlags | bit : countAndFlags & ~bit
        }

        /// Its polyline in its driving direction, as dense nodes (the one reading of
        /// `geometryStart`, `merged` and `reversed` outside the table writer's hot loop).
        func polyline(refs: [Int32], mergedPoints: [Int32]) -> [Int32] {
            let range = Int(geometryStart)..<Int(geometryStart + geometryCount)
            let stored = merged ? mergedPoints[range] : refs[range]
            return reversed ? Array(stored.reversed()) : Array(stored)
        }

        /// The ids of the ways it runs along, in order.
        func wayIDs(ways: [KeptWay], wayLists: [[Int64]]) -> [Int64] {
            wayList < 0 ? [ways[Int(way)].id] : wayLists[Int(wayList)]
        }

        init(a: Int32, b: Int32, geometryStart: Int32, geometryCount: Int32, reversed: Bool, way: Int32, wayList: Int32,
             lengthKm: Double, ford: Bool, oneway: Bool) {
            self.lengthKm = lengthKm
            self.a = a
            self.b = b
            self.geometryStart = geometryStart
            self.way = way
            self.wayList = wayList
            countAndFlags = 0
            self.geometryCount = geometryCount
            self.reversed = reversed
            self.ford = ford
            self.oneway = oneway
        }
    }

    /// Storage shared by the pieces.
    struct PieceStore {
        var pieces: [Piece]
        /// Every kept way's references as dense nodes (``WayNodes/refs``): most pieces'
        /// polylines are a range of them.
        let refs: [Int32]
        /// The polylines of merged pieces, as dense nodes.
        var mergedPoints: [Int32] = []
        var wayLists: [[Int64]] = []

        /// The piece's polyline in its direction, as dense nodes.
        func polyline(_ p: Piece) -> [Int32] { p.polyline(refs: refs, mergedPoints: mergedPoints) }

        func wayIDs(_ p: Piece, ways: [KeptWay]) -> [Int64] { p.wayIDs(ways: ways, wayLists: wayLists) }
    }

    init(options: OSMImportOptions, nodePrefix: String = "n") {
        self.options = options
        precondition(nodePrefix.utf8.count <= 16, "node id prefixes are short (StoreRows writes them as one 16-byte copy)")
        self.nodePrefix = nodePrefix
    }

    mutating func build(ways: [KeptWay], nodes wayNodes: consuming WayNodes) throws(RoadImportError) -> ImportedRoadNetwork {
        // Vertices: one per node used as a piece end, plus one per road end at a
        // blocking barrier, numbered in order of first use. Large imports are cut on
        // all cores.
        let cuttingParts = parts ?? Self.cuttingParts(refCount: wayNodes.refs.count, wayCount: ways.count)
        var (cutting, cutPieces) = cutWays(ways, nodes: wayNodes, parts: cuttingParts)
        // Nothing looks a node id up after the cutting: the index's table is freed now.
        wayNodes.releaseIndex()
        var store = PieceStore(pieces: cutPieces, refs: wayNodes.refs)
        cutPieces = []
        let vertexOSMID = cutting.vertexOSMID, vertexCopy = cutting.vertexCopy, vertexPoint = cutting.vertexNode
        let points = wayNodes.nodes
        let wayClass = cutting.wayClass, waySpeed = cutting.waySpeed
        report.waysCut += cutting.waysCut
        report.onewayPieces += cutting.onewayPieces
        for (highway, slot) in cutting.highwaySlot { if let sum = cutting.lengthSums[slot] { report.lengthKmByHighway[highway] = sum } }
        // The tables' text of every vertex's position, made on the second core while
        // this one finds the components and contracts chains (one core's work).
        let prefix = nodePrefix
        let vertexText = BackgroundValue {
            NodeCoordinateText(points: points, vertexPoint: vertexPoint, vertexOSMID: vertexOSMID, vertexCopy: vertexCopy, prefix: prefix)
        }
        // Waited for also when this throws: no work outlives the call.
        defer { _ = vertexText.value }
        let barrierCopies = cutting.barrierCopies
        cutting = Cutting(nodeCount: 0, recordsLengths: false)
        report.blockingBarriers = barrierCopies.count
        report.nodesBeforeFilter = vertexOSMID.count
        report.edgesBeforeFilter = store.pieces.count
        let inLargest = try largestComponent(nodeCount: vertexOSMID.count, pieces: store.pieces, points: points, vertexPoint: vertexPoint)
        let copies = vertexCopy
        let left = contract(&store, inLargest: inLargest, ways: ways, waySpeed: waySpeed, nodeCount: vertexOSMID.count,
                            isProtected: { copies[Int($0)] > 0 })
        // One pass over the pieces: the ones left moved down in order, the nodes they
        // use numbered in order of first use, and the edges' total length summed (in
        // row order). Nothing more is made: the network's nodes and edges are read
        // from these records (``ImportedRoadStore``).
        var vertexNode = [Int32](repeating: -1, count: vertexOSMID.count)
        var totalLengthKm = 0.0
        var rows = 0
        let nodeVertex = [Int32](unsafeUninitializedCapacity: vertexOSMID.count) { numbered, count in
            store.pieces.withUnsafeMutableBufferPointer { pieces in
                vertexNode.withUnsafeMutableBufferPointer { vertexNode in
                    left.withUnsafeBufferPointer { left in
                        var n = 0
                        for i in 0..<pieces.count where left[i] {
                            let p = pieces[i]
                            if rows != i { pieces[rows] = p }
                            rows += 1
                            if vertexNode[Int(p.a)] < 0 {
                                vertexNode[Int(p.a)] = Int32(n)
                                numbered[n] = p.a
                                n += 1
                            }
                            if vertexNode[Int(p.b)] < 0 {
                                vertexNode[Int(p.b)] = Int32(n)
                                numbered[n] = p.b
                                n += 1
                            }
                            totalLengthKm += p.lengthKm
                        }
                        count = n
                    }
                }
            }
        }
        store.pieces.removeLast(store.pieces.count - rows)
        guard !store.pieces.isEmpty else {
            throw .emptyNetwork(reason: .nothingLeft(ways: report.waysByHighway.values.reduce(0, +)))
        }
        let kept = ImportedRoadStore(nodePrefix: nodePrefix, vertexOSMID: vertexOSMID, vertexCopy: vertexCopy, vertexPoint: vertexPoint,
                                     nodeVertex: nodeVertex, vertexNode: vertexNode, pieces: store.pieces, ways: ways, wayClass: wayClass, waySpeed: waySpeed,
                                     wayLists: store.wayLists, refs: wayNodes.refs, mergedPoints: store.mergedPoints, points: points,
                                     vertexText: vertexText.value, totalLengthKm: totalLengthKm)
        return ImportedRoadNetwork(store: kept, report: report)
    }

    /// `<prefix><id>`, or `<prefix><id>b<copy>` for a barrier copy: what string
    /// interpolation writes, built from digits instead. Interpolation took longer than
    /// the components search it ran beside once that search was fast (docs/decisions.md,
    /// "OSM import speed, fifth round"), and most names fit a small string, which
    /// allocates nothing.
    static func vertexName(prefix: String, id: Int64, copy: Int32) -> String {
        var prefix = prefix
        return prefix.withUTF8 { head in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: head.count + 32) { buffer in
                let n = writeVertexName(prefix: UnsafeRawBufferPointer(head), id: id, copy: copy, to: buffer.baseAddress!)
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<n]), as: UTF8.self)
            }
        }
    }

    /// Writes ``vertexName(prefix:id:copy:)``'s bytes at `p` (room for the prefix and 32
    /// bytes) and returns their count: the one spelling of a node id, which the position
    /// text keeps per vertex and the table writer falls back to.
    @inline(__always)
    static func writeVertexName(prefix: UnsafeRawBufferPointer, id: Int64, copy: Int32, to p: UnsafeMutablePointer<UInt8>) -> Int {
        var n = prefix.count
        if let head = prefix.baseAddress { p.update(from: head.assumingMemoryBound(to: UInt8.self), count: n) }
        func put(_ value: Int64) {
            if value < 0 { p[n] = UInt8(ascii: "-"); n += 1 }
            n += FixedDecimal.writeDigits(value.magnitude, to: p + n)
        }
        put(id)
        if copy != 0 {
            p[n] = UInt8(ascii: "b")
            n += 1
            put(Int64(copy))
        }
        return n
    }

    /// Marks the nodes of the largest strongly connected component and reports the rest.
    private mutating func largestComponent(nodeCount: Int, pieces: [Piece], points: [KeptNode], vertexPoint: [Int32]) throws(RoadImportError) -> [Bool] {
        let arcCount = pieces.reduce(0) { $0 + ($1.oneway ? 1 : 2) }
        guard arcCount < Int(Int32.max) else { throw .emptyNetwork(reason: .tooManyArcs(arcs: arcCount)) }
        // Two-way pieces joined first, the search only on the one-way ones between
        // (docs/decisions.md, "OSM import speed, fifth round").
        let labels = try pieces.withUnsafeBufferPointer { (pieces) throws(RoadImportError) in
            try ComponentLabels(nodeCount: nodeCount) { road in
                for p in pieces { road(p.a, p.b, p.oneway) }
            }
        }
        // Only nodes some piece touches count (every node here does).
        guard let largest = labels.largest else { return [] }
        var keep = [Bool](repeating: false, count: nodeCount)
        var sums: [Int: (count: Int, lat: Double, lon: Double)] = [:]
        for v in 0..<nodeCount {
            let c = Int(labels.componentOf[v])
            if c == largest { keep[v] = true; continue }
            let position = points[Int(vertexPoint[v])].coordinate
            sums[c, default: (0, 0, 0)].count += 1
            sums[c]!.lat += position.latitude
            sums[c]!.lon += position.longitude
        }
        let dropped = sums.map { ImportReport.DroppedComponent(nodeCount: $0.value.count, latitude: $0.value.lat / Double($0.value.count),
                                                               longitude: $0.value.lon / Double($0.value.count)) }
            .sorted { ($0.nodeCount, $1.latitude, $1.longitude) > ($1.nodeCount, $0.latitude, $0.longitude) }
        report.droppedComponentCount = dropped.count
        report.droppedNodes = dropped.reduce(0) { $0 + $1.nodeCount }
        report.droppedComponents = Array(dropped.prefix(20))
        return keep
    }
}
