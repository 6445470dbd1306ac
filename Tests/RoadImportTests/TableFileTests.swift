import Foundation
import Testing
import TestSupport
@testable import RoadImport

/// The road tables are written through an aligned staging buffer with direct I/O where
/// the file system allows it, buffered where not (docs/decisions.md, "OSM import speed,
/// sixth round"): the file must hold exactly the bytes formatted in memory, whatever the
/// block sizes and wherever a block starts within a chunk, the padded last chunk cut
/// off, and a failed write must leave no temporary file behind.
@Suite struct TableFileTests {
    static func scratch() throws -> URL {
        try makeScratchDirectory("er-tablefile")
    }

    @Test func blocksOfEverySizeLandInOrder() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.writeSeededBlocks(in: dir, blockBytes: 0...20_000, expectDirect: nil)
    }

    /// Blocks up to 3 MB, larger than a chunk (512 KiB): a block fills several chunks,
    /// written whole as well as padded, direct where the file system allows it and buffered (as on a file system
    /// that refuses `O_DIRECT`).
    @Test(arguments: [true, false]) func largeBlocksFillWholeChunks(direct: Bool) throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.writeSeededBlocks(in: dir, blockBytes: 0...3_000_000, batches: 10, direct: direct,
                                   expectDirect: direct ? nil : false)
    }

    /// Writes seeded batches of seeded blocks into `dir`/t.csv and checks the file.
    static func writeSeededBlocks(in dir: URL, blockBytes: ClosedRange<Int>, batches: Int = 40, direct: Bool = true,
                                  expectDirect: Bool?) throws {
        var rng = SeededGenerator(seed: 4)
        var expected: [UInt8] = []
        let file = try TableFile(path: dir.appendingPathComponent("t.csv").path, direct: direct)
        if let expectDirect { #expect(file.writesDirectly == expectDirect) }
        // Batches of up to 9 blocks: empty blocks and batches, blocks inside one page,
        // and blocks across many pages and chunks, at every offset.
        for _ in 0..<batches {
            let blocks = (0..<Int.random(in: 0...9, using: &rng)).map { _ in
                // Seeded bytes, cheaply: a seeded start and step per block.
                let (first, step) = (UInt8.random(in: 0...255, using: &rng), UInt8.random(in: 1...255, using: &rng))
                return (0..<Int.random(in: blockBytes, using: &rng)).map { first &+ UInt8(truncatingIfNeeded: $0) &* step }
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
