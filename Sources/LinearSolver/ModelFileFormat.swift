/// A file format for models that other solvers also read.
public enum ModelFileFormat: String, Sendable, Codable, CaseIterable {
    /// CPLEX LP format (human-readable).
    case lp
    /// Free (modern) MPS format.
    case mps

    /// The format implied by a file name's extension (`.lp`, `.mps`), if any.
    public init?(pathExtensionOf path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".lp") { self = .lp } else if lower.hasSuffix(".mps") { self = .mps } else { return nil }
    }
}

/// What the formats cannot say themselves, written as comments that other readers
/// ignore and ours (GLPKBackend's `Model.read`) reads back.
package enum ModelFileMarker {
    /// First line of an MPS file whose maximisation was written as min −f.
    package static let negatedMaximize = "* EmergencyReserve: objective negated; original sense MAXIMIZE"
    /// How the CPLEX LP writer records the objective constant: `\* constant term = c *\`.
    package static let lpConstantPrefix = "\\* constant term = "
}
