import Dispatch

/// A value computed on another thread while the caller goes on; ``value`` waits for it.
/// The import uses it to overlap independent steps on a machine's second core: node
/// names beside the components, the next PBF batch's decode beside reading and
/// consuming, the next table batch's formatting beside writing.
final class BackgroundValue<T: Sendable>: @unchecked Sendable {
    // Written once by the helper, read only after `group.wait()`.
    private var result: T?
    private let group = DispatchGroup()

    init(_ body: @escaping @Sendable () -> T) {
        DispatchQueue.global().async(group: group) { self.result = body() }
    }

    /// The value, once computed.
    var value: T {
        group.wait()
        return result!
    }
}

/// A value handed to concurrent workers that only touch disjoint parts of what it
/// points to (the edges' buffer, each worker its own range of slots).
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
