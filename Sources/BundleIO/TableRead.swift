import Foundation
import Localization
import ReserveModel

/// One CSV table of a directory bundle, read and decoded on its own (so tables can
/// be read concurrently): its records, the problems found, and the lines that
/// locate them.
struct TableRead<Record: Sendable>: Sendable {
    var table: BundleTable
    var file: String
    var records: [Record] = []
    var problems: [ValidationProblem] = []
    /// Header line and each record's start line; nil when the file was not parsed.
    var lines: (header: Int, records: [Int])?

    /// Reads `file` of the bundle's `files` with `codec`; a missing optional file is an empty table.
    static func read<C: TableCodec>(_ codec: C.Type, files: BundleFileSource, file: String, optional: Bool = false) -> TableRead
        where C.Record == Record {
        var out = TableRead(table: C.table, file: file)
        func fileProblem(_ code: String) {
            out.problems.append(ValidationProblem(severity: .error, subject: RecordReference(table: C.table), code: code, arguments: ["file": file]))
        }
        guard files.exists(file) else {
            if !optional { fileProblem("file.missing") }
            return out
        }
        guard let data = files.bytes(file) else {
            fileProblem("file.unreadable")
            return out
        }
        let parsed: CSVTable
        do {
            parsed = try CSVTable.parse(data)
        } catch {
            switch error {
            case .notUTF8: fileProblem("file.notUTF8")
            case .tooLarge: fileProblem("file.tooLarge")
            }
            return out
        }
        out.lines = (parsed.headerLine, parsed.recordLines)
        out.records = decode(codec, parsed, file: file, problems: &out.problems)
        return out
    }

    /// Header checks, then every record through the codec.
    static func decode<C: TableCodec>(_ codec: C.Type, _ parsed: CSVTable, file: String,
                                              problems: inout [ValidationProblem]) -> [Record] where C.Record == Record {
        var columns: [String: Int] = [:]
        for (i, name) in parsed.header.enumerated() {
            if columns[name] != nil {
                problems.append(ValidationProblem(severity: .error, subject: RecordReference(table: C.table, column: name),
                                                  code: "header.repeated", arguments: ["column": name]))
            } else {
                columns[name] = i
            }
        }
        for name in C.requiredColumns where columns[name] == nil {
            problems.append(ValidationProblem(severity: .error, subject: RecordReference(table: C.table, column: name),
                                              code: "header.missing", arguments: ["column": name]))
        }
        // A missing column whose default changes the answers (every depot 0 t/h, every
        // team 30 min) is an error: a renamed header must not turn a verdict silently.
        if parsed.count > 0 {
            for (name, fallback) in C.dispatchColumns.sorted(by: { $0.key < $1.key }) where columns[name] == nil {
                problems.append(ValidationProblem(severity: .error, subject: RecordReference(table: C.table, column: name),
                                                  code: "header.missingForDispatch",
                                                  arguments: ["column": name, "file": file, "default": fallback]))
            }
        }
        let known = Set(C.columns)
        let missing = C.columns.filter { columns[$0] == nil }
        for name in parsed.header where !known.contains(name) {
            // A renamed column is usually a typo of one the table lacks: name it.
            var arguments = ["column": name, "file": file]
            let suggestion = Localizer.suggestion(for: name, among: missing)
            if let suggestion { arguments["suggestion"] = suggestion }
            problems.append(ValidationProblem(severity: .warning, subject: RecordReference(table: C.table, column: name),
                                              code: suggestion == nil ? "header.unknown" : "header.unknownSuggest", arguments: arguments))
        }
        // Large tables (road rows) are decoded in parallel slices, each straight into
        // its part of the result; problems are joined in row order afterwards.
        let count = parsed.count
        let slices = count >= 50_000 ? 2 : 1
        let header = parsed.header
        var sliceProblems = [[ValidationProblem]](repeating: [], count: slices)
        let records = [Record](unsafeUninitializedCapacity: count) { buffer, initialized in
            let out = DisjointWrites(buffer)
            sliceProblems.withUnsafeMutableBufferPointer { foundBuffer in
                let found = DisjointWrites(foundBuffer)
                DispatchQueue.concurrentPerform(iterations: slices) { k in
                    let rows = (count * k / slices)..<(count * (k + 1) / slices)
                    var r = RowReader(table: C.table, columns: ColumnMap(header: header), csv: parsed)
                    for i in rows {
                        r.index = i
                        let fields = parsed.fieldCount(i)
                        if fields > header.count {
                            r.fail(header.last ?? "", "row.tooManyFields", ["fields": "\(fields)", "header": "\(header.count)"])
                        }
                        out.initialize(i, to: C.decode(&r))
                    }
                    found.set(k, r.problems)
                }
            }
            initialized = count
        }
        for p in sliceProblems { problems += p }
        return records
    }
}
