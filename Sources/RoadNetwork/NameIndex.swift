/// Node names → dense node ids, for building graphs from files whose roads name
/// their ends (200k names and 760k look-ups for a province).
///
/// Same answers as a `[String: Int32]` (Swift's `String` equality, which is
/// canonical equivalence), faster for the ASCII names road files use: one probe of a
/// flat array of `(hash, id)` words with a multiplicative hash of the UTF-8 bytes,
/// then one comparison with the stored name. A dictionary costs a SipHash and three
/// scattered reads (bitmap, key, value) per look-up; on the province this index
/// halves the name part of building the graph.
///
/// Once a name that is not ASCII is added, the index switches to a plain
/// dictionary, so canonically equivalent spellings keep meeting. While every
/// stored name is ASCII, a non-ASCII query can only equal one if it is made of
/// ASCII and the three characters whose canonical form is ASCII (U+037E → `;`,
/// U+1FEF → `` ` ``, U+212A → `K`); it is folded and looked up, anything else is
/// absent. `NameIndexTests` checks this against `[String: Int32]` for every scalar.
@usableFromInline
struct NameIndex: Sendable {
    /// `hash << 32 | (id + 1)`; 0 marks an empty slot. Power-of-two size, at most
    /// half full.
    private var slots: [UInt64] = []
    /// Used instead of `slots` once a non-ASCII name was added.
    private var fallback: [String: Int32]?
    /// Number of names.
    private(set) var count = 0

    init(capacity: Int = 0) {
        slots = [UInt64](repeating: 0, count: Self.slotCount(for: capacity))
    }

    private static func slotCount(for names: Int) -> Int {
        var n = 16
        while n < names * 2 { n <<= 1 }
        return n
    }

    /// Makes room for `names` names in all.
    mutating func reserveCapacity(_ names: Int) {
        if fallback != nil { fallback!.reserveCapacity(names); return }
        if Self.slotCount(for: names) > slots.count { rehash(to: Self.slotCount(for: names)) }
    }

    /// The id of `name`; when absent, `new` is stored and returned. `names[id]` must
    /// be the name of every id stored so far (the caller appends `name` for `new`).
    mutating func claim(_ name: String, new: Int32, names: [String]) -> Int32 {
        if fallback != nil { return Self.claim(&fallback![name, default: -1], new) }
        guard let h = Self.asciiHash(name) else {
            // First non-ASCII name: from now on a dictionary decides.
            var d = [String: Int32](minimumCapacity: count * 2)
            for slot in slots where slot != 0 { d[names[Int(slot & 0xFFFF_FFFF) - 1]] = Int32(slot & 0xFFFF_FFFF) - 1 }
            fallback = d
            slots = []
            return Self.claim(&fallback![name, default: -1], new)
        }
        if let found = probe(h, name, names) { return found }
        if (count + 1) * 2 > slots.count { rehash(to: slots.count * 2) }
        insert(h, new)
        count += 1
        return new
    }

    /// The id of `name`, if stored. `names` as for ``claim(_:new:names:)``.
    func find(_ name: String, names: [String]) -> Int32? {
        if let fallback { return fallback[name] }
        if let h = Self.asciiHash(name) { return probe(h, name, names) }
        // A non-ASCII query can equal an ASCII name only through the three singletons.
        var folded = String.UnicodeScalarView()
        for s in name.unicodeScalars {
            switch s.value {
            case 0..<0x80: folded.append(s)
            case 0x037E: folded.append(";")
            case 0x1FEF: folded.append("`")
            case 0x212A: folded.append("K")
            default: return nil
            }
        }
        let ascii = String(folded)
        guard let h = Self.asciiHash(ascii), let id = probe(h, ascii, names) else { return nil }
        return names[Int(id)] == name ? id : nil
    }

    private static func claim(_ slot: inout Int32, _ new: Int32) -> Int32 {
        if slot < 0 { slot = new }
        return slot
    }

    @inline(__always)
    private func probe(_ h: UInt32, _ name: String, _ names: [String]) -> Int32? {
        let mask = slots.count - 1
        var i = Int(h) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { return nil }
            if UInt32(truncatingIfNeeded: slot >> 32) == h {
                let id = Int32(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
                if names[Int(id)] == name { return id }
            }
            i = (i + 1) & mask
        }
    }

    private mutating func insert(_ h: UInt32, _ id: Int32) {
        let mask = slots.count - 1
        var i = Int(h) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = UInt64(h) << 32 | UInt64(UInt32(id + 1))
    }

    private mutating func rehash(to size: Int) {
        let old = slots
        slots = [UInt64](repeating: 0, count: size)
        for slot in old where slot != 0 { insert(UInt32(truncatingIfNeeded: slot >> 32), Int32(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1) }
    }

    /// A 32-bit hash of an ASCII name's bytes, or nil when the name is not ASCII.
    /// Eight bytes at a time, each word mixed by a multiply and a rotate (the
    /// wyhash/FxHash family); ids are short, so this is a few cycles.
    @inline(__always)
    static func asciiHash(_ name: String) -> UInt32? {
        var copy = name
        return copy.withUTF8 { b -> UInt32? in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(b.count)
            var high: UInt8 = 0
            var i = 0
            let n = b.count
            while i < n {
                var word: UInt64 = 0
                let end = min(n, i + 8)
                var shift: UInt64 = 0
                while i < end {
                    word |= UInt64(b[i]) << shift
                    high |= b[i]
                    shift += 8
                    i += 1
                }
                h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 29
            }
            guard high < 0x80 else { return nil }
            h = h &* 0xC4CE_B9FE_1A85_EC53
            let folded = UInt32(truncatingIfNeeded: h >> 32)
            return folded
        }
    }
}
