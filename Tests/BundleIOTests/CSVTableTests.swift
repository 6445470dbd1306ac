@testable import BundleIO
import Testing

@Suite("CSV tables")
struct CSVTableTests {
    @Test("Chinese text, quotes, commas, embedded newlines, CRLF and a BOM")
    func tricky() throws {
        let text = "\u{FEFF}id,name,note\r\n"
            + "a,\"新华镇, \"\"东片\"\"\",普通\r\n"
            + "b,\"两行\r\n名字\",x\r\n"
            + "\r\n"
            + "c,三,\"三\n行\n注\"\r\n"
            + "d,最后,end"
        let t = try CSVTable.parse(text)
        #expect(t.header == ["id", "name", "note"])
        #expect((0..<t.count).map { t.fields($0) } == [
            ["a", "新华镇, \"东片\"", "普通"],
            ["b", "两行\r\n名字", "x"],
            ["c", "三", "三\n行\n注"],
            ["d", "最后", "end"],
        ])
        // Header line 1; a on 2; b spans 3–4; blank line 5; c spans 6–8; d on 9.
        #expect(t.recordLines == [2, 3, 6, 9])
    }

    @Test("Writer output reads back to the same fields")
    func writerRoundTrip() throws {
        let rows = [["1", "a,b", "say \"hi\""], ["2", "line\nbreak", "雪豹"], ["3", "", "cr\rlf"]]
        let text = CSVText.encode(header: ["id", "x", "y"], rows: rows)
        let t = try CSVTable.parse(text)
        #expect((0..<t.count).map { t.fields($0) } == rows)
        #expect(t.recordLines == [2, 3, 5])
    }

    @Test("Number text is deterministic and round-trips")
    func numbers() {
        #expect(NumberText.format(2.0) == "2")
        #expect(NumberText.format(0.1) == "0.1")
        #expect(NumberText.format(-1_234_567) == "-1234567")
        #expect(NumberText.format(nil) == "")
        for x in [0.1, 1.0 / 3, 47.12345, 1e-7, 123456.789] {
            #expect(Double(NumberText.format(x)) == x)
        }
    }
}
