import BundleIO
import Foundation
import ReserveModel

/// Copies of the on-disk fixtures in a fresh temporary directory, editable per test.
struct FixtureCopy {
    let root: URL

    /// A copy of `Fixtures/<name>`.
    init(_ name: String = "tiny") throws {
        guard let source = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bundleio-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: root)
    }

    var path: String { root.path }

    func text(_ file: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
    }

    func write(_ file: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(file))
    }

    /// Replaces the first occurrence of `old` in `file`; fails the precondition if absent.
    func replace(_ file: String, _ old: String, with new: String) throws {
        let t = try text(file)
        guard let range = t.range(of: old) else { throw CocoaError(.fileReadCorruptFile) }
        try write(file, t.replacingCharacters(in: range, with: new))
    }

    func validate() throws -> ValidationReport { try BundleReader.validate(at: path) }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// The repository root (for Data/ and the built binary).
enum RepositoryRoot {
    static var url: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }
}

extension ValidationReport {
    /// Problems whose location starts with `place` (e.g. "depots.csv:4:capacity_tonnes").
    func problems(at place: String) -> [ValidationProblem] {
        problems.filter { $0.location.description.hasPrefix(place) }
    }
}
