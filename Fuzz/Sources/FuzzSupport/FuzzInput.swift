import Foundation

/// What every fuzz target shares: the input as text, an input split in two parts,
/// and where the repository and a private scratch folder are.
public enum FuzzInput {
    /// The input bytes as text. Invalid UTF-8 becomes U+FFFD, as the readers see
    /// nothing else: the CLI rejects non-UTF-8 files before any reader runs.
    public static func text(_ start: UnsafePointer<UInt8>?, _ count: Int) -> String {
        guard let start, count > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }

    /// The input bytes.
    public static func bytes(_ start: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
        guard let start, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: start, count: count))
    }

    /// Readers that take two files (edges + nodes, `.gr` + `.co`) get the input
    /// split at its first NUL byte; without one, the second file is absent.
    public static func twoTexts(_ bytes: [UInt8]) -> (String, String?) {
        guard let nul = bytes.firstIndex(of: 0) else { return (String(decoding: bytes, as: UTF8.self), nil) }
        return (String(decoding: bytes[..<nul], as: UTF8.self), String(decoding: bytes[(nul + 1)...], as: UTF8.self))
    }

    /// The repository root (this file is `Fuzz/Sources/FuzzSupport/FuzzInput.swift`).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A folder private to this process, in RAM when /dev/shm exists (the model
    /// reader and the directory bundle reader take paths, not bytes). Removed at exit.
    public static let scratch: URL = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let url = URL(fileURLWithPath: base).appendingPathComponent("er-fuzz-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: FuzzInput.scratch) }
        return url
    }()
}
