import Foundation

/// A table being written: into a temporary file beside it, renamed over the table
/// once complete (atomic), through an aligned staging buffer written with direct I/O.
///
/// A large import's tables are hundreds of MB (553 MB on the 1300² grid of
/// scripts/bench_import.py), and on this project's VMs fresh page-cache pages are the
/// expensive part of writing them: every page the kernel takes for the file is zeroed
/// or copied into on its first touch, which the host backs only then. Writing 553 MB
/// through the page cache took 0.8–1.2 s there (a mapping or `write(2)` alike) unless
/// the pages had just been freed by another file, and 0.14–0.20 s with `O_DIRECT` from
/// memory the process already touched (docs/decisions.md, "OSM import speed, sixth
/// round"). So the file is opened with `O_DIRECT` where the file system allows it,
/// filled in whole aligned chunks, the last one padded and the file cut to its length
/// on commit; a file system without direct I/O (tmpfs) gets the same writes buffered.
final class TableFile {
    let path: String
    let temporary: String
    private var descriptor: Int32
    /// Bytes appended so far (the file's length once committed).
    private(set) var length = 0
    /// Bytes in the file so far: whole chunks, a multiple of ``alignment``.
    private var written = 0
    /// Appended bytes not yet written.
    private let staging: UnsafeMutableRawPointer
    private var staged = 0
    private var committed = false
    /// Direct I/O wants offsets, lengths and memory aligned to the device's logical
    /// block (512 or 4096 bytes); a page is a multiple of both.
    static let alignment = 4096
    /// Bytes per write. 512 KiB, not larger: on this project's VMs writing the grid's
    /// 553 MB took 0.30–0.33 s in 512 KiB writes against 0.45–0.53 s in 8 MiB ones
    /// (fio alike: 0.26 against 0.33 s), 256 KiB 0.36–0.39 s and 128 KiB 0.48–0.56 s;
    /// the staging buffer also stays in the cache between copy and write
    /// (docs/decisions.md, "OSM import speed, eighth round").
    static let chunk = 512 << 10
    /// Linux's `O_DIRECT`, which Glibc declares only under `_GNU_SOURCE` (not visible to
    /// Swift): its value differs by architecture. 0 where unknown: buffered writes.
    #if os(Linux) && arch(x86_64)
    static let directIO: Int32 = 0o40000
    #elseif os(Linux) && arch(arm64)
    static let directIO: Int32 = 0o200000
    #else
    static let directIO: Int32 = 0
    #endif

    /// Opens the temporary beside `path`; `direct: false` writes through the page cache
    /// (tests check both ways give the same file).
    init(path: String, direct: Bool = true) throws(RoadImportError) {
        self.path = path
        // Unique per call, not only per process: a service may import into one
        // directory from two threads, and each must write its own temporary.
        temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let flags = O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC
        descriptor = open(temporary, flags | (direct ? Self.directIO : 0), 0o666)
        if descriptor < 0 && errno == EINVAL && direct && Self.directIO != 0 {
            descriptor = open(temporary, flags, 0o666)
        }
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        staging = .allocate(byteCount: Self.chunk, alignment: Self.alignment)
    }

    deinit {
        discard()
        staging.deallocate()
    }

    private func failure(_ code: Int32) -> RoadImportError {
        .cannotWrite(path: path, reason: String(cString: strerror(code)))
    }

    /// Appends `blocks`, in order.
    func append(_ blocks: [UnsafeRawBufferPointer]) throws(RoadImportError) {
        for block in blocks {
            guard var source = block.baseAddress else { continue }
            var left = block.count
            while left > 0 {
                let n = min(left, Self.chunk - staged)
                (staging + staged).copyMemory(from: source, byteCount: n)
                staged += n
                length += n
                source += n
                left -= n
                if staged == Self.chunk { try flush(byteCount: staged) }
            }
        }
    }

    /// Writes the first `byteCount` staged bytes (a multiple of ``alignment``) at the end
    /// of the file.
    private func flush(byteCount: Int) throws(RoadImportError) {
        var done = 0
        while done < byteCount {
            let n = pwrite(descriptor, staging + done, byteCount - done, off_t(written + done))
            if n < 0 && errno == EINTR { continue }
            if n < 0 && errno == EINVAL && done == 0 && dropDirectIO() { continue }
            guard n > 0 else { throw failure(n < 0 ? errno : EIO) }
            done += n
        }
        written += byteCount
        staged = 0
    }

    /// Whether the writes bypass the page cache.
    var writesDirectly: Bool {
        let flags = fcntl(descriptor, F_GETFL)
        return Self.directIO != 0 && flags >= 0 && flags & Self.directIO != 0
    }

    /// Goes on with buffered writes when the file system refuses direct ones it
    /// accepted at `open` (some do, for some alignments). False when already buffered.
    private func dropDirectIO() -> Bool {
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, Self.directIO != 0, flags & Self.directIO != 0 else { return false }
        return fcntl(descriptor, F_SETFL, flags & ~Self.directIO) == 0
    }

    /// Writes what is staged (padded to a whole block), cuts the file to its length,
    /// closes it and renames it over the table.
    func commit() throws(RoadImportError) {
        if staged > 0 {
            let padded = (staged + Self.alignment - 1) / Self.alignment * Self.alignment
            (staging + staged).initializeMemory(as: UInt8.self, repeating: 0, count: padded - staged)
            let tail = staged
            try flush(byteCount: padded)
            written -= padded - tail
        }
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
