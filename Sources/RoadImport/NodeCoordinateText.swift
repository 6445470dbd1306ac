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

    init(_ coordinates: [GeoCoordinate]) {
        count = coordinates.count
        // 16 spare bytes: a copy reads 16 bytes from a text's start.
        base = .allocate(capacity: count * Self.stride + 16)
        (base + count * Self.stride).initialize(repeating: 0, count: 16)
        fill(coordinates)
    }

    deinit { base.deallocate() }

    private func fill(_ coordinates: [GeoCoordinate]) {
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
            for (v, coordinate) in coordinates.enumerated() {
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

    /// Vertex `v`'s latitude (at most 24 bytes).
    @inline(__always) func putLatitude(_ v: Int, _ value: Double, to row: inout RowCursor) {
        put(base + v * Self.stride, value, to: &row)
    }

    /// Vertex `v`'s longitude (at most 24 bytes).
    @inline(__always) func putLongitude(_ v: Int, _ value: Double, to row: inout RowCursor) {
        put(base + v * Self.stride + 16, value, to: &row)
    }

    @inline(__always) private func put(_ slot: UnsafeMutablePointer<UInt8>, _ value: Double, to row: inout RowCursor) {
        let n = slot[0]
        if n != Self.uncached { row.putShort(slot + 1, length: Int(n)) } else { row.putFixed(value, decimals: 7) }
    }

    /// Vertex `v`'s position as WKT's `lon lat` from its text (at most 49 bytes);
    /// `position` (its coordinate) is read only for a number too long to have been kept.
    @inline(__always) func putPoint(_ v: Int, _ position: UnsafePointer<GeoCoordinate>, to row: inout RowCursor) {
        let slot = base + v * Self.stride
        if slot[16] != Self.uncached { row.putShort(slot + 17, length: Int(slot[16])) } else { row.putFixed(position.pointee.longitude, decimals: 7) }
        row.put(UInt8(ascii: " "))
        if slot[0] != Self.uncached { row.putShort(slot + 1, length: Int(slot[0])) } else { row.putFixed(position.pointee.latitude, decimals: 7) }
    }
}
