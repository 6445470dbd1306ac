/// Sparse OSM node ids → dense indices 0..<count, in order of first insertion.
///
/// Open addressing with linear probing over a power-of-two table and a
/// multiplicative hash: `Dictionary<Int64, …>` hashes with SipHash and was the
/// builder's largest single cost (docs/decisions.md, "OSM import speed"). Read-only
/// look-ups are safe from several threads at once (the second pass does them).
struct NodeIndex: Sendable {
    /// A table entry: key and slot side by side, so a probe touches one cache line
    /// (two parallel arrays cost two cache misses per look-up on a large table).
    private struct Entry {
        var key: Int64
        var slot: Int32 // dense index + 1; 0 = empty
    }
    private var entries: [Entry]
    private var mask: Int
    /// The ids in dense order.
    private(set) var ids: [Int64] = []

    var count: Int { ids.count }

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        entries = [Entry](repeating: Entry(key: 0, slot: 0), count: size)
        mask = size - 1
        ids.reserveCapacity(capacity)
    }

    @inline(__always) private static func hash(_ id: Int64) -> Int {
        // Fibonacci hashing of id / 8 (the high bits of id/8 × 2^64/φ spread the
        // blocks), and the low three bits kept: eight consecutive ids share two cache
        // lines of the table. A way's nodes often have consecutive ids, and the second
        // pass asks in id order, so most probes hit a line the previous one loaded
        // (one cache miss per reference was most of the index's time).
        let bits = UInt64(bitPattern: id)
        let block = UInt(truncatingIfNeeded: (bits >> 3) &* 0x9E37_79B9_7F4A_7C15) >> 20
        return Int(bitPattern: block << 3 | UInt(truncatingIfNeeded: bits & 7))
    }

    /// The dense index of `id`, inserting it when new.
    @inline(__always) mutating func insert(_ id: Int64) -> Int32 {
        if ids.count * 2 >= entries.count { grow() }
        var i = Self.hash(id) & mask
        while true {
            let entry = entries[i]
            if entry.slot == 0 {
                ids.append(id)
                entries[i] = Entry(key: id, slot: Int32(ids.count))
                return Int32(ids.count - 1)
            }
            if entry.key == id { return entry.slot - 1 }
            i = (i + 1) & mask
        }
    }

    /// Asks for the line where `id`'s probe starts to be brought into the cache.
    @inline(__always) func prefetch(_ id: Int64) {
        RoadImport.prefetch(entries, Self.hash(id) & mask)
    }

    /// The dense index of `id`, or nil.
    @inline(__always) func find(_ id: Int64) -> Int32? {
        var i = Self.hash(id) & mask
        while true {
            let entry = entries[i]
            if entry.slot == 0 { return nil }
            if entry.key == id { return entry.slot - 1 }
            i = (i + 1) & mask
        }
    }

    /// Frees the table (tens of MB on a large import), keeping ``ids``. Only for when no
    /// look-up follows: ``find(_:)`` would find nothing (``insert(_:)`` rebuilds it).
    mutating func releaseTable() {
        entries = [Entry](repeating: Entry(key: 0, slot: 0), count: 16)
        mask = 15
    }

    private mutating func grow() {
        let size = entries.count * 2
        var newEntries = [Entry](repeating: Entry(key: 0, slot: 0), count: size)
        let newMask = size - 1
        for (k, id) in ids.enumerated() {
            var i = Self.hash(id) & newMask
            while newEntries[i].slot != 0 { i = (i + 1) & newMask }
            newEntries[i] = Entry(key: id, slot: Int32(k + 1))
        }
        entries = newEntries
        mask = newMask
    }
}
