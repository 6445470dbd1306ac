import CPrefetch
import Dispatch
import RoadNetwork

/// Every node's latitude and longitude as the road tables print them (7 decimals),
/// formatted once, on all cores, for `nodes.csv` and for the ends of each road's WKT.
///
/// A road's polyline begins and ends at its nodes' coordinates, so on an import where
/// most roads are a block between two junctions most numbers of `roads.csv` repeat a
/// node's: on the 1300² grid of `scripts/bench_import.py` 13.5 million of the 17
/// million coordinates written (docs/decisions.md, "OSM import speed, fifth round").
/// A road's first and last points are its nodes' positions (the same dense nodes), so
/// their text is copied from here; the bytes are the ones formatting them would give.
final class NodeCoordinateText: @unchecked Sendable {
    // Per node, 32 bytes: latitude's length, its text (≤ 15 bytes), longitude's length,
    // its text. A length of `uncached` means the number is longer (only when a
    // coordinate is far out of range) and is formatted where it is used. Written by
    // `init` only, on disjoint slots; read-only after.
    private static let stride = 32, uncached: UInt8 = 0xFF
    private let base: UnsafeMutablePointer<UInt8>
    private let count: Int

    init(_ store: ImportedRoadStore) {
        count = store.nodeVertex.count
        // 16 spare bytes: a copy reads 16 bytes from a text's start.
        base = .allocate(capacity: count * Self.stride + 16)
        (base + count * Self.stride).initialize(repeating: 0, count: 16)
        let chunk = 16_384
        DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { c in
            fill(store, c * chunk..<min(count, (c + 1) * chunk))
        }
    }

    deinit { base.deallocate() }

    private func fill(_ store: ImportedRoadStore, _ range: Range<Int>) {
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
            for i in range {
                let slot = base + i * Self.stride
                slot.initialize(repeating: 0, count: Self.stride)
                let coordinate = store.vertexCoordinate[Int(store.nodeVertex[i])]
                put(coordinate.latitude, at: slot)
                put(coordinate.longitude, at: slot + 16)
            }
        }
    }

    /// Asks for the text of `piece`'s two nodes to be brought into the cache.
    @inline(__always) func prefetchEnds(of piece: UnsafePointer<OSMNetworkBuilder.Piece>, _ store: StoreRows) {
        er_prefetch(base + Int(store.vertexNode[Int(piece.pointee.a)]) * Self.stride)
        er_prefetch(base + Int(store.vertexNode[Int(piece.pointee.b)]) * Self.stride)
    }

    /// Appends node `i`'s latitude.
    @inline(__always) func appendLatitude(_ i: Int, _ value: Double, to out: TableBytes) {
        append(base + i * Self.stride, value, to: out)
    }

    /// Appends node `i`'s longitude.
    @inline(__always) func appendLongitude(_ i: Int, _ value: Double, to out: TableBytes) {
        append(base + i * Self.stride + 16, value, to: out)
    }

    @inline(__always) private func append(_ slot: UnsafeMutablePointer<UInt8>, _ value: Double, to out: TableBytes) {
        let n = slot[0]
        if n != Self.uncached { out.appendShort(slot + 1, length: Int(n)) } else { out.appendFixed(value, decimals: 7) }
    }

    /// Appends node `i`'s position as WKT's `lon lat` from its text; `position` (its
    /// coordinate) is read only for a number too long to have been kept.
    @inline(__always) func appendNodePoint(_ i: Int, _ position: UnsafePointer<GeoCoordinate>, to out: TableBytes) {
        let slot = base + i * Self.stride
        if slot[16] != Self.uncached { out.appendShort(slot + 17, length: Int(slot[16])) } else { out.appendFixed(position.pointee.longitude, decimals: 7) }
        out.append(UInt8(ascii: " "))
        if slot[0] != Self.uncached { out.appendShort(slot + 1, length: Int(slot[0])) } else { out.appendFixed(position.pointee.latitude, decimals: 7) }
    }
}
