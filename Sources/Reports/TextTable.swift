/// A plain-text table whose columns line up in a terminal, including Chinese text
/// (a CJK character takes two columns).
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
        /// Cells wider than this many terminal columns are cut with an ellipsis.
        public var maxWidth: Int
        /// Creates a column.
        public init(_ title: String, alignment: Alignment = .left, maxWidth: Int = 40) {
            self.title = title
            self.alignment = alignment
            self.maxWidth = maxWidth
        }
    }

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

    /// The table as lines: header, a rule, the rows. Two spaces separate columns.
    public func render() -> String {
        let clipped = rows.map { row in row.enumerated().map { clip($1, to: columns[$0].maxWidth) } }
        var widths = columns.map { displayWidth(clip($0.title, to: $0.maxWidth)) }
        for row in clipped { for (k, cell) in row.enumerated() { widths[k] = max(widths[k], displayWidth(cell)) } }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (k, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: widths[k] - displayWidth(cell))
                let isLast = k == cells.count - 1
                parts.append(columns[k].alignment == .right ? pad + cell : (isLast ? cell : cell + pad))
            }
            return parts.joined(separator: "  ")
        }
        var out = [line(columns.map { clip($0.title, to: $0.maxWidth) })]
        out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        out += clipped.map(line)
        return out.joined(separator: "\n")
    }

    private func clip(_ text: String, to width: Int) -> String {
        guard displayWidth(text) > width, width > 1 else { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = displayWidth(String(character))
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }
}

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
