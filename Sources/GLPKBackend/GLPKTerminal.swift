import CGLPK
import Logging

/// Receives GLPK's terminal output for one call on one thread and sends it, line by
/// line, to the logger; keeps the last lines so that a reader's error can be quoted.
final class GLPKTerminal {
    let logger: Logger
    let level: Logger.Level
    private var pending = ""
    private(set) var recentLines: [String] = []

    init(logger: Logger, level: Logger.Level) {
        self.logger = logger
        self.level = level
    }

    func receive(_ text: String) {
        pending += text
        while let newline = pending.firstIndex(of: "\n") {
            let line = String(pending[..<newline])
            pending = String(pending[pending.index(after: newline)...])
            emit(line)
        }
    }

    func flush() {
        if !pending.isEmpty { emit(pending); pending = "" }
    }

    private func emit(_ line: String) {
        guard !line.isEmpty else { return }
        logger.log(level: level, "glpk: \(line)", metadata: ["code": "glpk", "line": "\(line)"])
        recentLines.append(line)
        if recentLines.count > 20 { recentLines.removeFirst(recentLines.count - 20) }
    }

    /// GLPK's messages that say what went wrong, without progress chatter.
    var errorText: String { errorLines.joined(separator: "; ") }

    /// The same, line by line.
    var errorLines: [String] {
        let lines = recentLines.filter { !$0.hasPrefix("Reading") && !$0.hasPrefix("Writing") }
        return lines.isEmpty ? recentLines : lines
    }

    /// Runs `body` with GLPK's terminal output on this thread routed to this sink.
    ///
    /// GLPK keeps its environment (and so the hook) per thread; `body` must not
    /// suspend or hop threads, which a synchronous closure guarantees.
    func capture<T>(_ body: () throws -> T) rethrows -> T {
        let info = Unmanaged.passUnretained(self).toOpaque()
        glp_term_hook({ info, text in
            guard let info, let text else { return 1 }
            Unmanaged<GLPKTerminal>.fromOpaque(info).takeUnretainedValue().receive(String(cString: text))
            return 1 // non-zero: GLPK must not also print to stdout
        }, info)
        defer {
            glp_term_hook(nil, nil)
            flush()
        }
        return try withExtendedLifetime(self) { try body() }
    }
}
