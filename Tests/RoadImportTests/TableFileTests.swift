import Foundation
import Testing
import TestSupport
@testable import RoadImport

/// The road tables are written through a mapping of the file, a batch of blocks at a
/// time copied in on all cores (docs/decisions.md, "OSM import speed, fourth round"):
/// the file must hold exactly the bytes formatted in memory, whatever the block sizes
/// and wherever a block starts within a page, and a failed write must leave no
/// temporary file behind.
@Suite struct TableFileTests {
    static func scratch() throws -> URL {
        try makeScratchDirectory("er-tablefile")
    }

    @Test func blocksOfEverySizeLandInOrder() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SeededGenerator(seed: 4)
        var expected: [UInt8] = []
        let file = try TableFile(path: dir.appendingPathComponent("t.csv").path)
        // 40 batches of up to 9 blocks of 0–20,000 bytes: empty blocks and batches,
        // blocks inside one page, and blocks across many pages, at every offset.
        for _ in 0..<40 {
            let blocks = (0..<Int.random(in: 0...9, using: &rng)).map { _ in
                (0..<Int.random(in: 0...20_000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            }
            for block in blocks { expected += block }
            // Each block's pointer is only valid inside its closure: copy them all into one
            // buffer first, then hand out views of it.
            let joined = blocks.flatMap { $0 }
            try joined.withUnsafeBytes { all in
                var views: [UnsafeRawBufferPointer] = []
                var start = 0
                for block in blocks {
                    views.append(UnsafeRawBufferPointer(rebasing: all[start..<start + block.count]))
                    start += block.count
                }
                try file.append(views)
            }
        }
        try file.commit()
        let written = try [UInt8](Data(contentsOf: dir.appendingPathComponent("t.csv")))
        #expect(written.count == expected.count)
        #expect(written == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["t.csv"])
    }

    @Test func writtenTablesAreTheFormattedBytesInAnyBlockSize() throws {
        let network = try OSMImporter.importPBF(path: FixturePaths.helsinki)
        let nodes = Array(RoadTableWriter.nodesCSV(network).utf8), roads = Array(RoadTableWriter.roadsCSV(network).utf8)
        #expect(roads.count > 100_000 && nodes.count > 10_000) // many pages, so blocks start mid-page
        for blockRows in [1, 7, 100, RoadTableWriter.blockRows] {
            let dir = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: dir) }
            try RoadTableWriter.write(network, to: dir.path, nodesFile: "nodes.csv", roadsFile: "roads.csv", blockRows: blockRows)
            #expect(try [UInt8](Data(contentsOf: dir.appendingPathComponent("nodes.csv"))) == nodes, "blocks of \(blockRows)")
            #expect(try [UInt8](Data(contentsOf: dir.appendingPathComponent("roads.csv"))) == roads, "blocks of \(blockRows)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["nodes.csv", "roads.csv"])
        }
    }

    @Test func aTableThatCannotTakeItsPlaceIsAnErrorAndLeavesNoTemporary() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let network = try OSMImporter.importPBF(path: FixturePaths.helsinki)
        // A directory where roads.csv should go: the rename over it fails.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("roads.csv"), withIntermediateDirectories: false)
        #expect {
            try RoadTableWriter.write(network, to: dir.path)
        } throws: { error in
            guard case RoadImportError.cannotWrite(let path, _) = error else { return false }
            return path == dir.appendingPathComponent("roads.csv").path
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(!left.contains { $0.contains(".partial-") }, "\(left)")
    }
}
