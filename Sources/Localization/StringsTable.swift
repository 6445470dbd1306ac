/// Reads the `Localizable.strings` files this module ships: `"key" = "value";`
/// entries, `/* … */` and `// …` comments, and the escapes `\"`, `\\`, `\n`, `\t`,
/// `\r` and `\'`.
///
/// Foundation's `PropertyListSerialization` reads the same files, but on Linux it
/// took 3–4 ms per table plus 1–4 ms bridging the `NSDictionary` to Swift: every
/// command pays it at start-up (the help texts are built before the arguments are
/// parsed), twice in a Chinese locale, which also loads the English fallback —
/// a fifth of `reserve validate` (docs/decisions.md, "Strings tables"). This reads
/// the subset of the format the files use, straight from UTF-8 bytes, and answers
/// `nil` for anything else (unquoted words, `\U` escapes, a missing `;`), so that
/// the caller falls back to Foundation. `StringsTableTests` checks that both
/// tables read the same as with `PropertyListSerialization`.
enum StringsTable {
    /// The entries of a strings file, or `nil` if it uses more of the format than
    /// this reader knows. A key given twice keeps its last value, as Foundation does.
    static func parse(_ bytes: [UInt8]) -> [String: String]? {
        var table: [String: String] = [:]
        var i = 0
        let n = bytes.count
        // A UTF-8 byte-order mark is not part of the text.
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }

        func skipSpaceAndComments() -> Bool {
            while i < n {
                switch bytes[i] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                    i += 1
                case UInt8(ascii: "/") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "*"):
                    i += 2
                    while i + 1 < n, !(bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                    guard i + 1 < n else { return false } // unterminated comment
                    i += 2
                case UInt8(ascii: "/") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "/"):
                    while i < n, bytes[i] != UInt8(ascii: "\n") { i += 1 }
                default:
                    return true
                }
            }
            return true
        }

        func quoted() -> String? {
            guard i < n, bytes[i] == UInt8(ascii: "\"") else { return nil }
            i += 1
            let start = i
            var escaped: [UInt8]?
            while i < n {
                let byte = bytes[i]
                if byte == UInt8(ascii: "\"") {
                    let text = escaped.map { String(decoding: $0, as: UTF8.self) }
                        ?? String(decoding: bytes[start..<i], as: UTF8.self)
                    i += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") {
                    guard i + 1 < n else { return nil }
                    if escaped == nil { escaped = Array(bytes[start..<i]) }
                    switch bytes[i + 1] {
                    case UInt8(ascii: "\""): escaped!.append(UInt8(ascii: "\""))
                    case UInt8(ascii: "\\"): escaped!.append(UInt8(ascii: "\\"))
                    case UInt8(ascii: "'"): escaped!.append(UInt8(ascii: "'"))
                    case UInt8(ascii: "n"): escaped!.append(UInt8(ascii: "\n"))
                    case UInt8(ascii: "t"): escaped!.append(UInt8(ascii: "\t"))
                    case UInt8(ascii: "r"): escaped!.append(UInt8(ascii: "\r"))
                    default: return nil // \U, octal and the rest: Foundation's to read
                    }
                    i += 2
                    continue
                }
                escaped?.append(byte)
                i += 1
            }
            return nil // unterminated string
        }

        while true {
            guard skipSpaceAndComments() else { return nil }
            if i == n { return table }
            guard let key = quoted(), skipSpaceAndComments(), i < n, bytes[i] == UInt8(ascii: "=") else { return nil }
            i += 1
            guard skipSpaceAndComments(), let value = quoted(), skipSpaceAndComments(),
                  i < n, bytes[i] == UInt8(ascii: ";") else { return nil }
            i += 1
            table[key] = value
        }
    }
}
