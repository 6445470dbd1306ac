import ReserveModel

/// A 64-bit digest of what a ``BundleNetwork`` is built from: the road nodes and
/// roads, every depot, area centroid and team base, and the snapping distance.
///
/// A service keeps networks in a cache keyed by bundle; handing a network to a
/// bundle it was not built from would route one bundle's places on another's snaps
/// and give answers that look right. The fingerprint lets every entry point refuse
/// that (``BundleNetworkError/belongsToAnotherBundle(network:bundle:)``).
///
/// FNV-1a over the fields' bytes, in file order: deterministic across processes and
/// platforms (Swift's `Hasher` is seeded per process). Editing names, stock,
/// scenarios or anything the network does not read leaves it unchanged.
///
/// - Complexity: O(nodes + roads + places), one pass; a province bundle (about
///   a million roads) takes tens of milliseconds, small beside building its graph.
public struct BundleFingerprint: Sendable, Hashable, CustomStringConvertible {
    /// The digest.
    public let value: UInt64

    /// The fingerprint of `bundle`'s network inputs.
    public init(_ bundle: ReserveBundle) {
        var h = FNV1a()
        h.add(bundle.manifest.maxSnapKm)
        h.add(bundle.roadNodes.count)
        for n in bundle.roadNodes { h.add(n.id.rawValue); h.add(n.lat); h.add(n.lon) }
        h.add(bundle.roadEdges.count)
        for e in bundle.roadEdges {
            h.add(e.from.rawValue); h.add(e.to.rawValue); h.add(e.lengthKm); h.add(e.roadClass)
            h.add(e.speedKmh ?? -1); h.add(e.oneway ? 1 : 0)
            if let a = e.attributes {
                h.add((a.bridge ? 1 : 0) | (a.tunnel ? 2 : 0) | (a.ford ? 4 : 0) | (a.ferry ? 8 : 0))
            }
        }
        h.add(bundle.depots.count)
        for d in bundle.depots { h.add(d.id.rawValue); h.add(d.location.lat); h.add(d.location.lon) }
        h.add(bundle.areas.count)
        for a in bundle.areas {
            h.add(a.id.rawValue)
            if let c = a.centroid { h.add(c.lat); h.add(c.lon) } else { h.add(-1) }
        }
        h.add(bundle.teams.count)
        for t in bundle.teams { h.add(t.id.rawValue); h.add(t.location.lat); h.add(t.location.lon) }
        value = h.state
    }

    /// Sixteen hexadecimal digits.
    public var description: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// 64-bit FNV-1a (Fowler–Noll–Vo), the variant that XORs before multiplying.
private struct FNV1a {
    var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    mutating func add(_ x: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { add(byte: UInt8(truncatingIfNeeded: x >> UInt64(shift))) }
    }

    mutating func add(_ x: Int) { add(UInt64(bitPattern: Int64(x))) }

    /// The bit pattern, with -0 as 0 so that equal numbers give equal digests.
    mutating func add(_ x: Double) { add(x == 0 ? 0 : x.bitPattern) }

    /// The UTF-8 bytes, then a terminator so that "ab","c" differs from "a","bc".
    mutating func add(_ s: String) {
        for b in s.utf8 { add(byte: b) }
        add(byte: 0xFF)
    }
}
