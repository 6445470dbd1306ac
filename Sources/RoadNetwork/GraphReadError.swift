/// Every problem found while reading a graph file, each with its place.
///
/// Readers do not stop at the first bad line: they collect all problems (up to
/// ``GraphReadError/maximumProblems``) so one run shows everything to fix.
public struct GraphReadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// One malformed line or value.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        /// The file name as given to the reader.
        public var file: String
        /// 1-based line number; 0 when the problem concerns the whole file.
        public var line: Int
        /// What is wrong, as a code with its values.
        public var reason: Reason

        /// A problem at a place.
        public init(file: String, line: Int, reason: Reason) {
            self.file = file
            self.line = line
            self.reason = reason
        }

        /// A plain English sentence saying what is wrong.
        public var message: String { reason.description }

        /// `file:line: message`, the form compilers use, so editors can jump to it.
        public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
    }

    /// Readers stop collecting after this many problems.
    public static let maximumProblems = 200

    /// The problems, in file and line order.
    public var problems: [Problem]

    /// An error from its problems.
    public init(problems: [Problem]) { self.problems = problems }

    /// One problem per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Collects problems for one file and turns the first few hundred into an error.
struct ProblemLog {
    let file: String
    var problems: [GraphReadError.Problem] = []

    init(file: String) { self.file = file }

    var isFull: Bool { problems.count >= GraphReadError.maximumProblems }

    mutating func add(_ line: Int, _ reason: GraphReadError.Reason) {
        if !isFull { problems.append(.init(file: file, line: line, reason: reason)) }
    }
}

/// Splits text into lines without Foundation, numbering from 1 and dropping a
/// trailing `\r` (Windows line ends) and a leading byte-order mark.
///
/// Works on UTF-8 bytes: splitting by `Character` would run grapheme breaking over
/// every byte of a multi-million-line file. Cutting at ASCII bytes keeps the
/// substrings valid and shares the text's storage.
func numberedLines(_ text: String) -> [(number: Int, text: Substring)] {
    let utf8 = text.utf8
    var lineStart = utf8.startIndex
    if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { lineStart = utf8.index(lineStart, offsetBy: 3) }
    var out: [(Int, Substring)] = []
    var n = 0
    func emit(_ end: String.Index) {
        n += 1
        var stop = end
        if stop > lineStart, utf8[utf8.index(before: stop)] == 0x0D { stop = utf8.index(before: stop) }
        out.append((n, Substring(utf8[lineStart..<stop])))
    }
    var i = lineStart
    while i != utf8.endIndex {
        if utf8[i] == 0x0A {
            emit(i)
            lineStart = utf8.index(after: i)
        }
        i = utf8.index(after: i)
    }
    if lineStart != utf8.endIndex { emit(utf8.endIndex) }
    return out
}

/// Splits on runs of spaces and tabs.
func whitespaceFields(_ line: Substring) -> [Substring] {
    line.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).map { Substring($0) }
}

/// Whether a line holds nothing but spaces and commas (an empty CSV row).
func isBlankCSVRow(_ line: Substring) -> Bool {
    line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x2C || $0 == 0x09 }
}

/// The most nodes a file with this many edges may declare: generous for isolated nodes
/// (four per edge, or a million), but it stops a typo from allocating gigabytes.
func plausibleNodeLimit(edges: Int) -> Int { max(1_000_000, 4 * edges) }
