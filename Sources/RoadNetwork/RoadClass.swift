/// The functional class of a road, which sets its default speed.
///
/// The raw values are the spellings accepted by the readers (`class` column or
/// property); ``init(parsing:)`` also accepts a few common synonyms.
public enum RoadClass: String, CaseIterable, Hashable, Sendable, Codable {
    case expressway
    case national
    case provincial
    case county
    case township
    case village
    case urban

    /// Position in ``allCases``; used to index per-class tables in hot loops.
    @inlinable public var ordinal: Int {
        switch self {
        case .expressway: 0
        case .national: 1
        case .provincial: 2
        case .county: 3
        case .township: 4
        case .village: 5
        case .urban: 6
        }
    }

    /// The class at a position of ``allCases``, or `nil` outside `0..<7`.
    @inlinable public init?(ordinal: Int) {
        switch ordinal {
        case 0: self = .expressway
        case 1: self = .national
        case 2: self = .provincial
        case 3: self = .county
        case 4: self = .township
        case 5: self = .village
        case 6: self = .urban
        default: return nil
        }
    }

    /// Parses a class name case-insensitively, accepting common synonyms
    /// (`motorway`/`highway` → expressway, `trunk` → national, `primary` → provincial,
    /// `secondary` → county, `tertiary` → township, `residential`/`rural` → village,
    /// `city`/`street` → urban). Returns `nil` for anything else.
    public init?(parsing text: some StringProtocol) {
        if let exact = RoadClass(rawValue: String(text)) { self = exact; return } // no lowercased copy
        let key = text.lowercased()
        if let exact = RoadClass(rawValue: key) { self = exact; return }
        switch key {
        case "motorway", "highway", "freeway": self = .expressway
        case "trunk": self = .national
        case "primary": self = .provincial
        case "secondary": self = .county
        case "tertiary": self = .township
        case "residential", "rural", "unclassified": self = .village
        case "city", "street": self = .urban
        default: return nil
        }
    }
}
