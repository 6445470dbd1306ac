/// A JSON value that remembers the line it starts on, so GeoJSON problems can be
/// reported by line like every other reader's. A small recursive-descent parser over
/// UTF-8 bytes (RFC 8259), without Foundation.
indirect enum LineJSON {
    case object([(key: String, value: LineJSON)], line: Int)
    case array([LineJSON], line: Int)
    case string(String, line: Int)
    case number(Double, line: Int)
    case bool(Bool, line: Int)
    case null(line: Int)

    var line: Int {
        switch self {
        case let .object(_, line), let .array(_, line), let .string(_, line),
             let .number(_, line), let .bool(_, line): line
        case let .null(line): line
        }
    }

    subscript(key: String) -> LineJSON? {
        guard case let .object(members, _) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    var string: String? { if case let .string(s, _) = self { s } else { nil } }
    var number: Double? { if case let .number(x, _) = self { x } else { nil } }
    var array: [LineJSON]? { if case let .array(a, _) = self { a } else { nil } }
    var isNull: Bool { if case .null = self { true } else { false } }

    struct SyntaxError: Error {
        var line: Int
        var reason: GraphReadError.Reason
    }

    static func parse(_ text: String) throws(SyntaxError) -> LineJSON {
        var parser = Parser(bytes: Array(text.utf8))
        parser.skipWhitespace()
        if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.error(.jsonTrailingText) }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        var line = 1

        init(bytes: [UInt8]) { self.bytes = bytes }

        func error(_ reason: GraphReadError.Reason) -> SyntaxError { SyntaxError(line: line, reason: reason) }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x0A: line += 1; index += 1
                case 0x20, 0x09, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(SyntaxError) -> LineJSON {
            guard depth < 512 else { throw error(.jsonTooDeep) }
            skipWhitespace()
            guard index < bytes.count else { throw error(.jsonEnd) }
            let start = line
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(String, LineJSON)] = []
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members, line: start) }
                while true {
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error(.jsonMemberName) }
                    let key = try string()
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error(.jsonColon) }
                    index += 1
                    members.append((key, try value(depth: depth + 1)))
                    skipWhitespace()
                    guard index < bytes.count else { throw error(.jsonObjectEnd) }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members, line: start) }
                    throw error(.jsonObjectSeparator)
                }
            case UInt8(ascii: "["):
                index += 1
                var elements: [LineJSON] = []
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements, line: start) }
                while true {
                    elements.append(try value(depth: depth + 1))
                    skipWhitespace()
                    guard index < bytes.count else { throw error(.jsonArrayEnd) }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements, line: start) }
                    throw error(.jsonArraySeparator)
                }
            case UInt8(ascii: "\""):
                return .string(try string(), line: start)
            case UInt8(ascii: "t"): try literal("true"); return .bool(true, line: start)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false, line: start)
            case UInt8(ascii: "n"): try literal("null"); return .null(line: start)
            default:
                return .number(try number(), line: start)
            }
        }

        mutating func literal(_ word: String) throws(SyntaxError) {
            let w = Array(word.utf8)
            guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
                throw error(.jsonCharacter)
            }
            index += w.count
        }

        mutating func number() throws(SyntaxError) -> Double {
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
                    || [UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
                index += 1
            }
            guard index > start, let text = String(validating: bytes[start..<index], as: UTF8.self),
                  let x = Double(text), x.isFinite else {
                throw error(index == start ? .jsonCharacter : .jsonNumber)
            }
            return x
        }

        mutating func string() throws(SyntaxError) -> String {
            index += 1 // opening quote
            var out: [UInt8] = []
            while index < bytes.count {
                let b = bytes[index]
                index += 1
                switch b {
                case UInt8(ascii: "\""):
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { break }
                    let e = bytes[index]
                    index += 1
                    switch e {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"):
                        guard index + 4 <= bytes.count, let text = String(validating: bytes[index..<index + 4], as: UTF8.self),
                              let code = UInt32(text, radix: 16) else { throw error(.jsonEscape) }
                        index += 4
                        // Surrogate pairs are rare in road data; an unpaired one becomes U+FFFD.
                        out.append(contentsOf: Array(String(Unicode.Scalar(code) ?? "\u{FFFD}").utf8))
                    default: out.append(e)
                    }
                case 0x0A:
                    throw error(.jsonLineBreak)
                default:
                    out.append(b)
                }
            }
            throw error(.jsonUnterminated)
        }
    }
}
