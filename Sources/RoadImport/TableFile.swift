import Dispatch
import Foundation

/// A table being written: into a temporary file beside it, renamed over the table
/// once complete (atomic), batch by batch, each batch's blocks copied in on all cores.
///
/// The kernel's copy of `write(2)` into the page cache ran on one thread (a buffered
/// write holds the file's lock) and was most of writing a large import's tables on
/// this project's VMs, where fresh page-cache pages are expensive to touch
/// (docs/decisions.md, "OSM import speed, fourth round"). So the file is extended by
/// `posix_fallocate` (a full disk is an error there, not a `SIGBUS` on a mapped page
/// later), the batch's byte range is mapped, and the blocks are copied into the
/// mapping concurrently; the file is cut to its length when committed.
final class TableFile {
    let path: String
    let temporary: String
    private var descriptor: Int32
    /// Bytes written so far (the file's length once committed).
    private(set) var length = 0
    private var committed = false
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    init(path: String) throws(RoadImportError) {
        self.path = path
        // Unique per call, not only per process: a service may import into one
        // directory from two threads, and each must write its own temporary.
        temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        descriptor = open(temporary, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    }

    deinit { discard() }

    private func failure(_ code: Int32) -> RoadImportError {
        .cannotWrite(path: path, reason: String(cString: strerror(code)))
    }

    /// Appends `blocks`, in order.
    func append(_ blocks: [UnsafeRawBufferPointer]) throws(RoadImportError) {
        var offsets: [Int] = []
        offsets.reserveCapacity(blocks.count)
        var end = length
        for block in blocks {
            offsets.append(end)
            end += block.count
        }
        guard end > length else { return }
        // posix_fallocate returns the error instead of setting errno.
        let allocated = posix_fallocate(descriptor, off_t(length), off_t(end - length))
        guard allocated == 0 else { throw failure(allocated) }
        let mapStart = length / Self.pageSize * Self.pageSize
        guard let mapping = mmap(nil, end - mapStart, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, off_t(mapStart)),
              mapping != MAP_FAILED else {
            // A file system that cannot map files still takes plain writes.
            for (k, block) in blocks.enumerated() { try write(block, at: offsets[k]) }
            length = end
            return
        }
        defer { munmap(mapping, end - mapStart) }
        let target = UncheckedPointer(mapping - mapStart)
        let copies = blocks.indices.map { k in (offset: offsets[k], source: UncheckedBytes(blocks[k])) }
        DispatchQueue.concurrentPerform(iterations: copies.count) { k in
            guard let source = copies[k].source.bytes.baseAddress else { return }
            (target.pointer + copies[k].offset).copyMemory(from: source, byteCount: copies[k].source.bytes.count)
        }
        length = end
    }

    private func write(_ block: UnsafeRawBufferPointer, at offset: Int) throws(RoadImportError) {
        var done = 0
        while done < block.count {
            let n = pwrite(descriptor, block.baseAddress! + done, block.count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw failure(n < 0 ? errno : EIO) }
            done += n
        }
    }

    /// Cuts the file to its length, closes it and renames it over the table.
    func commit() throws(RoadImportError) {
        guard ftruncate(descriptor, off_t(length)) == 0 else { throw failure(errno) }
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else { throw failure(errno) }
        guard rename(temporary, path) == 0 else { throw failure(errno) }
        committed = true
    }

    /// Closes the file and removes it unless committed.
    func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        if !committed { unlink(temporary) }
        committed = true
    }
}

/// The mapping handed to the workers copying one batch (each writes its own range).
private struct UncheckedPointer: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
    init(_ pointer: UnsafeMutableRawPointer) { self.pointer = pointer }
}

/// A formatted block handed to the worker copying it (read only, alive for the call).
private struct UncheckedBytes: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
}
