import RoadNetwork
import Testing
@testable import RoadImport

/// Pass 2's look-ahead (`NodesAhead`) decodes the first node blocks on the second core
/// while the node index is built (those pass 1 kept inflated first), and the pass then
/// decodes the rest. Where it stops depends on timing, so every split must give the same
/// network, and damage the same error, as no look-ahead at all (`.blocks(0)`: the pass
/// decodes every node block).
@Suite struct PassTwoLookAheadTests {
    static let bytes = FixturePaths.bytes(FixturePaths.helsinki)

    /// How many blocks of `bytes` hold nodes.
    static func nodeBlockCount(_ bytes: [UInt8]) throws -> Int {
        var count = 0
        try OSMPBFReader(bytes: bytes).scan({ (block: PBFPrimitiveBlock) throws(RoadImportError) -> Bool in block.hasNodes },
                                             consume: { if $0 { count += 1 } })
        return count
    }

    /// The tables an import writes, or the error it ends in.
    static func outcome(_ bytes: [UInt8], _ limit: LookAheadLimit, inflatedBytes: Int = NodesAhead.inflatedByteLimit) -> String {
        do {
            let network = try OSMImporter.importPBF(bytes: bytes, options: OSMImportOptions(), lookAhead: limit, inflatedBytes: inflatedBytes)
            return RoadTableWriter.nodesCSV(network) + RoadTableWriter.roadsCSV(network)
        } catch {
            return "error: \(error)"
        }
    }

    @Test func everySplitGivesTheSameTables() throws {
        // osmium fileinfo -e: 24,260 nodes, in blocks of up to 8,000.
        let blocks = try Self.nodeBlockCount(Self.bytes)
        #expect(blocks == 4)
        let reference = try OSMImporter.importPBF(bytes: Self.bytes, options: OSMImportOptions(), lookAhead: .blocks(0))
        // The truck profile's network as `reserve import osm` prints it for this file.
        #expect(reference.nodes.count == 376 && reference.edges.count == 461)
        // The total the import sums once, as the edges' lengths added in row order (the
        // CLI prints it as 26.4 km).
        #expect(reference.edges.totalLengthKm == reference.edges.reduce(0) { $0 + $1.lengthKm })
        #expect(abs(reference.edges.totalLengthKm - 26.4) < 0.05)
        let expected = Self.outcome(Self.bytes, .blocks(0), inflatedBytes: 0)
        // Pass 1 keeps none, some (the four node blocks inflate to 0.55 MB in all) or all
        // of the node blocks it inflated; the look-ahead decodes those first, then reads on.
        for kept in [0, 300_000, Int.max] {
            for n in 0...blocks + 1 {
                #expect(Self.outcome(Self.bytes, .blocks(n), inflatedBytes: kept) == expected, "look-ahead of \(n) blocks, \(kept) bytes kept")
            }
        }
        let timed = try OSMImporter.importPBF(bytes: Self.bytes)
        #expect(RoadTableWriter.nodesCSV(timed) + RoadTableWriter.roadsCSV(timed) == expected)
    }

    @Test func damageEndsInTheSameError() throws {
        // A dense node whose tags name a string outside the table: found by the look-ahead
        // (which reads every node's tags) but reported by the pass, as before.
        let negative = FixturePaths.bytes(FixturePaths.local("fuzz/negative-string-index.osm.pbf"))
        let expected = Self.outcome(negative, .blocks(0))
        #expect(expected.hasPrefix("error: "))
        for n in 1...3 { #expect(Self.outcome(negative, .blocks(n)) == expected, "look-ahead of \(n) blocks") }
        // Seeded single-byte damage over the whole file: the same tables or the same error.
        var state: UInt64 = 29
        for _ in 0..<12 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var damaged = Self.bytes
            damaged[Int(state >> 33) % damaged.count] ^= 0x3C
            let reference = Self.outcome(damaged, .blocks(0))
            for n in [1, 2, 5] { #expect(Self.outcome(damaged, .blocks(n)) == reference) }
        }
    }

    /// The look-ahead's records placed by hand: ids 3 and 5 used by one way, 7 not.
    /// Increasing ids are placed on all cores; ids out of order (3 given twice, the
    /// later at 60.3) are placed in file order, so the later record wins.
    @Test func recordsArePlacedAsInFileOrder() {
        func record(_ latitude: Double) -> KeptNode {
            KeptNode(coordinate: GeoCoordinate(latitude: latitude, longitude: 24), blocks: false, ford: false)
        }
        var refs = WayRefs()
        refs.append([5, 3] as [Int64])
        // Dense numbers by first use: 5 → 0, 3 → 1.
        var sorted = WayNodes(refs: refs)
        NodesAhead(ids: [3, 5, 7], nodes: [record(60.1), record(60.2), record(60.9)]).place(into: &sorted)
        #expect(sorted.present == [true, true])
        #expect(sorted.nodes.map(\.coordinate.latitude) == [60.2, 60.1])
        var unsorted = WayNodes(refs: refs)
        NodesAhead(ids: [3, 5, 3], nodes: [record(60.1), record(60.2), record(60.3)]).place(into: &unsorted)
        #expect(unsorted.present == [true, true])
        #expect(unsorted.nodes.map(\.coordinate.latitude) == [60.2, 60.3])
    }
}
