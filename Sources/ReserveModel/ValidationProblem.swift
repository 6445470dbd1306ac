import Localization

/// Whether a problem stops the bundle from being used.
public enum Severity: String, Codable, Sendable, Comparable {
    /// The bundle is wrong; commands refuse it (exit 65).
    case error
    /// Suspicious but legal (stock about to expire, an empty depot).
    case warning

    /// Errors sort before warnings.
    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
}

/// The tables of a bundle, named as the single-JSON form names them.
public enum BundleTable: String, Codable, Sendable, CaseIterable {
    /// `bundle.json` itself (policies, units, files).
    case manifest
    /// `areas.csv`.
    case areas
    /// `depots.csv`.
    case depots
    /// `items.csv`.
    case items
    /// `stock.csv`.
    case stock
    /// `teams.csv`.
    case teams
    /// `fleet.csv`.
    case fleet
    /// `nodes.csv`.
    case roadNodes = "road_nodes"
    /// `roads.csv` or `roads.geojson`.
    case roadEdges = "road_edges"
    /// `scenarios/*.json`.
    case scenarios
}

/// What a problem is about, independent of files: a table, a record index, and the
/// field, so that a directory bundle and a single JSON document can each turn it
/// into their own place (file:line:column or JSON path).
public struct RecordReference: Hashable, Codable, Sendable {
    /// The table.
    public var table: BundleTable
    /// 0-based record index in the table; nil = the table as a whole.
    public var index: Int?
    /// The CSV column name (flat tables), e.g. `capacity_t`.
    public var column: String?
    /// Path inside a JSON record (manifest, scenarios), e.g. `incidents[0].affected_areas[1].area`.
    public var path: String?

    /// Creates a reference.
    public init(table: BundleTable, index: Int? = nil, column: String? = nil, path: String? = nil) {
        self.table = table
        self.index = index
        self.column = column
        self.path = path
    }
}

/// Where a problem is, as a person opens it: file, line, column or JSON path.
public struct ProblemLocation: Hashable, Codable, Sendable, CustomStringConvertible {
    /// File relative to the bundle, or nil for in-memory bundles.
    public var file: String?
    /// 1-based physical line (header = 1).
    public var line: Int?
    /// Column name.
    public var column: String?
    /// JSON path (`$.incidents[0].area`).
    public var jsonPath: String?

    /// Creates a location.
    public init(file: String? = nil, line: Int? = nil, column: String? = nil, jsonPath: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.jsonPath = jsonPath
    }

    /// `file:line:column` or `file:$.path`.
    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let line { parts.append(String(line)) }
        if let column { parts.append(column) }
        if let jsonPath { parts.append(jsonPath) }
        return parts.isEmpty ? "bundle" : parts.joined(separator: ":")
    }
}

/// One problem: severity, place, a stable code with the values it names, and a
/// plain sentence.
///
/// The code (`depot.noStock`) and its arguments are what a program keys on; the
/// sentence is rendered from them by the strings table of the `Localization` module
/// (key `problem.<code>`), in English for ``message`` and in the reader's language
/// with ``message(in:)``. An argument whose name ends in `Key` holds the key of a
/// phrase (`whatKey: "what.depot.capacity_m3"`) that fills the placeholder without
/// the suffix (`{what}`), rendered with the same arguments.
public struct ValidationProblem: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Error or warning.
    public var severity: Severity
    /// What it is about.
    public var subject: RecordReference
    /// Where to look; filled by a ``ProblemLocator``.
    public var location: ProblemLocation
    /// Stable English code of the rule, e.g. `stock.unknownItem`.
    public var code: String
    /// The values the sentence names (ids, numbers, file names), by placeholder.
    public var arguments: [String: String]
    /// The plain English sentence.
    public var message: String

    /// Creates a problem of rule `code`; its English sentence is rendered now.
    public init(severity: Severity, subject: RecordReference, location: ProblemLocation = ProblemLocation(),
                code: String, arguments: [String: String] = [:]) {
        self.severity = severity
        self.subject = subject
        self.location = location
        self.code = code
        self.arguments = arguments
        message = Localizer(.en).problem(code, arguments)
    }

    /// The sentence in `t`'s language.
    public func message(in t: Localizer) -> String { t.problem(code, arguments) }

    /// `place: severity: message` in `t`'s language.
    public func line(in t: Localizer) -> String {
        let place = location == ProblemLocation() ? t("problem.place.bundle") : location.description
        return "\(place): \(t("problem.severity.\(severity.rawValue)")): \(message(in: t))"
    }

    /// `place: error: message`, the compiler-style line editors understand.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Every problem of a bundle, errors and warnings separated.
public struct ValidationReport: Hashable, Codable, Sendable {
    /// All problems in the order found.
    public var problems: [ValidationProblem]

    /// Creates a report.
    public init(problems: [ValidationProblem] = []) { self.problems = problems }

    /// The errors.
    public var errors: [ValidationProblem] { problems.filter { $0.severity == .error } }
    /// The warnings.
    public var warnings: [ValidationProblem] { problems.filter { $0.severity == .warning } }
    /// Whether there is at least one error.
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// Adds problems of another report.
    public mutating func append(contentsOf other: ValidationReport) { problems += other.problems }
}

/// Turns a record reference into a place in the files a bundle came from.
public protocol ProblemLocator: Sendable {
    /// The location of `subject`.
    func locate(_ subject: RecordReference) -> ProblemLocation
}
