import Dispatch
import Foundation
import RoadNetwork

/// What the first pass keeps of a drivable way.
struct KeptWay: Sendable {
    var id: Int64
    var refs: [Int64]
    var attributes: OSMWayAttributes
}

/// What the second pass keeps of a node a kept way references.
struct KeptNode: Sendable {
    var coordinate: GeoCoordinate
    var blocks: Bool
    var ford: Bool
}

/// Turns kept ways and their nodes into an ``ImportedRoadNetwork``: split at
/// junctions, cut where nodes are missing, barriers, the largest strongly connected
/// component, then contraction of degree-2 chains.
///
/// Pieces are flat records: geometry lives in one shared coordinate buffer, the
/// attributes stay with their way, and only a contracted piece spanning several ways
/// gets a list of way ids. (An array per piece was a fifth of an import's time in
/// allocation and reference counting; docs/decisions.md, "OSM import speed".)
struct OSMNetworkBuilder {
    let options: OSMImportOptions
    /// Node ids are `<prefix><source id>`: `n` for OSM, `s` for shapefile vertices.
    let nodePrefix: String
    var report = ImportReport()
    /// How many parts the ways are cut in, and the edges made in, concurrently; nil: by
    /// size and cores (tests set it to check that any count gives the same network).
    var parts: Int?

    /// A node-to-node piece of a way, oriented in its driving direction when one-way.
    struct Piece {
        // Doubles first and the flags together: 48 bytes a piece, not 56.
        var lengthKm: Double
        var speedKmh: Double
        var a: Int32, b: Int32
        /// `geometry[geometryStart..<geometryStart + geometryCount]`, read backwards when `reversed`.
        var geometryStart: Int32, geometryCount: Int32
        /// The way it comes from (its attributes and id).
        var way: Int32
        /// -1: the way ids are just `way`'s; else an index into `wayLists`.
        var wayList: Int32
        var reversed: Bool
        var ford: Bool
        var oneway: Bool

        init(a: Int32, b: Int32, geometryStart: Int32, geometryCount: Int32, reversed: Bool, way: Int32, wayList: Int32,
             lengthKm: Double, speedKmh: Double, ford: Bool, oneway: Bool) {
            self.lengthKm = lengthKm
            self.speedKmh = speedKmh
            self.a = a
            self.b = b
            self.geometryStart = geometryStart
            self.geometryCount = geometryCount
            self.way = way
            self.wayList = wayList
            self.reversed = reversed
            self.ford = ford
            self.oneway = oneway
        }
    }

    /// Storage shared by the pieces.
    struct PieceStore {
        var pieces: [Piece] = []
        var geometry: [GeoCoordinate] = []
        var wayLists: [[Int64]] = []

        /// The piece's polyline in its direction.
        func polyline(_ p: Piece) -> [GeoCoordinate] {
            let range = Int(p.geometryStart)..<Int(p.geometryStart + p.geometryCount)
            return p.reversed ? Array(geometry[range].reversed()) : Array(geometry[range])
        }

        func wayIDs(_ p: Piece, ways: [KeptWay]) -> [Int64] {
            p.wayList < 0 ? [ways[Int(p.way)].id] : wayLists[Int(p.wayList)]
        }
    }

    init(options: OSMImportOptions, nodePrefix: String = "n") {
        self.options = options
        self.nodePrefix = nodePrefix
    }

    mutating func build(ways: [KeptWay], nodes wayNodes: WayNodes) throws(RoadImportError) -> ImportedRoadNetwork {
        // Vertices: one per node used as a piece end, plus one per road end at a
        // blocking barrier, numbered in order of first use. Names are made only for the
        // vertices finally kept. Large imports are cut on all cores.
        let cuttingParts = parts ?? Self.cuttingParts(refCount: wayNodes.refs.count, wayCount: ways.count)
        var cutting = cutWays(ways, nodes: wayNodes, parts: cuttingParts)
        var store = cutting.store
        cutting.store = PieceStore()
        let vertexOSMID = cutting.vertexOSMID, vertexCopy = cutting.vertexCopy, coordinates = cutting.coordinates
        let wayClass = cutting.wayClass
        report.waysCut += cutting.waysCut
        report.onewayPieces += cutting.onewayPieces
        for (highway, slot) in cutting.highwaySlot { if let sum = cutting.lengthSums[slot] { report.lengthKmByHighway[highway] = sum } }
        let barrierCopies = cutting.barrierCopies
        cutting = Cutting(nodeCount: 0, recordsLengths: false)
        report.blockingBarriers = barrierCopies.count
        report.nodesBeforeFilter = vertexOSMID.count
        report.edgesBeforeFilter = store.pieces.count
        // Every vertex's name, made on the other core while the components and the
        // contraction run on this one (only the kept ones are used).
        let prefix = nodePrefix, ids = vertexOSMID, copyNumbers = vertexCopy
        let names = BackgroundValue { () -> [String] in
            ids.indices.map { v in Self.vertexName(prefix: prefix, id: ids[v], copy: copyNumbers[v]) }
        }
        defer { _ = names.value } // not left running when the components throw
        let keep = try largestComponent(nodeCount: vertexOSMID.count, pieces: store.pieces, coordinates: coordinates)
        store.pieces.removeAll { !(keep[Int($0.a)] && keep[Int($0.b)]) }
        let copies = vertexCopy
        contract(&store, ways: ways, nodeCount: vertexOSMID.count, isProtected: { copies[Int($0)] > 0 })
        // Renumber the nodes left, in order of first use.
        var newIndex = [Int](repeating: -1, count: vertexOSMID.count)
        var outNodes: [ImportedRoadNetwork.Node] = []
        let vertexNames = names.value
        func renumber(_ v: Int32) -> Int {
            let v = Int(v)
            if newIndex[v] < 0 {
                newIndex[v] = outNodes.count
                outNodes.append(.init(name: vertexNames[v], osmID: vertexOSMID[v], coordinate: coordinates[v]))
            }
            return newIndex[v]
        }
        // The edges' shapes: the pieces' own coordinate buffer, shared, unless more than
        // half of it is left over from dropped and merged pieces (then a compact copy);
        // way ids are every way's id followed by the merged pieces' lists. A copy of
        // both per edge was 0.14 GB of fresh memory on the 1300² grid (docs/decisions.md,
        // "OSM import speed, third round").
        var geometryTotal = 0
        for p in store.pieces { geometryTotal += Int(p.geometryCount) }
        let compact = store.geometry.count > 2 * geometryTotal
        let shapeCoordinates: [GeoCoordinate]
        if compact {
            var copy: [GeoCoordinate] = []
            copy.reserveCapacity(geometryTotal)
            for p in store.pieces {
                let range = Int(p.geometryStart)..<Int(p.geometryStart + p.geometryCount)
                if p.reversed { copy += store.geometry[range].reversed() } else { copy += store.geometry[range] }
            }
            shapeCoordinates = copy
        } else {
            shapeCoordinates = store.geometry
        }
        store.geometry = []
        var wayIDs: [Int64] = []
        wayIDs.reserveCapacity(ways.count + store.wayLists.reduce(0) { $0 + $1.count })
        for way in ways { wayIDs.append(way.id) }
        var listStart: [Int32] = []
        listStart.reserveCapacity(store.wayLists.count)
        for list in store.wayLists {
            listStart.append(Int32(wayIDs.count))
            wayIDs += list
        }
        // Both ends of every edge renumbered in order of first use, here (that order is
        // sequential), and the compact copy's offsets; then the edges made on all cores.
        outNodes.reserveCapacity(vertexOSMID.count)
        var ends = [Int32](repeating: 0, count: 2 * store.pieces.count)
        var compactStart = [Int32](repeating: 0, count: compact ? store.pieces.count : 0)
        var g: Int32 = 0
        for (i, p) in store.pieces.enumerated() {
            ends[2 * i] = Int32(renumber(p.a))
            ends[2 * i + 1] = Int32(renumber(p.b))
            if compact { compactStart[i] = g }
            g += p.geometryCount
        }
        let pieces = store.pieces, wayLists = store.wayLists, edgeEnds = ends, starts = compactStart
        let allWayIDs = wayIDs, listStarts = listStart
        store = PieceStore()
        ends = []
        compactStart = []
        // Each worker's edges hold their own `EdgeShapes` (the same arrays, shared): one
        // object retained 3.4 million times from two cores at once is what kept the
        // edges on one core before (docs/decisions.md, fourth and fifth rounds).
        let workers = max(1, parts ?? (pieces.count >= 100_000 ? min(ProcessInfo.processInfo.activeProcessorCount, 8) : 1))
        let edges = [ImportedRoadNetwork.Edge](unsafeUninitializedCapacity: pieces.count) { buffer, count in
            let out = UncheckedSendable(buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                guard let base = out.value else { return }
                let shapes = EdgeShapes(coordinates: shapeCoordinates, wayIDs: allWayIDs)
                for i in pieces.count * worker / workers..<pieces.count * (worker + 1) / workers {
                    let p = pieces[i]
                    let at = ways[Int(p.way)].attributes
                    let geometry = compact ? starts[i]..<starts[i] + p.geometryCount : p.geometryStart..<p.geometryStart + p.geometryCount
                    let wayRange = p.wayList < 0 ? p.way..<p.way + 1
                        : listStarts[Int(p.wayList)]..<listStarts[Int(p.wayList)] + Int32(wayLists[Int(p.wayList)].count)
                    (base + i).initialize(to: .init(from: Int(edgeEnds[2 * i]), to: Int(edgeEnds[2 * i + 1]), lengthKm: p.lengthKm,
                                                    highway: at.highway, roadClass: wayClass[Int(p.way)], speedKmh: p.speedKmh,
                                                    oneway: p.oneway, bridge: at.bridge, tunnel: at.tunnel, ford: p.ford,
                                                    ferry: at.highway == "ferry", name: at.name, shapes: shapes, geometryRange: geometry,
                                                    geometryReversed: !compact && p.reversed, wayIDRange: wayRange))
                }
            }
            count = pieces.count
        }
        guard !edges.isEmpty else {
            throw .emptyNetwork(reason: .nothingLeft(ways: report.waysByHighway.values.reduce(0, +)))
        }
        return ImportedRoadNetwork(nodes: outNodes, edges: edges, report: report)
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
                var n = 0
                for byte in head { buffer[n] = byte; n += 1 }
                func put(_ value: Int64) {
                    if value < 0 { buffer[n] = UInt8(ascii: "-"); n += 1 }
                    n += FixedDecimal.writeDigits(value.magnitude, to: buffer.baseAddress! + n)
                }
                put(id)
                if copy != 0 {
                    buffer[n] = UInt8(ascii: "b")
                    n += 1
                    put(Int64(copy))
                }
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<n]), as: UTF8.self)
            }
        }
    }

    /// Marks the nodes of the largest strongly connected component and reports the rest.
    private mutating func largestComponent(nodeCount: Int, pieces: [Piece], coordinates: [GeoCoordinate]) throws(RoadImportError) -> [Bool] {
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
            sums[c, default: (0, 0, 0)].count += 1
            sums[c]!.lat += coordinates[v].latitude
            sums[c]!.lon += coordinates[v].longitude
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
