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
        /// A plain sentence saying what is wrong.
        public var message: String

        /// A problem at a place.
        public init(file: String, line: Int, message: String) {
            self.file = file
            self.line = line
            self.message = message
        }

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

    mutating func add(_ line: Int, _ message: String) {
        if !isFull { problems.append(.init(file: file, line: line, message: message)) }
    }
}

/// Splits text into lines without Foundation, numbering from 1 and dropping a
/// trailing `\r` (Windows line ends) and a leading byte-order mark.
func numberedLines(_ text: String) -> [(number: Int, text: Substring)] {
    var body = Substring(text)
    if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
    var out: [(Int, Substring)] = []
    var n = 0
    // "\r\n" is one Character in Swift, so it must be matched as such.
    for raw in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
        n += 1
        var line = raw
        if line.hasSuffix("\r") { line = line.dropLast() }
        out.append((n, line))
    }
    if let last = out.last, last.1.isEmpty { out.removeLast() }
    return out
}

/// Splits on runs of spaces and tabs.
func whitespaceFields(_ line: Substring) -> [Substring] {
    line.split(whereSeparator: { $0 == " " || $0 == "\t" })
}

/// The most nodes a file with this many edges may declare: generous for isolated nodes
/// (four per edge, or a million), but it stops a typo from allocating gigabytes.
func plausibleNodeLimit(edges: Int) -> Int { max(1_000_000, 4 * edges) }
