#if canImport(Glibc)
import Glibc
#endif

/// Large arrays of an import asked to be backed by 2 MB pages (transparent huge pages)
/// before they are first written.
///
/// An import of the 1300² grid of scripts/bench_import.py touches about 0.8 GB of fresh
/// memory. In 4 KB pages that is 200,000 page faults, each one taking, zeroing and
/// accounting a page: 0.4 s of system time, a third of the import, and on a virtual
/// machine each first touch may also cost the host. Linux offers huge pages to memory a
/// process asks for with `madvise(MADV_HUGEPAGE)` (the "madvise" setting, Debian's
/// default; "always" gives them anyway, "never" refuses, and the hint then does nothing):
/// a fault then brings 2 MB (docs/decisions.md, "OSM import speed, seventh round").
/// Only whole 2 MB pages inside a buffer are asked for, so a small array is left alone.
enum HugePages {
    static let size = 2 << 20

    /// Asks for the whole huge pages inside `byteCount` bytes at `base`.
    static func advise(_ base: UnsafeRawPointer, byteCount: Int) {
        #if os(Linux)
        guard let pages = wholePages(from: UInt(bitPattern: base), byteCount: byteCount),
              let address = UnsafeMutableRawPointer(bitPattern: pages.lowerBound) else { return }
        _ = madvise(address, Int(pages.count), 14) // MADV_HUGEPAGE; a hint, its failure changes nothing
        #endif
    }

    /// The addresses of the whole huge pages inside `byteCount` bytes from `address`, or
    /// nil when there are none.
    static func wholePages(from address: UInt, byteCount: Int) -> Range<UInt>? {
        let mask = UInt(size - 1)
        let start = (address + mask) & ~mask, end = (address + UInt(byteCount)) & ~mask
        return end > start ? start..<end : nil
    }
}

extension Array {
    /// `count` copies of `value`, in storage asked to be backed by huge pages before it
    /// is written.
    init(hugePagesRepeating value: Element, count: Int) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress { HugePages.advise(base, byteCount: count * MemoryLayout<Element>.stride) }
            buffer.initialize(repeating: value)
            initialized = count
        }
    }

    /// `reserveCapacity(_:)` in new storage asked to be backed by huge pages before the
    /// elements are copied into it (`reserveCapacity` would copy them first).
    mutating func reserveHugeCapacity(_ minimumCapacity: Int) {
        guard capacity < minimumCapacity else { return }
        var bigger: [Element] = []
        bigger.reserveCapacity(minimumCapacity)
        let capacity = bigger.capacity
        bigger.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { HugePages.advise(base, byteCount: capacity * MemoryLayout<Element>.stride) }
        }
        bigger.append(contentsOf: self)
        self = bigger
    }
}
