#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// A whole file read straight into a byte array: one allocation and one `read`
/// loop, where `Data(contentsOf:)` followed by `[UInt8](data)` allocated and
/// touched every page twice (14 MB for a province road table).
enum FileBytes {
    /// The file's bytes, or nil when it cannot be opened or read (a directory, no
    /// permission, an I/O error).
    static func contents(atPath path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            while count < size {
                let n = read(fd, base + count, size - count)
                if n < 0, errno == EINTR { continue }
                if n < 0 { failed = true; return }
                if n == 0 { return }   // the file shrank while reading: keep what was there
                count += n
            }
        }
        if failed { return nil }
        // Zero-length files (pipes, /proc) and files that grew: read the rest in chunks.
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { return size == 0 ? nil : bytes }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }
}
