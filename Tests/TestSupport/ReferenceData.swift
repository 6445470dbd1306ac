import Foundation

/// The public reference data committed under `Tests/Fixtures/external/` (OR-Library,
/// the California road network, an OpenStreetMap extract; provenance and licences in
/// its README.md). Tests read it only through here, so that a missing file is a test
/// failure that names the file and how to restore it, never a silent skip.
public enum ReferenceData {
    /// `Tests/Fixtures/external` inside the package.
    public static let root: URL = packageRoot.appendingPathComponent("Tests/Fixtures/external")

    /// A missing or unreadable reference file.
    public struct Missing: Error, CustomStringConvertible {
        /// The path relative to the package root, e.g. `Tests/Fixtures/external/orlib-pmed/pmed1.txt`.
        public var path: String
        public var description: String {
            "missing reference file \(path): restore it with `git checkout -- Tests/Fixtures/external` "
                + "(sources in Tests/Fixtures/external/README.md)"
        }
    }

    /// The absolute path of `relative` (e.g. `"roads-california/cal.cedge"`); throws
    /// ``Missing`` if the file is not there.
    public static func path(_ relative: String) throws -> String {
        let url = root.appendingPathComponent(relative)
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw Missing(path: "Tests/Fixtures/external/\(relative)")
        }
        return url.path
    }

    /// The UTF-8 text of `relative`; throws ``Missing`` if the file is not there.
    public static func text(_ relative: String) throws -> String {
        let path = try path(relative)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Missing(path: "Tests/Fixtures/external/\(relative)")
        }
        return text
    }
}
