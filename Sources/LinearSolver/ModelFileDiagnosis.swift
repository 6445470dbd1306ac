/// Why a model file could not be read: what kind of problem it is, where, and the
/// reader's own words.
///
/// GLPK's readers say what is wrong only on their terminal, in English, one line per
/// message (`model.lp:4: missing constraint sense`). What can be told from those lines
/// is kept as a stable ``Code`` and a line number, so that the CLI writes the sentence
/// in the reader's language; the lines themselves stay in ``readerText`` and are quoted
/// after it, since only GLPK knows every message it can print.
public struct ModelFileDiagnosis: Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem the reader reported.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The file does not exist.
        case noSuchFile
        /// The file exists but cannot be opened.
        case cannotOpen
        /// The reader stopped at a line of the file (a syntax or content error).
        case badLine
        /// The reader failed without naming a line.
        case unclassified
    }

    /// What kind of problem it is.
    public var code: Code
    /// The 1-based line of the file the reader names, for ``Code/badLine``.
    public var line: Int?
    /// The reader's own message, its terminal lines joined by "; ".
    public var readerText: String

    /// A diagnosis.
    public init(code: Code, line: Int? = nil, readerText: String) {
        self.code = code
        self.line = line
        self.readerText = readerText
    }

    /// Classifies a reader's terminal lines: an open failure (`Unable to open 'f' -
    /// No such file or directory`), or the first `file:line: message`.
    public init(readerLines: [String]) {
        let text = readerLines.joined(separator: "; ")
        if let open = readerLines.first(where: { $0.lowercased().hasPrefix("unable to open") }) {
            self.init(code: open.contains("No such file") ? .noSuchFile : .cannotOpen, readerText: text)
            return
        }
        for line in readerLines {
            if let number = Self.lineNumber(in: line) {
                self.init(code: .badLine, line: number, readerText: text)
                return
            }
        }
        self.init(code: .unclassified, readerText: text)
    }

    /// The `N` of `path:N: message`: the last `:digits:` before the message, so that
    /// a path holding colons still parses.
    static func lineNumber(in line: String) -> Int? {
        let parts = line.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        for k in stride(from: parts.count - 2, through: 1, by: -1) {
            let field = parts[k]
            if !field.isEmpty, field.allSatisfy(\.isASCII), field.allSatisfy(\.isNumber), let n = Int(field), n > 0 {
                return n
            }
        }
        return nil
    }

    /// The reader's own words (the English form of the error).
    public var description: String { readerText }
}
