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

    /// A list of names breaks after its 、 marks, so each name stays whole where it
    /// fits. By hand, in 40 columns: 绥滨县防汛抢险队、 (18) and 萝北县消防救援大队、
    /// (20) make 38; 工农消防站、 (12) would make 50, so it starts the next line with
    /// 雪豹应急救援队 (14): 26. Before, the line was filled and 工农消防站 split.
    @Test func listsBreakBetweenNames() {
        #expect(wrap("绥滨县防汛抢险队、萝北县消防救援大队、工农消防站、雪豹应急救援队", to: 40)
                == ["绥滨县防汛抢险队、萝北县消防救援大队、", "工农消防站、雪豹应急救援队"])
        // A name wider than the line still breaks inside it.
        #expect(wrap("甲、乙丙丁戊己庚", to: 8) == ["甲、乙丙", "丁戊己庚"])
        #expect(wrap("a b、c", to: 3) == ["a", "b、", "c"])
    }

    /// Chinese line breaking (避头尾): closing punctuation never starts a line and an
    /// opening bracket never ends one; the character before moves down. Worked by hand
    /// (every CJK character and full-width mark is two columns wide):
    /// * 商丘市应急物资储备库（协作支援）, 30 columns: the first 15 characters fill a
    ///   line and `）` would start the next, so `援` moves down with it.
    /// * 甲乙（丙丁 in 6: `甲乙（` fills the line but ends with `（`, which moves down.
    /// * 甲乙丙）。 in 6: `）` would start the next line; `丙` moves down and `丙）。`
    ///   fits in 6.
    /// * A name wider than the line breaks inside, never before its `、`.
    @Test func chineseLinesNeverStartWithClosingPunctuation() {
        #expect(wrap("商丘市应急物资储备库（协作支援）", to: 30) == ["商丘市应急物资储备库（协作支", "援）"])
        #expect(wrap("甲乙（丙丁", to: 6) == ["甲乙", "（丙丁"])
        #expect(wrap("甲乙丙）。", to: 6) == ["甲乙", "丙）。"])
        #expect(wrap("娄庄镇消防救援站、灵城镇消防救援站", to: 16) == ["娄庄镇消防救援", "站、", "灵城镇消防救援站"])
        // A line of punctuation alone cannot move anything down: it stays as it is.
        #expect(wrap("）））", to: 2) == ["）", "）", "）"])
        // Every width at which the rules can hold: 丙）、 needs 6 columns on one line (at 4
        // a closing mark must start a line, and does; the text is never lost).
        for (text, narrowest) in [("宿州市应急物资储备保障分中心、萧县应急物资储备保障库（县级）", 4), ("（甲）（乙）（丙）、丁。", 6)] {
            #expect(wrap(text, to: 4).joined() == text)
            for width in narrowest...12 {
                let lines = wrap(text, to: width)
                #expect(lines.joined() == text, "\(text) in \(width)")
                #expect(lines.allSatisfy { displayWidth($0) <= width }, "\(text) in \(width)")
                for line in lines.dropFirst() where line.count > 1 {
                    #expect(!"、。，）》」】".contains(line.first!), "\(text) in \(width): \(lines)")
                }
                for line in lines.dropLast() where line.count > 1 {
                    #expect(!"（《「【".contains(line.last!), "\(text) in \(width): \(lines)")
                }
            }
        }
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
