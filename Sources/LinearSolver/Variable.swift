/// A decision variable of a ``Model``: a handle to one column.
///
/// Variables are plain indices, cheap to copy and hash; they are only meaningful
/// for the model that created them. `Variable` is deliberately not `Comparable`:
/// `x <= y` builds a constraint, not a `Bool`.
public struct Variable: Hashable, Sendable, CustomStringConvertible {
    /// Zero-based column index in the owning model.
    public let index: Int32

    /// Wraps a column index. Models hand these out; build one yourself only to
    /// address a model read from a file.
    public init(index: Int32) { self.index = index }

    public var description: String { "x[\(index)]" }
}

/// Whether a variable may take any real value, only integers, or only 0 and 1.
public enum VariableKind: String, Sendable, Codable, CaseIterable {
    /// Any real value between its bounds.
    case continuous
    /// An integer between its bounds.
    case integer
    /// 0 or 1 (bounds are forced to [0, 1]).
    case binary
}

/// A constraint of a ``Model``: a handle to one row.
public struct ConstraintRef: Hashable, Sendable, Comparable {
    /// Zero-based row index in the owning model.
    public let index: Int32

    /// Wraps a row index.
    public init(index: Int32) { self.index = index }

    public static func < (lhs: ConstraintRef, rhs: ConstraintRef) -> Bool { lhs.index < rhs.index }
}

/// Whether the objective is minimised or maximised.
public enum ObjectiveSense: String, Sendable, Codable {
    /// Find the smallest objective value.
    case minimize
    /// Find the largest objective value.
    case maximize
}
