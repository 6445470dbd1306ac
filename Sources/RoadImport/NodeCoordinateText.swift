import CPrefetch
import RoadNetwork

/// Every vertex's latitude and longitude as the road tables print them (7 decimals), and
/// its node id, formatted once for `nodes.csv`, for the ends of each road's WKT and for
/// each road's `from` and `to`.
///
/// A road's polyline begins and ends at its vertices' coordinates, so on an import where
/// most roads are a block between two junctions most numbers of `roads.csv` repeat a
/// node's: on the 1300² grid of `scripts/bench_import.py` 13.5 million of the 17
/// million coordinates written (docs/decisions.md, "OSM import speed, fifth round").
/// Their text is copied from here; the bytes are the ones formatting them would give.
/// The builder makes it on the second core while the first finds the components and
/// contracts chains (docs/decisions.md, "seventh round"), for every vertex the cutting
/// made, kept or not.
final class NodeCoordinateText: @unchecked Sendable {
    // Per vertex, 48 bytes: latitude's length, its text (≤ 15 bytes), longitude's length,
    // its text, the node id's length and its text (`n123`, `n123b2`). A length of
    // `uncached` means the text is longer (a coordinate far out of range, an id of more
    // than 15 bytes) and is formatted where it is used. Written by `init` only;
    // read-only after. The id is here too, next to the position the same rows read
    // (formatting two ids per road from digits was about a seventh of the writer's
    // samples; docs/decisions.md, "eighth round").
    private static let stride = 48, uncached: UInt8 = 0xFF
    private static let latitudeAt = 0, longitudeAt = 16, nameAt = 32
    private let base: UnsafeMutablePointer<UInt8>
    private let count: Int

    /// The text of each vertex's position, `points[vertexPoint[v]]`, and of its node id,
    /// `<prefix><vertexOSMID[v]>` or `<prefix><vertexOSMID[v]>b<vertexCopy[v]>`.
    init(points: [KeptNode], vertexPoint: [Int32], vertexOSMID: [Int64], vertexCopy: [Int32], prefix: String) {
        count = vertexPoint.count
        // 16 spare bytes: a copy reads 16 bytes from a text's start.
        base = .allocate(capacity: count * Self.stride + 16)
        (base + count * Self.stride).initialize(repeating: 0, count: 16)
        fill(points: points, vertexPoint: vertexPoint, vertexOSMID: vertexOSMID, vertexCopy: vertexCopy, prefix: Array(prefix.utf8))
    }

    deinit { base.deallocate() }

    private func fill(points: [KeptNode], vertexPoint: [Int32], vertexOSMID: [Int64], vertexCopy: [Int32], prefix: [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: FixedDecimal.maximumCount + 48) { scratch in
            let scratch = scratch.baseAddress!
            func keep(_ n: Int, at slot: UnsafeMutablePointer<UInt8>) {
                if n <= 15 {
                    slot[0] = UInt8(n)
                    (slot + 1).update(from: scratch, count: n)
                } else {
                    slot[0] = Self.uncached
                }
            }
            func put(_ value: Double, at slot: UnsafeMutablePointer<UInt8>) {
                keep(FixedDecimal.write(value, decimals: 7, to: scratch) ?? 16, at: slot)
            }
            for (v, point) in vertexPoint.enumerated() {
                let coordinate = points[Int(point)].coordinate
                let slot = base + v * Self.stride
                slot.initialize(repeating: 0, count: Self.stride)
                put(coordinate.latitude, at: slot + Self.latitudeAt)
                put(coordinate.longitude, at: slot + Self.longitudeAt)
                let n = prefix.withUnsafeBytes { OSMNetworkBuilder.writeVertexName(prefix: $0, id: vertexOSMID[v], copy: vertexCopy[v], to: scratch) }
                keep(n, at: slot + Self.nameAt)
            }
        }
    }

    /// Asks for the text of `piece`'s two vertices to be brought into the cache (a slot
    /// may span two lines).
    @inline(__always) func prefetchEnds(of piece: UnsafePointer<OSMNetworkBuilder.Piece>) {
        let a = base + Int(piece.pointee.a) * Self.stride, b = base + Int(piece.pointee.b) * Self.stride
        er_prefetch(a)
        er_prefetch(a + Self.stride - 1)
        er_prefetch(b)
        er_prefetch(b + Self.stride - 1)
    }

    /// Vertex `v`'s node id (at most 48 bytes); `store` writes it from its digits only
    /// when it was too long to be kept.
    @inline(__always) func putName(_ v: Int, _ store: borrowing StoreRows, to row: inout RowCursor) {
        let slot = base + v * Self.stride + Self.nameAt
        if slot[0] != Self.uncached { row.putShort(slot + 1, length: Int(slot[0])) } else { store.putName(vertex: v, to: &row) }
    }

    /// Vertex `v`'s latitude (at most 24 bytes); `store` is read for its position only when
    /// the number was too long to be kept. (The rows' own raw buffers, not a closure: a
    /// closure capturing them copied the rows' struct, and its reference count, per row.)
    @inline(__always) func putLatitude(_ v: Int, _ store: borrowing StoreRows, to row: inout RowCursor) {
        let slot = base + v * Self.stride + Self.latitudeAt
        if slot[0] != Self.uncached { row.putShort(slot + 1, length: Int(slot[0])) } else { row.putFixed(store.position(vertex: v).latitude, decimals: 7) }
    }

    /// Vertex `v`'s longitude (at most 24 bytes), as ``putLatitude(_:_:to:)``.
    @inline(__always) func putLongitude(_ v: Int, _ store: borrowing StoreRows, to row: inout RowCursor) {
        let slot = base + v * Self.stride + Self.longitudeAt
        if slot[0] != Self.uncached { row.putShort(slot + 1, length: Int(slot[0])) } else { row.putFixed(store.position(vertex: v).longitude, decimals: 7) }
    }

    /// Vertex `v`'s position as WKT's `lon lat` from its text (at most 49 bytes), as
    /// ``putLatitude(_:_:to:)``.
    @inline(__always) func putPoint(_ v: Int, _ store: borrowing StoreRows, to row: inout RowCursor) {
        putLongitude(v, store, to: &row)
        row.put(UInt8(ascii: " "))
        putLatitude(v, store, to: &row)
    }
}
