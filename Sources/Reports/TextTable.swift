/// A plain-text table whose columns line up in a terminal, including Chinese text
/// (a CJK character takes two columns).
///
/// Nothing is ever cut: a cell wider than its column wraps onto more lines (at a space
/// when there is one, else between characters), so two rows never look the same
/// because their distinguishing ends were dropped. Columns narrow, widest first,
/// until the table fits the width it is rendered for.
///
/// ```swift
/// var t = TextTable(columns: [.init("区域"), .init("满足率", alignment: .right)])
/// t.append(["鹤岗市区", "92%"])
/// print(t.render())
/// ```
public struct TextTable: Sendable {
    /// Left or right alignment of a column.
    public enum Alignment: Sendable { case left, right }

    /// A column header and its alignment.
    public struct Column: Sendable {
        /// Header text.
        public var title: String
        /// Alignment of the cells.
        public var alignment: Alignment
        /// Cells wider than this many terminal columns wrap onto further lines.
        public var maxWidth: Int
        /// Creates a column.
        public init(_ title: String, alignment: Alignment = .left, maxWidth: Int = 40) {
            self.title = title
            self.alignment = alignment
            self.maxWidth = maxWidth
        }
    }

    /// The width tables fit when no other is asked for (the planner's terminal or a
    /// printed page).
    public static let defaultWidth = 100
    /// No column narrows below this (or its header's widest word).
    static let minimumColumnWidth = 6

    /// The columns.
    public var columns: [Column]
    /// The rows, one string per column.
    public private(set) var rows: [[String]] = []

    /// An empty table with these columns.
    public init(columns: [Column]) {
        self.columns = columns
    }

    /// Appends a row; missing cells are blank and extra cells are dropped.
    public mutating func append(_ cells: [String]) {
        rows.append((0..<columns.count).map { $0 < cells.count ? cells[$0] : "" })
    }

    /// The table as lines: header, a rule, the rows, fitted within `width` terminal
    /// columns when the columns can narrow that far (`nil`: no limit but the
    /// columns' own `maxWidth`). Two spaces separate columns.
    public func render(width: Int? = TextTable.defaultWidth) -> String {
        let widths = columnWidths(limit: width)
        func lines(_ cells: [String]) -> [String] {
            let wrapped = cells.enumerated().map { wrap($1, to: widths[$0]) }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { line in
                var parts: [String] = []
                for (k, cellLines) in wrapped.enumerated() {
                    let cell = line < cellLines.count ? cellLines[line] : ""
                    let pad = String(repeating: " ", count: max(0, widths[k] - displayWidth(cell)))
                    parts.append(columns[k].alignment == .right ? pad + cell : cell + pad)
                }
                var text = parts.joined(separator: "  ")
                while text.hasSuffix(" ") { text.removeLast() }
                return text
            }
        }
        var out = lines(columns.map(\.title))
        out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        for row in rows { out += lines(row) }
        return out.joined(separator: "\n")
    }

    /// Each column's width: its widest cell up to `maxWidth`, then the widest columns
    /// narrowed one at a time until the table fits `limit`.
    func columnWidths(limit: Int?) -> [Int] {
        var widths = columns.enumerated().map { k, column in
            min(column.maxWidth, ([column.title] + rows.map { $0[k] }).map(displayWidth).max() ?? 0)
        }
        let floors = columns.enumerated().map { k, column in
            min(widths[k], max(Self.minimumColumnWidth, column.title.split(separator: " ").map { displayWidth(String($0)) }.max() ?? 0))
        }
        guard let limit else { return widths }
        let separators = 2 * max(0, columns.count - 1)
        while widths.reduce(separators, +) > limit {
            guard let k = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[k] -= 1
        }
        return widths
    }
}

/// `text` broken into lines of at most `width` terminal columns: at spaces where
/// possible, then after a list mark 、 (so that a list's names stay whole), else
/// between characters (a CJK character is never split). A break
/// between characters follows Chinese typesetting's line-start and line-end rules
/// (避头尾, W3C clreq §3.1.7): closing punctuation such as `、` `。` `）` never starts a
/// line and an opening bracket such as `（` never ends one; the character before
/// moves down instead, so a name breaks as `…（协作支` / `援）`, not `…（协作支援` / `）`.
func wrap(_ text: String, to width: Int) -> [String] {
    guard displayWidth(text) > width, width > 1 else { return [text] }
    var lines: [String] = []
    var line = ""
    var used = 0
    for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
        let w = displayWidth(word)
        if used > 0 && used + 1 + w <= width {
            line += " " + word
            used += 1 + w
            continue
        }
        if used > 0 {
            lines.append(line)
            line = ""
            used = 0
        }
        for segment in listSegments(of: word) {
            // A list's names stay whole where they fit: break after a 、 first.
            let sw = displayWidth(String(segment))
            if used + sw <= width {
                line += segment
                used += sw
                continue
            }
            if used > 0 && sw <= width {
                lines.append(line)
                line = String(segment)
                used = sw
                continue
            }
            for character in segment {
                let cw = displayWidth(String(character))
                if used + cw > width && used > 0 {
                    // Move characters down while the break would start the next line with
                    // closing punctuation or end this one with an opening bracket; never
                    // the line's last character (a line of punctuation alone stays).
                    var carried = ""
                    while line.count > 1,
                          let last = line.last,
                          noLineStart.contains(carried.first ?? character) || noLineEnd.contains(last) {
                        carried.insert(line.removeLast(), at: carried.startIndex)
                    }
                    lines.append(line)
                    line = carried
                    used = displayWidth(carried)
                }
                line.append(character)
                used += cw
            }
        }
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
}

/// A word cut after each list mark 、 (which stays with the name before it), so that
/// a list of names breaks between names.
private func listSegments(of word: String) -> [Substring] {
    var segments: [Substring] = []
    var start = word.startIndex
    for index in word.indices where word[index] == "、" {
        let end = word.index(after: index)
        segments.append(word[start..<end])
        start = end
    }
    if start < word.endIndex || segments.isEmpty { segments.append(word[start...]) }
    return segments
}

/// Characters that may not begin a line in Chinese text: closing brackets and quotes,
/// pause, full stop, comma and the other punctuation that follows what it marks (the
/// full-width forms; English text breaks at its spaces).
private let noLineStart: Set<Character> = Set("、。，．：；！？）］｝》」』】〕〉〗〙〛”’…‥〜")

/// Characters that may not end a line: opening brackets and quotes.
private let noLineEnd: Set<Character> = Set("（［｛《「『【〔〈〖〘〚“‘")

/// Terminal columns a string occupies: East Asian wide and fullwidth characters take
/// two, combining marks none, everything else one.
public func displayWidth(_ text: String) -> Int {
    var width = 0
    for scalar in text.unicodeScalars {
        let v = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: continue
        default: break
        }
        if v == 0x200B { continue }
        width += isWide(v) ? 2 : 1
    }
    return width
}

private func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
         0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
         0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
        return true
    default:
        return false
    }
}
