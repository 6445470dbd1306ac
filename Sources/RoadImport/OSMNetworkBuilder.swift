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
        // blocking barrier. Names are made only for the vertices finally kept.
        var vertexOSMID: [Int64] = [], vertexCopy: [Int32] = [], coordinates: [GeoCoordinate] = []
        // At most one vertex per node, except barrier copies (rare): no growth copies.
        vertexOSMID.reserveCapacity(wayNodes.count)
        vertexCopy.reserveCapacity(wayNodes.count)
        coordinates.reserveCapacity(wayNodes.count)
        var vertexOf = [Int32](repeating: -1, count: wayNodes.count)
        var barrierCopies: [Int32: Int32] = [:]
        let nodes = wayNodes.nodes, present = wayNodes.present, useCounts = wayNodes.useCounts
        func vertex(_ k: Int32) -> Int32 {
            let node = nodes[Int(k)]
            if node.blocks {
                // Each road end at a blocking barrier gets its own node: nothing passes.
                let copy = barrierCopies[k, default: 0] + 1
                barrierCopies[k] = copy
                vertexOSMID.append(wayNodes.id(k)); vertexCopy.append(copy); coordinates.append(node.coordinate)
                return Int32(vertexOSMID.count - 1)
            }
            if vertexOf[Int(k)] >= 0 { return vertexOf[Int(k)] }
            vertexOSMID.append(wayNodes.id(k)); vertexCopy.append(0); coordinates.append(node.coordinate)
            vertexOf[Int(k)] = Int32(vertexOSMID.count - 1)
            return vertexOf[Int(k)]
        }
        let boundary = options.boundary
        var store = PieceStore()
        // A way of k nodes gives at most k − 1 pieces, and its polylines at most
        // 2k − 1 points while it is cut (each piece's first point is a copy). Capacity
        // reserved from these bounds is never copied by growth, and what the bound
        // over-counts is address space never touched (docs/decisions.md, third round).
        let refCount = wayNodes.refs.count
        var pieceBound = 0
        for w in ways.indices { pieceBound += max(0, wayNodes.refStart[w + 1] - wayNodes.refStart[w] - 1) }
        store.pieces.reserveCapacity(pieceBound)
        store.geometry.reserveCapacity(refCount + pieceBound)
        // Per way, its bundle class: one look-up per way instead of one per edge.
        var wayClass: [RoadClass] = []
        wayClass.reserveCapacity(ways.count)
        // Lengths per highway value are summed in the same order as before (piece by
        // piece), through an index per value instead of a String-keyed dictionary.
        var highwaySlot: [String: Int] = [:]
        var lengthSums: [Double?] = [] // nil until a piece of that class is measured
        var inside: [Bool] = []
        for (w, way) in ways.enumerated() {
            let refs = wayNodes.refs[wayNodes.refStart[w]..<wayNodes.refStart[w + 1]]
            inside.removeAll(keepingCapacity: true)
            var cut = false
            for k in refs {
                let ok = present[Int(k)] && (boundary?.contains(nodes[Int(k)].coordinate) ?? true)
                inside.append(ok)
                if !ok { cut = true }
            }
            if cut { report.waysCut += 1 }
            let slot: Int
            if let s = highwaySlot[way.attributes.highway] { slot = s } else {
                slot = lengthSums.count
                highwaySlot[way.attributes.highway] = slot
                lengthSums.append(report.lengthKmByHighway[way.attributes.highway])
            }
            wayClass.append(OSMSpeeds.roadClass(ofHighway: way.attributes.highway))
            let firstPiece = store.pieces.count
            var i = 0
            let base = refs.startIndex
            while i < refs.count {
                guard inside[i] else { i += 1; continue }
                var j = i
                while j + 1 < refs.count && inside[j + 1] { j += 1 }
                if j > i {
                    cutPieces(way, wayIndex: Int32(w), refs: refs, base: base, from: i, to: j, nodes: nodes, useCounts: useCounts,
                              vertex: vertex, lengthSum: &lengthSums[slot], into: &store)
                }
                i = j + 1
            }
            applyFerrySpeed(way, pieces: &store.pieces[firstPiece...])
        }
        for (highway, slot) in highwaySlot { if let sum = lengthSums[slot] { report.lengthKmByHighway[highway] = sum } }
        report.blockingBarriers = barrierCopies.count
        report.nodesBeforeFilter = vertexOSMID.count
        report.edgesBeforeFilter = store.pieces.count
        // Every vertex's name, made on the other core while the components and the
        // contraction run on this one (only the kept ones are used).
        let prefix = nodePrefix, ids = vertexOSMID, copyNumbers = vertexCopy
        let names = BackgroundValue { () -> [String] in
            ids.indices.map { v in copyNumbers[v] == 0 ? "\(prefix)\(ids[v])" : "\(prefix)\(ids[v])b\(copyNumbers[v])" }
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
        let shapes = EdgeShapes(coordinates: shapeCoordinates, wayIDs: wayIDs)
        var edges: [ImportedRoadNetwork.Edge] = []
        edges.reserveCapacity(store.pieces.count)
        outNodes.reserveCapacity(vertexOSMID.count)
        var g: Int32 = 0
        for p in store.pieces {
            let a = renumber(p.a), b = renumber(p.b)
            let at = ways[Int(p.way)].attributes
            let geometry = compact ? g..<g + p.geometryCount : p.geometryStart..<p.geometryStart + p.geometryCount
            g += p.geometryCount
            let wayRange = p.wayList < 0 ? p.way..<p.way + 1
                : listStart[Int(p.wayList)]..<listStart[Int(p.wayList)] + Int32(store.wayLists[Int(p.wayList)].count)
            edges.append(.init(from: a, to: b, lengthKm: p.lengthKm, highway: at.highway, roadClass: wayClass[Int(p.way)],
                               speedKmh: p.speedKmh, oneway: p.oneway, bridge: at.bridge, tunnel: at.tunnel, ford: p.ford,
                               ferry: at.highway == "ferry", name: at.name, shapes: shapes, geometryRange: geometry,
                               geometryReversed: !compact && p.reversed, wayIDRange: wayRange))
        }
        guard !edges.isEmpty else {
            throw .emptyNetwork(reason: .nothingLeft(ways: report.waysByHighway.values.reduce(0, +)))
        }
        return ImportedRoadNetwork(nodes: outNodes, edges: edges, report: report)
    }

    /// Splits `refs[base + from ... base + to]` (all present) at junctions, barriers and fords.
    private mutating func cutPieces(_ way: KeptWay, wayIndex: Int32, refs: ArraySlice<Int32>, base: Int, from: Int, to: Int,
                                    nodes: [KeptNode], useCounts: [Int32], vertex: (Int32) -> Int32, lengthSum: inout Double?,
                                    into store: inout PieceStore) {
        let at = way.attributes
        let speed = min(at.maxspeedKmh ?? options.speeds[at.highway] ?? 10, options.profile.maxSpeedKmh)
        let oneway = at.direction != .both
        var startNode = nodes[Int(refs[base + from])]
        var start = vertex(refs[base + from])
        var geometryStart = store.geometry.count
        store.geometry.append(startNode.coordinate)
        var last = startNode.coordinate
        var length = 0.0
        var fordHere = at.ford || startNode.ford
        for k in (from + 1)...to {
            let ref = refs[base + k]
            let node = nodes[Int(ref)]
            length += last.distanceKm(to: node.coordinate)
            last = node.coordinate
            store.geometry.append(node.coordinate)
            let isVertex = k == to || useCounts[Int(ref)] >= 2 || node.blocks || node.ford
            guard isVertex else { continue }
            let end = vertex(ref)
            fordHere = fordHere || node.ford
            lengthSum = (lengthSum ?? 0) + length
            let count = store.geometry.count - geometryStart
            if oneway { report.onewayPieces += count - 1 }
            if start != end {
                var piece = Piece(a: start, b: end, geometryStart: Int32(geometryStart), geometryCount: Int32(count), reversed: false,
                                  way: wayIndex, wayList: -1, lengthKm: length, speedKmh: speed, ford: fordHere, oneway: oneway)
                if at.direction == .backward {
                    swap(&piece.a, &piece.b)
                    piece.reversed = true
                }
                store.pieces.append(piece)
            } else {
                store.geometry.removeLast(count) // a loop onto one node is no road
            }
            // The next piece starts at this node: a copy of its coordinate begins its range.
            geometryStart = store.geometry.count
            store.geometry.append(node.coordinate)
            // A blocking barrier ends this piece on one copy and starts the next on another.
            startNode = node
            start = node.blocks ? vertex(ref) : end
            length = 0
            fordHere = at.ford || node.ford
        }
        // The last piece end's copy that began no piece.
        store.geometry.removeLast()
    }

    /// A ferry with a `duration` moves at its whole length over that time.
    private func applyFerrySpeed(_ way: KeptWay, pieces: inout ArraySlice<Piece>) {
        guard let hours = way.attributes.ferryHours else { return }
        let total = pieces.reduce(0) { $0 + $1.lengthKm }
        guard total > 0 else { return }
        // A tiny ferry with a long duration would move slower than roads.csv can write.
        for i in pieces.indices { pieces[i].speedKmh = max(OSMTagRules.slowestSpeedKmh, total / hours) }
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
