/// A parsed CSV file held as its own bytes: the header, and for every data record
/// the physical line it starts on and where each of its fields lies in the bytes.
///
/// Fields are byte ranges into ``bytes`` (quoted fields unescaped in place), so
/// reading a table allocates no `String` per field: numbers are parsed straight from
/// the bytes and text becomes a `String` only when a record keeps it. The grammar is
/// Python's `csv.reader` with the default dialect (see ``parse(_:)``), checked
/// against it in `Tests/BundleIOTests/CSVParserTests.swift`. `package` so that the
/// ledger's `import-sheet` reads CSV with the same parser.
package struct CSVTable: Sendable {
    /// The file's bytes after parsing (a leading UTF-8 byte-order mark dropped,
    /// quoted fields unescaped where they stand).
    private(set) var bytes: [UInt8]
    /// Byte range of every field, records one after the other.
    private var fieldStart: [Int32]
    private var fieldEnd: [Int32]
    /// Index into the field arrays of each record's first field; one more entry
    /// than records, so record `r` owns fields `recordField[r]..<recordField[r + 1]`.
    private var recordField: [Int32]
    /// 1-based physical line where each record starts (header = line 1).
    package private(set) var recordLines: [Int]

    /// Header names, trimmed of spaces and tabs.
    package private(set) var header: [String]
    /// Line of the header (1, or later after leading blank lines).
    package private(set) var headerLine: Int

    /// Number of data records.
    package var count: Int { recordLines.count }

    /// Number of fields of data record `r`.
    func fieldCount(_ r: Int) -> Int { Int(recordField[r + 1] - recordField[r]) }

    /// Calls `body` with the bytes of field `f` of data record `r` (empty when the
    /// record has fewer fields).
    @inline(__always)
    func withField<T>(_ r: Int, _ f: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let k = Int(recordField[r]) + f
        guard f >= 0, k < Int(recordField[r + 1]) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let start = Int(fieldStart[k]), end = Int(fieldEnd[k])
        return try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[start..<end]))
        }
    }

    /// Field `f` of data record `r` as text, exactly as in the file ("" if absent).
    func field(_ r: Int, _ f: Int) -> String {
        withField(r, f) { String(decoding: $0, as: UTF8.self) }
    }

    /// Every field of data record `r` as text.
    package func fields(_ r: Int) -> [String] {
        (0..<fieldCount(r)).map { field(r, $0) }
    }

    /// Why a file cannot be read as a table.
    package enum Failure: Error, Equatable {
        /// The bytes are not UTF-8; `offset` is the first byte that is not.
        case notUTF8(offset: Int)
        /// More than 2 GiB: field offsets are 32-bit.
        case tooLarge
    }

    /// Parses CSV bytes: `,` between fields, `"` around a field that holds commas,
    /// quotes or line breaks, `""` for a quote inside one; LF, CRLF or a lone CR
    /// end a line; a UTF-8 byte-order mark is dropped; blank lines are skipped but
    /// counted. Never fails on malformed quoting; like Python's `csv.reader`
    /// (`strict=False`), a quote that closes a field early keeps what follows it
    /// (`"ab"cd` reads `abcd`), a quote inside an unquoted field is an ordinary
    /// character, and a quote left open runs to the end of the file.
    ///
    /// - Throws: ``Failure`` when the bytes are not UTF-8 or too large.
    /// - Complexity: O(bytes), one pass, no allocation per field.
    package static func parse(_ data: consuming [UInt8]) throws(Failure) -> CSVTable {
        var bytes = data
        guard bytes.count < Int(Int32.max) else { throw .tooLarge }
        if let bad = UTF8Check.firstInvalidByte(in: bytes) { throw .notUTF8(offset: bad) }
        var parser = CSVParser(capacityHint: bytes.count)
        bytes.withUnsafeMutableBufferPointer { parser.run(over: $0) }
        return CSVTable(bytes: bytes, parser: parser)
    }

    /// Parses text (tests and callers holding a `String`).
    static func parse(_ text: String) throws(Failure) -> CSVTable {
        try parse(Array(text.utf8))
    }

    private init(bytes: [UInt8], parser p: CSVParser) {
        self.bytes = bytes
        fieldStart = p.fieldStart
        fieldEnd = p.fieldEnd
        recordField = p.recordField
        recordLines = p.recordLines
        header = []
        headerLine = 1
        // The first record that is not blank is the header.
        guard !recordLines.isEmpty else { return }
        headerLine = recordLines[0]
        header = fields(0).map { $0.trimmingSpaces() }
        recordField.removeFirst()
        recordLines.removeFirst()
    }
}

/// The state machine of Python's `csv.reader` (default dialect, `strict=False`)
/// over raw bytes. Only ASCII bytes (`,` `"` CR LF) steer it, so multi-byte UTF-8
/// characters pass through untouched.
private struct CSVParser {
    var fieldStart: [Int32] = []
    var fieldEnd: [Int32] = []
    var recordField: [Int32] = [0]
    var recordLines: [Int] = []

    init(capacityHint: Int) {
        // Bundle tables average 7–40 bytes a field; reserving for the dense end
        // avoids regrowing the arrays on large road tables.
        let fields = capacityHint / 6 + 16
        fieldStart.reserveCapacity(fields)
        fieldEnd.reserveCapacity(fields)
        recordField.reserveCapacity(fields / 4)
        recordLines.reserveCapacity(fields / 4)
    }

    static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    mutating func run(over b: UnsafeMutableBufferPointer<UInt8>) {
        let n = b.count
        var i = 0
        // Drop a UTF-8 byte-order mark by starting after it.
        if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        var line = 1
        while i < n {
            let recordLine = line
            // A line end right at the start of a record is a blank line.
            if b[i] == Self.cr || b[i] == Self.lf {
                i = Self.skipLineEnd(b, i)
                line += 1
                continue
            }
            let firstField = fieldStart.count
            // One field per pass; `i` is at its first byte.
            while true {
                if i < n, b[i] == Self.quote {
                    var write = i + 1    // unescaped bytes go here, over the quoted ones
                    let start = write
                    i += 1
                    var closed = false
                    while i < n {
                        let c = b[i]
                        if c == Self.quote {
                            if i + 1 < n, b[i + 1] == Self.quote {
                                b[write] = Self.quote; write += 1; i += 2
                                continue
                            }
                            i += 1
                            closed = true
                            break
                        }
                        if c == Self.lf || (c == Self.cr && !(i + 1 < n && b[i + 1] == Self.lf)) { line += 1 }
                        b[write] = c; write += 1; i += 1
                    }
                    // After the closing quote, anything up to the next comma or line
                    // end belongs to the same field (Python's non-strict reading).
                    if closed {
                        while i < n {
                            let c = b[i]
                            if c == Self.comma || c == Self.cr || c == Self.lf { break }
                            b[write] = c; write += 1; i += 1
                        }
                    }
                    appendField(start, write)
                } else {
                    let start = i
                    while i < n {
                        let c = b[i]
                        if c == Self.comma || c == Self.cr || c == Self.lf { break }
                        i += 1
                    }
                    appendField(start, i)
                }
                if i < n, b[i] == Self.comma {
                    i += 1
                    continue
                }
                break
            }
            // At a line end or the end of the data: the record is complete.
            if i < n {
                i = Self.skipLineEnd(b, i)
                line += 1
            }
            // A line holding one empty field (`""` or nothing) counts as blank.
            let count = fieldStart.count - firstField
            if count == 1, fieldStart[firstField] == fieldEnd[firstField] {
                fieldStart.removeLast(); fieldEnd.removeLast()
                continue
            }
            recordField.append(Int32(fieldStart.count))
            recordLines.append(recordLine)
        }
    }

    @inline(__always)
    mutating func appendField(_ start: Int, _ end: Int) {
        fieldStart.append(Int32(truncatingIfNeeded: start))
        fieldEnd.append(Int32(truncatingIfNeeded: end))
    }

    /// Past one line end: CRLF, LF or CR.
    @inline(__always)
    static func skipLineEnd(_ b: UnsafeMutableBufferPointer<UInt8>, _ i: Int) -> Int {
        if b[i] == cr, i + 1 < b.count, b[i + 1] == lf { return i + 2 }
        return i + 1
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (spreadsheets pad cells).
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) ?? first
        return String(scalars[first...last])
    }
}
