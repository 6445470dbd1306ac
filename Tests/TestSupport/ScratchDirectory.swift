import Foundation

/// A new empty directory under the system's temporary directory, named `prefix-UUID`
/// so that tests running at the same time never share one. The caller removes it.
public func makeScratchDirectory(_ prefix: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}
