/// One thing wrong with a problem value given to an optimiser: where (`needs[3]`,
/// `sources[2] (HG-D-CITY)`) and what (`quantity must be ≥ 0, got -2.0`), so a
/// service can point at the field and a CLI can print `where: what`.
public struct ProblemIssue: Sendable, Hashable, CustomStringConvertible {
    /// The entry concerned, as a path into the value.
    public var path: String
    /// What is wrong with it.
    public var message: String

    /// An issue at `path`.
    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}
