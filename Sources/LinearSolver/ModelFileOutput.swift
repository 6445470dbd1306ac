/// A model file being written: bytes, a line count, and GLPK's line wrapping.
struct ModelFileOutput {
    var bytes: [UInt8] = []
    var lines = 0

    /// Appends `text` and a newline.
    mutating func line(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        bytes.append(UInt8(ascii: "\n"))
        lines += 1
    }

    /// Appends `term` to `line`, first ending the line when both together would pass
    /// 72 bytes (GLPK's CPLEX LP writer).
    mutating func append(_ term: String, to line: inout String) {
        if line.utf8.count + term.utf8.count > 72 {
            self.line(line)
            line = ""
        }
        line += term
    }
}
