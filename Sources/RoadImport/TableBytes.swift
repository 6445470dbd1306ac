/// A growable byte buffer the road tables are formatted into through a raw pointer.
///
/// `[UInt8].append` checks uniqueness and capacity on every call, and the roads table
/// of a large import is hundreds of millions of bytes appended a few at a time: that
/// bookkeeping was most of the writing (docs/decisions.md, "OSM import speed"). Each
/// buffer belongs to one worker at a time; ``RoadTableWriter`` formats blocks of rows
/// into separate buffers on all cores and writes them in order.
final class TableBytes: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Forgets the contents, keeping the storage.
    func removeAll() { count = 0 }

    /// Makes room for `extra` more bytes.
    @inline(__always) func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private func grow(_ needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = size
    }

    @inline(__always) func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always) func append(_ raw: UnsafeRawBufferPointer) {
        reserve(raw.count)
        if let source = raw.baseAddress { (base + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: raw.count) }
        count += raw.count
    }

    /// Appends a string's UTF-8 bytes (native strings are contiguous: no copy made).
    @inline(__always) func append(_ text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends a literal's UTF-8 bytes (no reference count to touch, unlike an array).
    @inline(__always) func append(_ literal: StaticString) {
        append(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Where the next byte goes (after ``reserve(_:)``).
    var end: UnsafeMutablePointer<UInt8> { base + count }

    /// Counts `n` bytes written at ``end`` as appended.
    @inline(__always) func advance(_ n: Int) { count += n }

    /// `printf("%.<decimals>f", value)` (``FixedDecimal``'s digits).
    @inline(__always) func appendFixed(_ value: Double, decimals: Int) {
        FixedDecimal.append(value, decimals: decimals, to: self)
    }
}
