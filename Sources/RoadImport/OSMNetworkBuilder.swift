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
struct OSMNetworkBuilder {
    let options: OSMImportOptions
    /// Node ids are `<prefix><source id>`: `n` for OSM, `s` for shapefile vertices.
    let nodePrefix: String
    var report = ImportReport()

    /// A node-to-node piece of a way, oriented in its driving direction when one-way.
    struct Piece {
        var a: Int, b: Int
        var geometry: [GeoCoordinate]
        var lengthKm: Double
        var wayIDs: [Int64]
        var attributes: OSMWayAttributes
        var speedKmh: Double
        var ford: Bool
        var oneway: Bool
    }

    init(options: OSMImportOptions, nodePrefix: String = "n") {
        self.options = options
        self.nodePrefix = nodePrefix
    }

    /// How many times each node is referenced by the kept ways (junctions have ≥ 2).
    static func useCounts(_ ways: [KeptWay]) -> [Int64: Int32] {
        var counts: [Int64: Int32] = [:]
        for way in ways { for ref in way.refs { counts[ref, default: 0] += 1 } }
        return counts
    }

    mutating func build(ways: [KeptWay], nodes: [Int64: KeptNode], useCounts: [Int64: Int32]) throws(RoadImportError) -> ImportedRoadNetwork {
        var names: [String] = [], osmIDs: [Int64] = [], coordinates: [GeoCoordinate] = []
        var indexOf: [Int64: Int] = [:]
        var barrierCopies: [Int64: Int] = [:]
        let nodePrefix = self.nodePrefix
        func vertex(_ id: Int64, _ node: KeptNode) -> Int {
            if node.blocks {
                // Each road end at a blocking barrier gets its own node: nothing passes.
                let k = barrierCopies[id, default: 0] + 1
                barrierCopies[id] = k
                names.append("\(nodePrefix)\(id)b\(k)"); osmIDs.append(id); coordinates.append(node.coordinate)
                return names.count - 1
            }
            if let i = indexOf[id] { return i }
            names.append("\(nodePrefix)\(id)"); osmIDs.append(id); coordinates.append(node.coordinate)
            indexOf[id] = names.count - 1
            return names.count - 1
        }
        let boundary = options.boundary
        var pieces: [Piece] = []
        for way in ways {
            // Each node looked up once per way (the look-ups were the builder's main cost).
            let resolved: [KeptNode?] = way.refs.map { nodes[$0] }
            let present: [Bool] = resolved.map { node in
                guard let node else { return false }
                return boundary?.contains(node.coordinate) ?? true
            }
            if present.contains(false) { report.waysCut += 1 }
            let firstPiece = pieces.count
            var i = 0
            while i < way.refs.count {
                guard present[i] else { i += 1; continue }
                var j = i
                while j + 1 < way.refs.count && present[j + 1] { j += 1 }
                if j > i { cut(way, from: i, to: j, nodes: resolved, useCounts: useCounts, vertex: vertex, into: &pieces) }
                i = j + 1
            }
            applyFerrySpeed(way, pieces: &pieces[firstPiece...])
        }
        report.blockingBarriers = barrierCopies.count
        report.nodesBeforeFilter = names.count
        report.edgesBeforeFilter = pieces.count
        let keep = try largestComponent(nodeCount: names.count, pieces: pieces, coordinates: coordinates)
        pieces = pieces.filter { keep[$0.a] && keep[$0.b] }
        let protected = Set(barrierCopies.keys)
        pieces = contract(pieces, nodeCount: names.count, isProtected: { protected.contains(osmIDs[$0]) })
        // Renumber the nodes left, in order of first use.
        var newIndex = [Int](repeating: -1, count: names.count)
        var outNodes: [ImportedRoadNetwork.Node] = []
        func renumber(_ v: Int) -> Int {
            if newIndex[v] < 0 {
                newIndex[v] = outNodes.count
                outNodes.append(.init(name: names[v], osmID: osmIDs[v], coordinate: coordinates[v]))
            }
            return newIndex[v]
        }
        var edges: [ImportedRoadNetwork.Edge] = []
        edges.reserveCapacity(pieces.count)
        for p in pieces {
            let a = renumber(p.a), b = renumber(p.b)
            let at = p.attributes
            edges.append(.init(from: a, to: b, lengthKm: p.lengthKm, highway: at.highway,
                               roadClass: OSMSpeeds.roadClass(ofHighway: at.highway), speedKmh: p.speedKmh, oneway: p.oneway,
                               bridge: at.bridge, tunnel: at.tunnel, ford: p.ford, ferry: at.highway == "ferry",
                               name: at.name, wayIDs: p.wayIDs, geometry: p.geometry))
        }
        guard !edges.isEmpty else {
            throw .emptyNetwork(reason: "\(report.waysByHighway.values.reduce(0, +)) drivable ways read, none left after clipping and the component filter")
        }
        return ImportedRoadNetwork(nodes: outNodes, edges: edges, report: report)
    }

    /// Splits `way.refs[from...to]` (all present; `nodes[k]` is the node of `way.refs[k]`)
    /// at junctions, barriers and fords.
    private mutating func cut(_ way: KeptWay, from: Int, to: Int, nodes: [KeptNode?], useCounts: [Int64: Int32],
                              vertex: (Int64, KeptNode) -> Int, into pieces: inout [Piece]) {
        let at = way.attributes
        let speed = min(at.maxspeedKmh ?? options.speeds[at.highway] ?? 10, options.profile.maxSpeedKmh)
        var startNode = nodes[from]!
        var start = vertex(way.refs[from], startNode)
        var geometry = [startNode.coordinate]
        var length = 0.0
        var fordHere = at.ford || startNode.ford
        for k in (from + 1)...to {
            let ref = way.refs[k]
            let node = nodes[k]!
            length += geometry[geometry.count - 1].distanceKm(to: node.coordinate)
            geometry.append(node.coordinate)
            let isVertex = k == to || useCounts[ref, default: 0] >= 2 || node.blocks || node.ford
            guard isVertex else { continue }
            let end = vertex(ref, node)
            fordHere = fordHere || node.ford
            report.lengthKmByHighway[at.highway, default: 0] += length
            if at.direction != .both { report.onewayPieces += geometry.count - 1 }
            if start != end {
                var piece = Piece(a: start, b: end, geometry: geometry, lengthKm: length, wayIDs: [way.id], attributes: at,
                                  speedKmh: speed, ford: fordHere, oneway: at.direction != .both)
                if at.direction == .backward {
                    swap(&piece.a, &piece.b)
                    piece.geometry.reverse()
                }
                pieces.append(piece)
            }
            // A blocking barrier ends this piece on one copy and starts the next on another.
            startNode = node
            start = node.blocks ? vertex(ref, node) : end
            geometry = [node.coordinate]
            length = 0
            fordHere = at.ford || node.ford
        }
    }

    /// A ferry with a `duration` moves at its whole length over that time.
    private func applyFerrySpeed(_ way: KeptWay, pieces: inout ArraySlice<Piece>) {
        guard let hours = way.attributes.ferryHours else { return }
        let total = pieces.reduce(0) { $0 + $1.lengthKm }
        guard total > 0 else { return }
        for i in pieces.indices { pieces[i].speedKmh = total / hours }
    }

    /// Marks the nodes of the largest strongly connected component and reports the rest.
    private mutating func largestComponent(nodeCount: Int, pieces: [Piece], coordinates: [GeoCoordinate]) throws(RoadImportError) -> [Bool] {
        var builder = RoadGraphBuilder(nodeCount: nodeCount, lengthUnit: .fileUnit)
        do {
            for p in pieces {
                try builder.addRoad(from: NodeID(Int32(p.a)), to: NodeID(Int32(p.b)), lengthKm: p.lengthKm, oneWay: p.oneway)
            }
        } catch {
            throw .emptyNetwork(reason: "the graph cannot be built: \(error)")
        }
        let labels = builder.build().stronglyConnectedComponents()
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
