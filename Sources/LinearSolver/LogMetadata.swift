import Logging

extension Duration {
    /// Milliseconds with one decimal, for the values of a log line (`"12.3"`).
    package var logMilliseconds: String {
        let ms = Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
        return String(ms.rounded(toPlaces: 1))
    }
}

private extension Double {
    func rounded(toPlaces places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}

extension SolutionStatus {
    /// The key of the status's phrase in the strings tables, for a log line's
    /// `statusKey` value.
    package var phraseKey: String { "status.\(rawValue)" }
}
