import Foundation

/// Where the files of a directory bundle come from: the folder on disk, or the same
/// files held in memory (a service that received them, and the fuzz target, which
/// must not pay a file write per input). One reader, ``DirectoryBundleReader``, reads
/// both, so what is tested on one is what runs on the other.
struct BundleFileSource: Sendable {
    enum Storage: Sendable {
        /// A folder; paths are joined to it.
        case folder(String)
        /// Contents by path relative to the bundle folder (`bundle.json`,
        /// `scenarios/s-flood.json`), exactly as the manifest names them.
        case memory([String: [UInt8]])
    }

    let storage: Storage

    /// The folder's path, or `<memory>`: what messages about the whole bundle name.
    var name: String {
        switch storage {
        case .folder(let root): root
        case .memory: "<memory>"
        }
    }

    func url(_ path: String) -> URL {
        switch storage {
        case .folder(let root): URL(fileURLWithPath: root).appendingPathComponent(path)
        case .memory: URL(fileURLWithPath: "/").appendingPathComponent(path)
        }
    }

    /// Whether something is at `path` (on disk a folder counts, and then fails to read).
    func exists(_ path: String) -> Bool {
        switch storage {
        case .folder: FileManager.default.fileExists(atPath: url(path).path)
        case .memory(let files): files[path] != nil
        }
    }

    /// The bytes of the file at `path`; nil when it is missing or cannot be read.
    func bytes(_ path: String) -> [UInt8]? {
        switch storage {
        case .folder: FileBytes.contents(atPath: url(path).path)
        case .memory(let files): files[path]
        }
    }

    /// The file at `path` as `Data` (for the JSON decoders).
    func data(_ path: String) -> Data? {
        switch storage {
        case .folder: try? Data(contentsOf: url(path))
        case .memory(let files): files[path].map { Data($0) }
        }
    }

    /// Names of the entries directly inside the folder `path`; empty when there is none.
    func names(in path: String) -> [String] {
        switch storage {
        case .folder:
            return (try? FileManager.default.contentsOfDirectory(atPath: url(path).path)) ?? []
        case .memory(let files):
            let prefix = path.hasSuffix("/") ? path : path + "/"
            return files.keys.compactMap { key in
                guard key.hasPrefix(prefix) else { return nil }
                let rest = key.dropFirst(prefix.count)
                return rest.isEmpty || rest.contains("/") ? nil : String(rest)
            }
        }
    }
}
