/// Sparse OSM node ids → dense indices 0..<count, in order of first insertion.
///
/// Open addressing with linear probing over a power-of-two table and a
/// multiplicative hash: `Dictionary<Int64, …>` hashes with SipHash and was the
/// builder's largest single cost (docs/decisions.md, "OSM import speed"). Read-only
/// look-ups are safe from several threads at once (the second pass does them).
struct NodeIndex: Sendable {
    private var keys: [Int64]
    private var slots: [Int32] // dense index + 1; 0 = empty
    private var mask: Int
    /// The ids in dense order.
    private(set) var ids: [Int64] = []

    var count: Int { ids.count }

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [Int64](repeating: 0, count: size)
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        ids.reserveCapacity(capacity)
    }

    @inline(__always) private static func hash(_ id: Int64) -> Int {
        // Fibonacci hashing: the high bits of id × 2^64/φ spread sequential ids.
        Int(bitPattern: UInt(truncatingIfNeeded: UInt64(bitPattern: id) &* 0x9E37_79B9_7F4A_7C15) >> 20)
    }

    /// The dense index of `id`, inserting it when new.
    @inline(__always) mutating func insert(_ id: Int64) -> Int32 {
        if ids.count * 2 >= keys.count { grow() }
        var i = Self.hash(id) & mask
        while true {
            let slot = slots[i]
            if slot == 0 {
                keys[i] = id
                ids.append(id)
                slots[i] = Int32(ids.count)
                return Int32(ids.count - 1)
            }
            if keys[i] == id { return slot - 1 }
            i = (i + 1) & mask
        }
    }

    /// The dense index of `id`, or nil.
    @inline(__always) func find(_ id: Int64) -> Int32? {
        var i = Self.hash(id) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { return nil }
            if keys[i] == id { return slot - 1 }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let size = keys.count * 2
        var newKeys = [Int64](repeating: 0, count: size)
        var newSlots = [Int32](repeating: 0, count: size)
        let newMask = size - 1
        for (k, id) in ids.enumerated() {
            var i = Self.hash(id) & newMask
            while newSlots[i] != 0 { i = (i + 1) & newMask }
            newKeys[i] = id
            newSlots[i] = Int32(k + 1)
        }
        keys = newKeys
        slots = newSlots
        mask = newMask
    }
}
