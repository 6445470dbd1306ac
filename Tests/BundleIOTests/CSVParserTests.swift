@testable import BundleIO
import Foundation
import ReserveModel
import TestSupport
import Testing

/// The byte-level CSV reader against Python's `csv.reader` on tricky inputs, and its
/// number and UTF-8 fast paths against the standard library.
@Suite("CSV parser")
struct CSVParserTests {
    struct Case: Decodable, CustomStringConvertible {
        var name: String
        var input: String
        var header: [String]
        var headerLine: Int
        var rows: [[String]]
        var lines: [Int]
        var description: String { name }
    }

    struct Cases: Decodable {
        var generator: String
        var cases: [Case]
    }

    /// `Fixtures/csv-cases/cases.json`, written by `make_cases.py` beside it from
    /// Python's csv module.
    static let cases: [Case] = {
        guard let url = Bundle.module.url(forResource: "Fixtures/csv-cases/cases", withExtension: "json"),
              let data = try? Data(contentsOf: url),
              let decoded = try? JSONDecoder().decode(Cases.self, from: data) else { return [] }
        return decoded.cases
    }()

    @Test("The fixture of Python's parses is there")
    func fixturePresent() {
        #expect(Self.cases.count == 29)
    }

    @Test("Same header, fields and start lines as Python's csv module", arguments: cases)
    func matchesPython(_ c: Case) throws {
        let bytes = try #require(Data(base64Encoded: c.input))
        let t = try CSVTable.parse([UInt8](bytes))
        #expect(t.header == c.header)
        #expect(t.headerLine == c.headerLine)
        #expect((0..<t.count).map { t.fields($0) } == c.rows)
        #expect(t.recordLines == c.lines)
    }

    @Test("Bytes that are not UTF-8 are refused with the offset of the first bad byte")
    func notUTF8() {
        #expect(throws: CSVTable.Failure.notUTF8(offset: 10)) { try CSVTable.parse(Array("id,name\na,".utf8) + [0xFF, 0x41]) }
        // A lead byte without its continuation, after Chinese text.
        #expect(throws: CSVTable.Failure.notUTF8(offset: 6)) { try CSVTable.parse(Array("id,新".utf8) + [0xE4, 0xB8]) }
    }

    @Test("UTF-8 check agrees with String(validating:) on seeded random bytes")
    func utf8AgreesWithStandardLibrary() {
        var rng = SeededGenerator(seed: 12)
        let pieces: [[UInt8]] = [Array("a,1\n".utf8), Array("新华镇".utf8), [0xE4, 0xB8], [0xC0, 0x80], [0xED, 0xA0, 0x80],
                                 [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x9A, 0x92], [0x80], [0xFF], Array("abcdefghij".utf8)]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 12) { bytes += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect((UTF8Check.firstInvalidByte(in: bytes) == nil) == valid, "\(bytes)")
        }
    }

    @Test("Plain decimals parse to the same double as Double(String)")
    func decimalsAgreeWithStandardLibrary() {
        func fast(_ s: String) -> Double? { Array(s.utf8).withUnsafeBufferPointer { DecimalText.parse($0) } }
        // Worked by hand: exact values, negative zero, and forms left to strtod.
        #expect(fast("47.30001") == 47.30001)
        #expect(fast("0.1") == 0.1)
        #expect(fast("-0")?.sign == .minus)
        #expect(fast("9007199254740992") == 9_007_199_254_740_992)
        for slow in ["9007199254740993", "12345678901234567", "1.", ".5", "+1", "1e5", "nan", "inf", "", "-", "1.2.3", "0x10", " 1"] {
            #expect(fast(slow) == nil, "\(slow)")
        }
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<20000 {
            let whole = rng.next() % 1_000_000_000
            let decimals = Int(rng.next() % 9)
            let fraction = decimals == 0 ? "" : "." + String(String(rng.next()).suffix(decimals)).padding(toLength: decimals, withPad: "0", startingAt: 0)
            let text = (rng.next() % 2 == 0 ? "-" : "") + String(whole) + fraction
            if let v = fast(text) { #expect(v == Double(text), "\(text)") }
        }
    }

    @Test("A ragged row after a BOM, CRLF and a quoted line break is reported at its line and last column")
    func raggedRowLocation() throws {
        let copy = try FixtureCopy()
        defer { copy.remove() }
        try copy.write("teams.csv", "\u{FEFF}id,name,kind,area,lat,lon,specialties,headcount,vehicles,mobilisation_minutes\r\n"
            + "T1,\"东区\r\n消防站\",fireRescue,A1,47.3,130.319,urbanFire;flood,30,6,5\r\n"
            + "\r\n"
            + "T2,新华镇抢险队,semiProfessional,A2,47.312,130.342,flood,20,1,30,extra\r\n")
        let report = try copy.validate()
        let ragged = report.problems.filter { $0.message.contains("fields but the header has") }
        // Header line 1, T1 spans 2–3, blank line 4, T2 on line 5.
        #expect(ragged.map(\.description) == [
            "teams.csv:5:mobilisation_minutes: error: This row has 11 fields but the header has 10; is a comma missing its quotes?",
        ])
    }

    @Test("A file that is not UTF-8 is one problem naming the file")
    func notUTF8File() throws {
        let copy = try FixtureCopy()
        defer { copy.remove() }
        var bytes = [UInt8](try Data(contentsOf: copy.root.appendingPathComponent("items.csv")))
        bytes.insert(0xB9, at: bytes.count / 2)
        try Data(bytes).write(to: copy.root.appendingPathComponent("items.csv"))
        let report = try copy.validate()
        #expect(report.problems.map(\.description).contains("items.csv:1: error: The file items.csv is not UTF-8 text; save it as CSV UTF-8."))
    }

    @Test("Road tables large enough to be decoded in parallel slices keep row order and problem order")
    func parallelSlicesKeepOrder() throws {
        var text = "id,lat,lon\n"
        for i in 0..<60_000 {
            // Every 7,001st row has a bad latitude; the problems must come in row order.
            text += i % 7001 == 0 ? "n\(i),bad\(i),130\n" : "n\(i),47.\(i % 1000),130.5\n"
        }
        let t = try CSVTable.parse(text)
        var problems: [ValidationProblem] = []
        let read = TableRead<RoadNodeRecord>.decode(NodeTable.self, t, file: "nodes.csv", problems: &problems)
        #expect(read.count == 60_000)
        #expect(read[59_999].id.rawValue == "n59999")
        #expect(read[123].lat == 47.123)
        #expect(problems.map(\.message) == (0..<60_000).filter { $0 % 7001 == 0 }.map { "lat must be a number, not 'bad\($0)'." })
        #expect(problems.map { $0.subject.index } == (0..<60_000).filter { $0 % 7001 == 0 }.map { Optional($0) })
    }
}
