import Foundation
import Testing
import TestSupport

/// The seam holds: GLPK's C module is imported by GLPKBackend and nothing else.
@Suite struct SourceLayoutTests {
    /// Every Swift file under Sources/ that imports CGLPK, relative to Sources/.
    func filesImportingCGLPK() throws -> [String] {
        let sources = packageRoot.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var result: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let imports = text.split(separator: "\n").contains { line in
                let words = line.split(separator: " ")
                return words.firstIndex(of: "import").map { $0 + 1 < words.count && words[$0 + 1] == "CGLPK" } ?? false
            }
            if imports { result.append(String(url.path.dropFirst(sources.path.count + 1))) }
        }
        return result.sorted()
    }

    @Test func onlyGLPKBackendImportsCGLPK() throws {
        let files = try filesImportingCGLPK()
        #expect(!files.isEmpty, "the scan found no importer at all; is it looking in the right place?")
        #expect(files.allSatisfy { $0.hasPrefix("GLPKBackend/") }, "\(files)")
    }

    /// Package.swift: only GLPKBackend lists CGLPK as a dependency.
    @Test func onlyGLPKBackendDependsOnCGLPK() throws {
        let manifest = try String(contentsOf: packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        let targets = manifest.components(separatedBy: ".target(").dropFirst()
            + manifest.components(separatedBy: ".executableTarget(").dropFirst()
            + manifest.components(separatedBy: ".testTarget(").dropFirst()
        let dependents = targets.compactMap { block -> String? in
            let body = block.components(separatedBy: "),\n").first ?? block
            guard body.contains("\"CGLPK\""), let name = body.split(separator: "\"").dropFirst().first else { return nil }
            return String(name)
        }
        #expect(dependents == ["GLPKBackend"])
    }
}
