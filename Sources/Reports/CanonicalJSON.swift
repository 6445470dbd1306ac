import Foundation

/// The one JSON encoding of every document the project writes: keys sorted,
/// pretty-printed, slashes unescaped, a trailing newline — the bytes `reserve …
/// --format json` prints, so that a service sending `report.jsonData()` answers
/// byte for byte what the CLI would (the golden digests pin them).
public enum CanonicalJSON {
    /// `value` encoded canonically.
    public static func data<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}

extension ResponseReport {
    /// The canonical bytes of this document (what `reserve dispatch --format json` prints).
    public func jsonData() throws -> Data { try CanonicalJSON.data(self) }
}

extension PlanReport {
    /// The canonical bytes of this document (what `reserve plan --format json` prints).
    public func jsonData() throws -> Data { try CanonicalJSON.data(self) }
}

extension CoverageReport {
    /// The canonical bytes of this document (what `reserve coverage --format json` prints).
    public func jsonData() throws -> Data { try CanonicalJSON.data(self) }
}
