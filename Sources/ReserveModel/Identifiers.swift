/// A string identifier with a distinct type per kind of record, so that a depot id
/// can never be passed where an item id is expected.
///
/// Ids are the strings planners type in spreadsheets (`HG-CITY-01`); they encode
/// and decode as plain JSON strings and sort by their raw value.
public protocol TypedID: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible where RawValue == String {
    /// Creates an id from its raw string.
    init(_ rawValue: String)
}

extension TypedID {
    /// Creates an id from its raw string (never fails: any string is an id).
    public init(rawValue: String) { self.init(rawValue) }
    /// Creates an id from a string literal.
    public init(stringLiteral value: String) { self.init(value) }
    /// The raw id.
    public var description: String { rawValue }
    /// Orders ids by their raw strings.
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    /// Decodes from a single JSON string.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }
    /// Encodes as a single JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Identifies an administrative area (province, city, county, township, village…).
public struct AreaID: TypedID {
    /// The raw id.
    public let rawValue: String
    /// Creates an id from its raw string.
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a depot: a warehouse, storage point, supplier or mutual-aid source.
public struct DepotID: TypedID {
    /// The raw id.
    public let rawValue: String
    /// Creates an id from its raw string.
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies an item of the material catalogue.
public struct ItemID: TypedID {
    /// The raw id.
    public let rawValue: String
    /// Creates an id from its raw string.
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a rescue team.
public struct TeamID: TypedID {
    /// The raw id.
    public let rawValue: String
    /// Creates an id from its raw string.
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a disaster scenario.
public struct ScenarioID: TypedID {
    /// The raw id.
    public let rawValue: String
    /// Creates an id from its raw string.
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a target policy (for example Hegang's "8 h relief" policy).
public struct PolicyID: TypedID {
    /// The raw id.
    public let rawValue: String
    /// Creates an id from its raw string.
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a road node in the bundle's nodes table.
public struct RoadNodeID: TypedID {
    /// The raw id.
    public let rawValue: String
    /// Creates an id from its raw string.
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies an incident within its scenario (a scenario may hold several concurrent ones).
public struct IncidentID: TypedID {
    /// The raw id.
    public let rawValue: String
    /// Creates an id from its raw string.
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
