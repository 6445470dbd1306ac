/// One result slot filled by a concurrent job and read after all jobs have
/// finished (`concurrentPerform` returns only then, which orders the accesses).
/// Shared by the modules that run independent jobs side by side (the bundle
/// reader's tables, a dispatch's goods and teams).
package final class Slot<Value>: @unchecked Sendable {
    package var value: Value?
    package init() {}
}
