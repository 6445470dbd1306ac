import CPrefetch
import RoadNetwork

/// Every vertex's latitude and longitude as the road tables print them (7 decimals),
/// formatted once for `nodes.csv` and for the ends of each road's WKT.
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
    // Per vertex, 32 bytes: latitude's length, its text (≤ 15 bytes), longitude's length,
    // its text. A length of `uncached` means the number is longer (only when a
    // coordinate is far out of range) and is formatted where it is used. Written by
    // `init` only; read-only after.
    private static let stride = 32, uncached: UInt8 = 0xFF
    private let base: UnsafeMutablePointer<UInt8>
    private let count: Int

    /// The text of each vertex's position, `points[vertexPoint[v]]`.
    init(points: [KeptNode], vertexPoint: [Int32]) {
        count = vertexPoint.count
        // 16 spare bytes: a copy reads 16 bytes from a text's start.
        base = .allocate(capacity: count * Self.stride + 16)
        (base + count * Self.stride).initialize(repeating: 0, count: 16)
        fill(points: points, vertexPoint: vertexPoint)
    }

    deinit { base.deallocate() }

    private func fill(points: [KeptNode], vertexPoint: [Int32]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: FixedDecimal.maximumCount) { scratch in
            let scratch = scratch.baseAddress!
            func put(_ value: Double, at slot: UnsafeMutablePointer<UInt8>) {
                if let n = FixedDecimal.write(value, decimals: 7, to: scratch), n <= 15 {
                    slot[0] = UInt8(n)
                    (slot + 1).update(from: scratch, count: n)
                } else {
                    slot[0] = Self.uncached
                }
            }
            for (v, point) in vertexPoint.enumerated() {
                let coordinate = points[Int(point)].coordinate
                let slot = base + v * Self.stride
                slot.initialize(repeating: 0, count: Self.stride)
                put(coordinate.latitude, at: slot)
                put(coordinate.longitude, at: slot + 16)
            }
        }
    }

    /// Asks for the text of `piece`'s two vertices to be brought into the cache.
    @inline(__always) func prefetchEnds(of piece: UnsafePointer<OSMNetworkBuilder.Piece>) {
        er_prefetch(base + Int(piece.pointee.a) * Self.stride)
        er_prefetch(base + Int(piece.pointee.b) * Self.stride)
    }

    /// Vertex `v`'s latitude (at most 24 bytes); `store` is read for its position only when
    /// the number was too long to be kept. (The rows' own raw buffers, not a closure: a
    /// closure capturing them copied the rows' struct, and its reference count, per row.)
    @inline(__always) func putLatitude(_ v: Int, _ store: borrowing StoreRows, to row: inout RowCursor) {
        let slot = base + v * Self.stride
        if slot[0] != Self.uncached { row.putShort(slot + 1, length: Int(slot[0])) } else { row.putFixed(store.position(vertex: v).latitude, decimals: 7) }
    }

    /// Vertex `v`'s longitude (at most 24 bytes), as ``putLatitude(_:_:to:)``.
    @inline(__always) func putLongitude(_ v: Int, _ store: borrowing StoreRows, to row: inout RowCursor) {
        let slot = base + v * Self.stride
        if slot[16] != Self.uncached { row.putShort(slot + 17, length: Int(slot[16])) } else { row.putFixed(store.position(vertex: v).longitude, decimals: 7) }
    }

    /// Vertex `v`'s position as WKT's `lon lat` from its text (at most 49 bytes), as
    /// ``putLatitude(_:_:to:)``.
    @inline(__always) func putPoint(_ v: Int, _ store: borrowing StoreRows, to row: inout RowCursor) {
        putLongitude(v, store, to: &row)
        row.put(UInt8(ascii: " "))
        putLatitude(v, store, to: &row)
    }
}
