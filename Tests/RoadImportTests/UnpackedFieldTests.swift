import Testing
@testable import RoadImport

/// Repeated varint fields may be written packed (one length-delimited run), unpacked (a
/// varint per value) or as several runs, and a parser must read all alike
/// (`VarintRuns`, which keeps the first part inline and the rest in an array). A way
/// written by hand each way, bytes and all, must decode to the same id, references and
/// tags: id 7, refs 10, 11, 12, 7 (deltas +10, +1, +1, −5), highway=residential,
/// name=Main.
@Suite struct UnpackedFieldTests {
    static func varint(_ value: UInt64) -> [UInt8] {
        var v = value, out: [UInt8] = []
        while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        out.append(UInt8(v))
        return out
    }
    static func zigzag(_ v: Int64) -> UInt64 { UInt64(bitPattern: (v << 1) ^ (v >> 63)) }
    static func tag(_ number: Int, _ wireType: Int) -> [UInt8] { varint(UInt64(number << 3 | wireType)) }
    static func bytes(_ number: Int, _ payload: [UInt8]) -> [UInt8] { tag(number, 2) + varint(UInt64(payload.count)) + payload }
    static func packed(_ number: Int, _ values: [UInt64]) -> [UInt8] { bytes(number, values.flatMap(varint)) }
    static func unpacked(_ number: Int, _ values: [UInt64]) -> [UInt8] { values.flatMap { tag(number, 0) + varint($0) } }

    /// A block with one way, its keys, values and refs as `way` writes them.
    static func block(way: [UInt8]) throws -> PBFPrimitiveBlock {
        let strings = ["", "highway", "residential", "name", "Main"].flatMap { bytes(1, Array($0.utf8)) }
        let payload = bytes(1, strings) + bytes(2, bytes(3, tag(1, 0) + varint(7) + way))
        return try PBFPrimitiveBlock(payload: payload, block: PBFRawBlock(index: 1, offset: 0, type: "OSMData", blob: [], blobOffset: 0))
    }

    static func ways(_ block: PBFPrimitiveBlock) throws -> [OSMWay] {
        var out: [OSMWay] = []
        try block.forEachWay { out.append($0) }
        return out
    }

    @Test func packedUnpackedAndSplitFieldsReadAlike() throws {
        let deltas = [10, 1, 1, -5].map { Self.zigzag($0) }
        let expected = OSMWay(id: 7, nodeRefs: [10, 11, 12, 7], tags: ["highway": "residential", "name": "Main"])
        let writings: [[UInt8]] = [
            // All packed: one run per field (the first part alone).
            Self.packed(2, [1, 3]) + Self.packed(3, [2, 4]) + Self.packed(8, deltas),
            // All unpacked: a value per occurrence (the first inline, the rest after).
            Self.unpacked(2, [1, 3]) + Self.unpacked(3, [2, 4]) + Self.unpacked(8, deltas),
            // Mixed and split: a run then a value, and refs in two runs and a value.
            Self.unpacked(2, [1]) + Self.packed(2, [3]) + Self.packed(3, [2]) + Self.unpacked(3, [4])
                + Self.packed(8, Array(deltas[0..<2])) + Self.packed(8, [deltas[2]]) + Self.unpacked(8, [deltas[3]]),
        ]
        for (k, way) in writings.enumerated() {
            #expect(try Self.ways(try Self.block(way: way)) == [expected], "writing \(k)")
        }
    }
}
