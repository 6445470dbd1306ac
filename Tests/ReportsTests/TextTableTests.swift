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

    /// Long cells wrap; nothing is cut, so rows that differ only at the end stay apart.
    @Test func longCellsWrapInsteadOfBeingCut() {
        var t = TextTable(columns: [.init("depot", maxWidth: 8), .init("n", alignment: .right)])
        t.append(["鹤岗市救灾物资储备库", "1"])
        t.append(["鹤岗市救灾物资中心库", "2"])
        #expect(t.render().split(separator: "\n").map(String.init) == [
            "depot     n",
            "--------  -",
            "鹤岗市救  1",
            "灾物资储",
            "备库",
            "鹤岗市救  2",
            "灾物资中",
            "心库",
        ])
        #expect(wrap("the depots that can arrive in time", to: 12) == ["the depots", "that can", "arrive in", "time"])
        #expect(wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
    }

    /// The widest column narrows (wrapping) until the table fits the width asked for.
    @Test func tablesFitTheWidthByNarrowingTheWidestColumn() {
        var t = TextTable(columns: [.init("a", maxWidth: 60), .init("b", maxWidth: 60)])
        t.append([String(repeating: "x", count: 50), String(repeating: "y", count: 20)])
        let widths = t.columnWidths(limit: 40)
        #expect(widths == [19, 19])
        #expect(t.render(width: 40).split(separator: "\n").allSatisfy { displayWidth(String($0)) <= 40 })
        #expect(t.columnWidths(limit: nil) == [50, 20])
    }
}
