/// A buffer that parallel jobs fill, each job writing only its own indices.
///
/// `DispatchQueue.concurrentPerform` wants `@Sendable` work, and a buffer pointer
/// is not `Sendable`; this wrapper states the discipline that makes sharing it safe:
/// every index is written by at most one job, and nothing reads the buffer until
/// `concurrentPerform` has returned.
package struct DisjointWrites<Element>: @unchecked Sendable {
    package let base: UnsafeMutablePointer<Element>?

    package init(_ buffer: UnsafeMutableBufferPointer<Element>) { base = buffer.baseAddress }

    /// Initialises the uninitialised slot `i`.
    @inline(__always)
    package func initialize(_ i: Int, to value: Element) { (base! + i).initialize(to: value) }

    /// Overwrites the initialised slot `i`.
    @inline(__always)
    package func set(_ i: Int, _ value: Element) { base![i] = value }
}
