import CPrefetch
import Foundation
import RoadNetwork

extension OSMNetworkBuilder {
    /// Ways cut into pieces: the vertices in order of first use, the pieces and their
    /// shared geometry, and the counts the report takes from cutting.
    struct Cutting: Sendable {
        var vertexOSMID: [Int64] = [], vertexCopy: [Int32] = []
        /// The dense node of each vertex: its position, and the join of several parts'
        /// numberings.
        var vertexNode: [Int32] = []
        /// Dense node → its vertex, −1 before its first use (barrier copies aside).
        var vertexOf: [Int32]
        /// Per blocking barrier node, how many road ends it has had.
        var barrierCopies: [Int32: Int32] = [:]
        /// Pieces written so far, at the part's place in the shared buffer.
        var pieceCount = 0
        var waysCut = 0, onewayPieces = 0
        /// Per way cut, its bundle class: one look-up per way instead of one per edge.
        var wayClass: [RoadClass] = []
        /// Per way, its pieces' speed in km/h (the class or `maxspeed` speed, capped by the
        /// profile, or a ferry's length over its `duration`).
        var waySpeed: [Double] = []
        /// Lengths per highway value, summed piece by piece in way order.
        var highwaySlot: [String: Int] = [:]
        var lengthSums: [Double?] = [] // nil until a piece of that class is measured
        /// Parts after the first keep each piece length as measured instead (and how many
        /// per way), so that the joined sums add them in the sequential order.
        let recordsLengths: Bool
        var measuredLengths: [Double] = [], measuredPerWay: [Int32] = [], waySlot: [Int32] = []

        init(nodeCount: Int, recordsLengths: Bool) {
            vertexOf = [Int32](repeating: -1, count: nodeCount)
            self.recordsLengths = recordsLengths
        }
    }

    /// How many parts the ways are cut in: one per core on a large import, one on a
    /// small one (joining the parts costs more than a second thread saves there).
    static func cuttingParts(refCount: Int, wayCount: Int) -> Int {
        guard refCount >= 200_000 else { return 1 }
        return max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4, wayCount))
    }

    /// Cuts `ways` into pieces in `parts` runs of consecutive ways, concurrently, and
    /// joins them into what one run over all ways gives, vertex numbers included.
    ///
    /// Vertices are numbered in order of first use, and that numbering decides the
    /// components' tie-break and the contraction's order, so it must not depend on the
    /// parts. Each part numbers its vertices from 0 in its own order of first use; the
    /// first part's numbering is the global one, and each later part, in turn, keeps the
    /// vertex of every node an earlier part already numbered and numbers its other
    /// vertices after all earlier ones, in its own order — exactly the numbers one run
    /// would have given them, as a later part's ways all come after the earlier parts'.
    /// Barrier copies count on from the earlier parts' copies of the same node. Its
    /// length sums are added in piece order (docs/decisions.md, "OSM import speed,
    /// fifth round").
    ///
    /// All parts write their pieces into one array, each from the bound on the pieces
    /// of the ways before it; a later part's pieces are moved down to follow the ones
    /// before (on a grid the bounds are exact and nothing moves). A polyline is a range
    /// of the ways' references, so no geometry is copied at all (sixth round).
    func cutWays(_ ways: [KeptWay], nodes wayNodes: WayNodes, parts: Int) -> (Cutting, [Piece]) {
        let refStart = wayNodes.refStart
        // Part boundaries at ways, near equal shares of node references, the first part
        // a little larger: the others start later and also keep their lengths.
        var bounds = [0]
        var w = 0
        for p in 1..<max(1, parts) {
            let target = wayNodes.refs.count * (p * 100 + (parts - p) * 8) / (parts * 100)
            while w < ways.count && refStart[w] < target { w += 1 }
            if w > bounds.last! && w < ways.count { bounds.append(w) }
        }
        bounds.append(ways.count)
        // A way of k nodes gives at most k − 1 pieces: where each part starts writing.
        var pieceStart = [0]
        for p in 0..<bounds.count - 1 {
            var bound = pieceStart[p]
            for w in bounds[p]..<bounds[p + 1] { bound += max(0, refStart[w + 1] - refStart[w] - 1) }
            pieceStart.append(bound)
        }
        let cutter = self, partWays = bounds, partPieces = pieceStart
        var whole = Cutting(nodeCount: 0, recordsLengths: false)
        let pieces = [Piece](unsafeUninitializedCapacity: max(1, pieceStart.last!)) { buffer, count in
            let base = UncheckedSendable(buffer.baseAddress!)
            let later = (1..<bounds.count - 1).map { p in
                BackgroundValue {
                    cutter.cut(ways, partWays[p]..<partWays[p + 1], nodes: wayNodes, recordsLengths: true, into: base.value + partPieces[p])
                }
            }
            whole = cut(ways, bounds[0]..<bounds[1], nodes: wayNodes, recordsLengths: false, into: base.value,
                        reservingVertices: refStart[ways.count] - refStart[0])
            for (k, part) in later.enumerated() {
                join(part.value, pieces: base.value + pieceStart[k + 1], into: &whole, at: base.value + whole.pieceCount)
            }
            count = whole.pieceCount
        }
        return (whole, pieces)
    }

    /// Appends `part` (the ways after those of `whole`) to `whole`: its vertices
    /// renumbered, its `part.pieceCount` pieces at `source` moved to `target` (at or
    /// before `source`) with their ends renumbered.
    private func join(_ part: Cutting, pieces source: UnsafeMutablePointer<Piece>, into whole: inout Cutting,
                      at target: UnsafeMutablePointer<Piece>) {
        var vertexMap = [Int32](repeating: 0, count: part.vertexOSMID.count)
        let copiesBefore = whole.barrierCopies
        let vertexCount = whole.vertexOSMID.count
        let extra = part.vertexOSMID.count
        // The part's vertices at nodes an earlier part numbered are not added: at most one
        // vertex per node, plus the barrier copies, in all. Reserving for all of the
        // part's (the nodes shared at its start counted twice) outgrew the first part's
        // room and copied its vertex arrays, 54 MB on the grid, on one core.
        let copies = whole.barrierCopies.values.reduce(0) { $0 + Int($1) } + part.barrierCopies.values.reduce(0) { $0 + Int($1) }
        let room = min(vertexCount + extra, whole.vertexOf.count + copies)
        whole.vertexOSMID.reserveCapacity(room)
        whole.vertexCopy.reserveCapacity(room)
        whole.vertexNode.reserveCapacity(room)
        part.vertexNode.withUnsafeBufferPointer { nodeOf in
            part.vertexCopy.withUnsafeBufferPointer { copyOf in
                vertexMap.withUnsafeMutableBufferPointer { vertexMap in
                    for v in 0..<extra {
                        let k = nodeOf[v]
                        if copyOf[v] > 0 {
                            // Copy numbers count on from the earlier parts' copies of this node.
                            let number = (copiesBefore[k] ?? 0) + copyOf[v]
                            whole.barrierCopies[k] = number
                            vertexMap[v] = Int32(whole.vertexOSMID.count)
                            whole.append(vertex: part.vertexOSMID[v], copy: number, node: k)
                        } else if whole.vertexOf[Int(k)] >= 0 {
                            vertexMap[v] = whole.vertexOf[Int(k)]
                        } else {
                            vertexMap[v] = Int32(whole.vertexOSMID.count)
                            whole.vertexOf[Int(k)] = vertexMap[v]
                            whole.append(vertex: part.vertexOSMID[v], copy: 0, node: k)
                        }
                    }
                }
            }
        }
        // Forwards, one at a time: the target never overtakes the source.
        vertexMap.withUnsafeBufferPointer { vertexMap in
            for i in 0..<part.pieceCount {
                var piece = source[i]
                piece.a = vertexMap[Int(piece.a)]
                piece.b = vertexMap[Int(piece.b)]
                target[i] = piece
            }
        }
        whole.pieceCount += part.pieceCount
        whole.waysCut += part.waysCut
        whole.onewayPieces += part.onewayPieces
        whole.wayClass += part.wayClass
        whole.waySpeed += part.waySpeed
        // The part's lengths, added to the sums in the order one run would have added them.
        let globalSlot = part.highwaySlot.sorted { $0.value < $1.value }.map { whole.slot(of: $0.key) }
        var next = 0
        for (w, count) in part.measuredPerWay.enumerated() {
            let slot = globalSlot[Int(part.waySlot[w])]
            for _ in 0..<Int(count) {
                whole.lengthSums[slot] = (whole.lengthSums[slot] ?? 0) + part.measuredLengths[next]
                next += 1
            }
        }
    }

    /// Cuts `ways[range]` with vertices numbered from 0, writing its pieces from
    /// `pieces` on (room for at most k − 1 per way of k nodes), with room for the
    /// vertices of `reservingVertices` references (the first part keeps every part's).
    private func cut(_ ways: [KeptWay], _ range: Range<Int>, nodes wayNodes: WayNodes, recordsLengths: Bool,
                     into pieces: UnsafeMutablePointer<Piece>, reservingVertices: Int? = nil) -> Cutting {
        var out = Cutting(nodeCount: wayNodes.count, recordsLengths: recordsLengths)
        let refStart = wayNodes.refStart
        // At most one vertex per node, except barrier copies (rare). Capacity reserved
        // from this bound is never copied by growth, and what it over-counts is address
        // space never touched (docs/decisions.md, third round).
        let refCount = reservingVertices ?? (refStart[range.upperBound] - refStart[range.lowerBound])
        let vertexBound = min(wayNodes.count, refCount)
        out.vertexOSMID.reserveCapacity(vertexBound)
        out.vertexCopy.reserveCapacity(vertexBound)
        out.vertexNode.reserveCapacity(vertexBound)
        out.wayClass.reserveCapacity(reservingVertices == nil ? range.count : ways.count)
        out.waySpeed.reserveCapacity(reservingVertices == nil ? range.count : ways.count)
        if recordsLengths {
            var pieceBound = 0
            for w in range { pieceBound += max(0, refStart[w + 1] - refStart[w] - 1) }
            out.measuredLengths.reserveCapacity(pieceBound)
            out.measuredPerWay.reserveCapacity(range.count)
            out.waySlot.reserveCapacity(range.count)
        }
        let boundary = options.boundary.map(BoundaryTest.init)
        // The node arrays opened once: through the arrays, each way's slice and each
        // call retained and released their buffers, a fifth of an import with `--bbox`.
        ways.withUnsafeBufferPointer { ways in
        wayNodes.refs.withUnsafeBufferPointer { allRefs in
        wayNodes.nodes.withUnsafeBufferPointer { nodes in
        wayNodes.present.withUnsafeBufferPointer { present in
        wayNodes.useCounts.withUnsafeBufferPointer { useCounts in
        wayNodes.index.ids.withUnsafeBufferPointer { ids in
            var inside: [Bool] = []
            // The last highway value seen: its sums' slot, class and class speed.
            var byHighway: (highway: String, slot: Int, roadClass: RoadClass, speed: Double?) = ("", 0, .urban, nil)
            for w in range {
                let first = refStart[w], count = refStart[w + 1] - first
                // A way's nodes are scattered over the node records (on the grid a
                // north–south way's are a row apart), and the cutting waited on each in
                // turn: those of the way two ahead are asked for now.
                if w + 2 < range.upperBound {
                    for k in allRefs[refStart[w + 2]..<refStart[w + 3]] {
                        er_prefetch(nodes.baseAddress! + Int(k))
                        er_prefetch(useCounts.baseAddress! + Int(k))
                        prefetch(out.vertexOf, Int(k))
                    }
                }
                inside.removeAll(keepingCapacity: true)
                var cut = false
                for k in allRefs[first..<first + count] {
                    let ok = present[Int(k)] && (boundary?.contains(nodes[Int(k)].coordinate) ?? true)
                    inside.append(ok)
                    if !ok { cut = true }
                }
                if cut { out.waysCut += 1 }
                let at = ways[w].attributes
                // A way's class values are its highway's: looked up once per run of ways
                // with one highway value, not hashed per way (three look-ups of a string
                // per way were about a twentieth of the cutting's samples).
                if at.highway != byHighway.highway {
                    byHighway = (at.highway, out.slot(of: at.highway), OSMSpeeds.roadClass(ofHighway: at.highway), options.speeds[at.highway])
                }
                let slot = byHighway.slot
                out.wayClass.append(byHighway.roadClass)
                out.waySpeed.append(min(at.maxspeedKmh ?? byHighway.speed ?? 10, options.profile.maxSpeedKmh))
                let firstPiece = out.pieceCount, firstMeasured = out.measuredLengths.count
                var i = 0
                while i < count {
                    guard inside[i] else { i += 1; continue }
                    var j = i
                    while j + 1 < count && inside[j + 1] { j += 1 }
                    if j > i {
                        cutPieces(at, wayIndex: Int32(w), refs: allRefs, base: first, from: i, to: j, nodes: nodes, useCounts: useCounts,
                                  slot: slot, ids: ids, into: &out, pieces: pieces)
                    }
                    i = j + 1
                }
                if recordsLengths {
                    out.measuredPerWay.append(Int32(out.measuredLengths.count - firstMeasured))
                    out.waySlot.append(Int32(slot))
                }
                if let speed = ferrySpeed(at, pieces: UnsafeBufferPointer(start: pieces + firstPiece, count: out.pieceCount - firstPiece)) {
                    out.waySpeed[out.waySpeed.count - 1] = speed
                }
            }
        } } } } } }
        return out
    }

    /// Splits `refs[base + from ... base + to]` (all present) at junctions, barriers
    /// and fords; each piece's polyline is the range of `refs` it spans.
    private func cutPieces(_ at: OSMWayAttributes, wayIndex: Int32, refs: UnsafeBufferPointer<Int32>, base: Int, from: Int, to: Int,
                           nodes: UnsafeBufferPointer<KeptNode>, useCounts: UnsafeBufferPointer<Int32>, slot: Int,
                           ids: UnsafeBufferPointer<Int64>, into out: inout Cutting, pieces: UnsafeMutablePointer<Piece>) {
        let oneway = at.direction != .both
        var startNode = nodes[Int(refs[base + from])]
        var start = out.vertex(refs[base + from], startNode, ids)
        var startK = from
        var last = startNode.coordinate, lastCos = startNode.cosLatitude
        var length = 0.0
        var fordHere = at.ford || startNode.ford
        for k in (from + 1)...to {
            let ref = refs[base + k]
            let node = nodes[Int(ref)]
            length += last.distanceKm(to: node.coordinate, cosLatitude: lastCos, otherCosLatitude: node.cosLatitude)
            last = node.coordinate
            lastCos = node.cosLatitude
            let isVertex = k == to || useCounts[Int(ref)] >= 2 || node.blocks || node.ford
            guard isVertex else { continue }
            let end = out.vertex(ref, node, ids)
            fordHere = fordHere || node.ford
            if out.recordsLengths { out.measuredLengths.append(length) } else { out.lengthSums[slot] = (out.lengthSums[slot] ?? 0) + length }
            let count = k - startK + 1
            if oneway { out.onewayPieces += count - 1 }
            if start != end { // a loop onto one node is no road
                var piece = Piece(a: start, b: end, geometryStart: Int32(base + startK), geometryCount: Int32(count), reversed: false,
                                  way: wayIndex, wayList: -1, lengthKm: length, ford: fordHere, oneway: oneway)
                if at.direction == .backward {
                    swap(&piece.a, &piece.b)
                    piece.reversed = true
                }
                (pieces + out.pieceCount).initialize(to: piece)
                out.pieceCount += 1
            }
            // The next piece starts at this node. A blocking barrier ends this piece on
            // one copy and starts the next on another.
            startK = k
            startNode = node
            start = node.blocks ? out.vertex(ref, node, ids) : end
            length = 0
            fordHere = at.ford || node.ford
        }
    }

    /// A ferry with a `duration` moves at its whole length over that time; nil for
    /// other ways (and a ferry with nothing left of it).
    private func ferrySpeed(_ at: OSMWayAttributes, pieces: UnsafeBufferPointer<Piece>) -> Double? {
        guard let hours = at.ferryHours else { return nil }
        let total = pieces.reduce(0) { $0 + $1.lengthKm }
        guard total > 0 else { return nil }
        // A tiny ferry with a long duration would move slower than roads.csv can write.
        return max(OSMTagRules.slowestSpeedKmh, total / hours)
    }
}
extension OSMNetworkBuilder.Cutting {
    /// The vertex of dense node `k` at a road end: its one vertex, or at a blocking
    /// barrier a new copy for each road end (nothing passes).
    @inline(__always)
    mutating func vertex(_ k: Int32, _ node: KeptNode, _ ids: UnsafeBufferPointer<Int64>) -> Int32 {
        if node.blocks {
            let copy = barrierCopies[k, default: 0] + 1
            barrierCopies[k] = copy
            append(vertex: ids[Int(k)], copy: copy, node: k)
            return Int32(vertexOSMID.count - 1)
        }
        if vertexOf[Int(k)] >= 0 { return vertexOf[Int(k)] }
        vertexOf[Int(k)] = Int32(vertexOSMID.count)
        append(vertex: ids[Int(k)], copy: 0, node: k)
        return vertexOf[Int(k)]
    }

    mutating func append(vertex id: Int64, copy: Int32, node: Int32) {
        vertexOSMID.append(id)
        vertexCopy.append(copy)
        vertexNode.append(node)
    }

    /// The sums' slot of a highway value, made on its first use.
    mutating func slot(of highway: String) -> Int {
        if let s = highwaySlot[highway] { return s }
        highwaySlot[highway] = lengthSums.count
        lengthSums.append(nil)
        return lengthSums.count - 1
    }
}
