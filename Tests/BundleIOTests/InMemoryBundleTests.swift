import BundleIO
import Foundation
import ReserveModel
import Testing

/// `BundleReader.read(files:)`: a directory bundle whose files are held in memory
/// goes through the same reader as the folder (the fuzz target reads this way), so it
/// must give the same bundle and the same problems at the same places.
@Suite struct InMemoryBundleTests {
    /// Every file of a fixture copy, by its path in the bundle folder.
    func files(of bundle: FixtureCopy) throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for name in ["bundle.json", "areas.csv", "depots.csv", "items.csv", "stock.csv", "teams.csv", "fleet.csv",
                     "nodes.csv", "roads.csv", "scenarios/s-flood.json"] {
            out[name] = Array(try Data(contentsOf: bundle.root.appendingPathComponent(name)))
        }
        return out
    }

    @Test func theTinyBundleReadsTheSameFromMemoryAsFromItsFolder() throws {
        let bundle = try FixtureCopy()
        defer { bundle.remove() }
        let disk = try BundleReader.read(at: bundle.path)
        let memory = try BundleReader.read(files: try files(of: bundle))
        #expect(memory.bundle == disk.bundle)
        // Counted in the fixture's files: 3 areas, 3 depots (D1's quoted owner spans
        // two lines), and the one scenario found by listing scenarios/ (the manifest
        // lists none).
        #expect(memory.bundle.areas.map(\.id.rawValue) == ["R", "A1", "A2"])
        #expect(memory.bundle.depots.map(\.id.rawValue) == ["D1", "D2", "D3"])
        #expect(memory.bundle.scenarios.map(\.id.rawValue) == ["s-flood"])
        let report = memory.validate()
        #expect(report == disk.validate())
        #expect(!report.hasErrors, "\(report.problems.map(\.description))")
    }

    @Test func aDamagedTableIsLocatedInItsFileAsOnDisk() throws {
        let bundle = try FixtureCopy()
        defer { bundle.remove() }
        try bundle.replace("depots.csv", "3000,300,1,20", with: "3000,-300,1,20")
        let fromDisk = try BundleReader.read(at: bundle.path).validate()
        let fromMemory = try BundleReader.read(files: try files(of: bundle)).validate()
        #expect(fromMemory == fromDisk)
        // D3 starts on line 5: D1's owner is a quoted field over lines 2–3.
        #expect(fromMemory.problems(at: "depots.csv:5:capacity_tonnes").count == 1,
                "\(fromMemory.problems.map(\.description))")
    }

    @Test func filesTheManifestNamesButMemoryLacksAreMissing() throws {
        let bundle = try FixtureCopy()
        defer { bundle.remove() }
        var files = try files(of: bundle)
        files["items.csv"] = nil
        let report = try BundleReader.read(files: files).validate()
        #expect(report.problems.contains { $0.code == "file.missing" && $0.arguments["file"] == "items.csv" },
                "\(report.problems.map(\.description))")
    }

    @Test func withoutAManifestThereIsNoBundle() throws {
        #expect(throws: BundleIOError.self) { try BundleReader.read(files: ["areas.csv": Array("id\n".utf8)]) }
    }
}
