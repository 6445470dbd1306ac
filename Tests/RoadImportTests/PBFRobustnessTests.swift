import Testing
@testable import RoadImport

/// Damaged PBF files end in an error naming the byte offset and block, never a trap.
@Suite struct PBFRobustnessTests {
    static let bytes = FixturePaths.bytes(FixturePaths.helsinki)

    @Test func fixtureIsThere() {
        #expect(Self.bytes.count == 694_891)
    }

    @Test func wholeFileDecodes() throws {
        let data = try OSMPBFReader.read(bytes: Self.bytes)
        // osmium fileinfo -e: 24,260 nodes, 5,130 ways.
        #expect(data.nodes.count == 24_260 && data.ways.count == 5_130)
    }

    @Test func truncationNamesTheBlockAndOffset() {
        // The header block's Blob starts after 4 + BlobHeader bytes; cut inside it.
        let cut = Array(Self.bytes.prefix(50))
        #expect(throws: RoadImportError.self) { try OSMPBFReader.read(bytes: cut) }
        do {
            _ = try OSMPBFReader.read(bytes: cut)
        } catch {
            guard case let .corruptPBF(offset, block, reason) = error else { Issue.record("\(error)"); return }
            #expect(block == 0 && offset > 0 && offset < 50 && reason.description.contains("ends inside"))
        }
    }

    @Test func everyTruncationIsAnError() {
        // 40 cut points spread over the file: each must throw, none may trap.
        let step = Self.bytes.count / 40
        for k in 1..<40 {
            let cut = Array(Self.bytes.prefix(k * step + 7))
            #expect(throws: RoadImportError.self, "cut at \(k * step + 7)") { try OSMPBFReader.read(bytes: cut) }
        }
    }

    @Test func flippedBytesNeverTrap() {
        // Seeded corruption of single bytes: an error or (rarely) a still-valid file.
        var state: UInt64 = 17
        var errors = 0
        for _ in 0..<60 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var damaged = Self.bytes
            let at = Int(state >> 33) % damaged.count
            damaged[at] ^= 0x5A
            do { _ = try OSMPBFReader.read(bytes: damaged) } catch { errors += 1 }
        }
        #expect(errors > 0)
    }

    /// Found by the fuzzer (stop 28): a dense node whose `keys_vals` holds a negative
    /// string index trapped while the error was made (the index was turned into an
    /// unsigned sentinel, then back into an `Int`). It is damage, named with its value.
    @Test func aNegativeStringIndexIsNamed() throws {
        let bytes = FixturePaths.bytes(FixturePaths.local("fuzz/negative-string-index.osm.pbf"))
        do {
            _ = try OSMPBFReader.read(bytes: bytes)
            Issue.record("read a file with a negative string index")
        } catch {
            guard case let .corruptPBF(_, _, reason) = error, case let .stringIndex(index, count) = reason else {
                Issue.record("\(error)")
                return
            }
            #expect(index < 0 && count > 0)
            #expect(reason.description.contains("string index \(index) outside the table of \(count)"))
        }
        #expect(throws: RoadImportError.self) { try OSMImporter.importPBF(bytes: bytes) }
    }

    @Test func emptyAndForeignInput() {
        #expect(throws: RoadImportError.self) { try OSMPBFReader.read(bytes: []) }
        #expect(throws: RoadImportError.self) { try OSMPBFReader.read(bytes: Array("<osm></osm>".utf8)) }
    }
}
