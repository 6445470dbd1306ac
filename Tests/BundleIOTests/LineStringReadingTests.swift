@testable import BundleIO
import ReserveModel
import Testing
import TestSupport

/// roads.csv's WKT cells are read by bytes when they are ASCII (an import writes
/// millions of them), and by Characters otherwise, which defines the result. The byte
/// reading must give exactly what the Character reading gives, malformed cells included.
@Suite struct LineStringReadingTests {
    /// Hand-picked cells: each quirk of the definition (any case, empty pairs and
    /// tokens skipped, tokens that are not numbers dropped, the first `(`, a final `)`).
    static let cells = [
        "LINESTRING(24.9 60.1, 24.91 60.11)", "linestring(24.9 60.1,24.91 60.11)", "LineString (1 2, 3 4, 5 6)",
        "LINESTRING(1 2,, 3 4)", "LINESTRING(,1 2, 3 4,)", "LINESTRING(  1   2 , 3 4  )", "LINESTRING(1 x 2, 3 4)",
        "LINESTRING(1 2 3, 4 5)", "LINESTRING(1 2)", "LINESTRING()", "LINESTRING(181 0, 0 0)", "LINESTRING(0 91, 0 0)",
        "LINESTRING(1e1 2, -3.5 -4)", "LINESTRING(inf 2, 3 4)", "LINESTRING(nan 2, 3 4)", "LINESTRING(+1 2, 3 4)",
        "LINESTRING 1 2, 3 4)", "LINESTRING(1 2, 3 4", "LINESTRIN(1 2, 3 4)", "POINT(1 2)", "LINESTRING(a(1 2, 3 4)",
        "LINESTRING(1 2, 3 4)x", "LINESTRING(1 2\r\n, 3 4)", "LINESTRING(1\r\n2, 3 4)", "", "(", ")", "LINESTRING(",
        "LINESTRING)(1 2, 3 4)", "LINESTRING((1 2, 3 4))", "LINESTRING(0x1p3 2, 3 4)", "LINESTRING(.5 .5, 5. 5.)",
    ]

    @Test func handPickedCellsReadAlike() {
        for cell in Self.cells {
            let byBytes = RoadAttributeColumns.parseASCIILineString(cell)
            #expect(byBytes != nil, "\(cell.debugDescription) is ASCII")
            #expect(byBytes.flatMap { $0 } == RoadAttributeColumns.parseLineStringByCharacters(cell), "\(cell.debugDescription)")
        }
        #expect(RoadAttributeColumns.parseLineString("LINESTRING(24.9 60.1, 24.91 60.11)")
            == [GeoPoint(lat: 60.1, lon: 24.9), GeoPoint(lat: 60.11, lon: 24.91)])
    }

    /// 20,000 seeded cells built from the pieces WKT is made of, and noise.
    @Test func seededCellsReadAlike() {
        var rng = SeededGenerator(seed: 17)
        let pieces = ["LINESTRING", "linestring", "(", ")", ",", " ", "  ", "1", "-2.5", "24.9381234", "60.1699876", "181", "-91",
                      "x", "1e2", ".", "\r\n", "\t", "0", "90", "-180"]
        var differing = 0
        for _ in 0..<20_000 {
            var cell = Bool.random(using: &rng) ? "LINESTRING(" : ""
            for _ in 0..<Int.random(in: 0...12, using: &rng) { cell += pieces.randomElement(using: &rng)! }
            if Bool.random(using: &rng) { cell += ")" }
            let byBytes = RoadAttributeColumns.parseASCIILineString(cell)
            if byBytes == nil || byBytes! != RoadAttributeColumns.parseLineStringByCharacters(cell) { differing += 1 }
        }
        #expect(differing == 0)
    }

    /// A cell with any non-ASCII byte is left to the Character reading.
    @Test func nonASCIICellsTakeTheCharacterPath() {
        #expect(RoadAttributeColumns.parseASCIILineString("LINESTRING(1 2, 3 4)\u{00A0}") == nil)
        #expect(RoadAttributeColumns.parseASCIILineString("lınestring(1 2, 3 4)") == nil)
        // Dotless ı upper-cases to I: the definition accepts it.
        #expect(RoadAttributeColumns.parseLineString("lınestrıng(1 2, 3 4)") == [GeoPoint(lat: 2, lon: 1), GeoPoint(lat: 4, lon: 3)])
    }
}
