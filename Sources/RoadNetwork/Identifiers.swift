/// A node of a ``RoadGraph``: a dense index in `0..<graph.nodeCount`.
///
/// Typed at API boundaries so a node cannot be confused with an edge or a row of
/// some other table; the hot loops work on the raw `Int32`.
public struct NodeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The dense index of the node.
    public var rawValue: Int32

    /// A node id from its dense index.
    @inlinable public init(_ rawValue: Int32) { self.rawValue = rawValue }

    /// A node id from its dense index.
    @inlinable public init(_ index: Int) { self.rawValue = Int32(truncatingIfNeeded: index) }

    /// The dense index as an `Int`, for subscripting arrays.
    @inlinable public var index: Int { Int(rawValue) }

    /// Orders nodes by index.
    @inlinable public static func < (a: NodeID, b: NodeID) -> Bool { a.rawValue < b.rawValue }

    /// `#index`, to tell node ids from names in messages.
    public var description: String { "#\(rawValue)" }
}

/// A directed edge of a ``RoadGraph``: its position in the forward adjacency arrays.
///
/// A two-way road is two directed edges, one per direction.
public struct EdgeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The position of the edge in the forward CSR arrays.
    public var rawValue: Int32

    /// An edge id from its position.
    @inlinable public init(_ rawValue: Int32) { self.rawValue = rawValue }

    /// An edge id from its position.
    @inlinable public init(_ index: Int) { self.rawValue = Int32(truncatingIfNeeded: index) }

    /// The position as an `Int`, for subscripting arrays.
    @inlinable public var index: Int { Int(rawValue) }

    /// Orders edges by position.
    @inlinable public static func < (a: EdgeID, b: EdgeID) -> Bool { a.rawValue < b.rawValue }

    /// `e` followed by the position.
    public var description: String { "e\(rawValue)" }
}
