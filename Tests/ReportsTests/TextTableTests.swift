import Testing
@testable import Reports

@Suite struct TextTableTests {
    @Test func widths() {
        #expect(displayWidth("abc") == 3)
        #expect(displayWidth("鹤岗") == 4)
        #expect(displayWidth("东山区 A") == 8)
        #expect(displayWidth("（）") == 4)
        #expect(displayWidth("e\u{301}") == 1)
    }

    @Test func chineseColumnsLineUp() {
        var t = TextTable(columns: [.init("area"), .init("share", alignment: .right), .init("note")])
        t.append(["鹤岗市", "92%", "ok"])
        t.append(["Xiangyang", "100%", "联合"])
        let lines = t.render().split(separator: "\n").map(String.init)
        #expect(lines == [
            "area       share  note",
            "---------  -----  ----",
            "鹤岗市       92%  ok",
            "Xiangyang   100%  联合",
        ])
        #expect(Set(lines.map { displayWidth($0) }).count <= 2)
    }

    @Test func longCellsAreClipped() {
        var t = TextTable(columns: [.init("x", maxWidth: 6)])
        t.append(["黑龙江省鹤岗市"])
        #expect(t.render().split(separator: "\n").last == "黑龙…")
    }
}
