/// A siting input that cannot be used (`candidates.csv`, `od.csv`, the bundle's
/// network or areas): what is wrong as a code with its values and place. The CLI
/// renders `siting.reason.<code>` from the strings tables; ``description`` is the
/// English sentence.
public struct SitingInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Sendable, Hashable {
        /// `detail`
        case networkMismatch(detail: String)
        /// `file`: cannot read the file
        case unreadable(file: String)
        /// the bundle has no leaf area with a population > 0 to serve
        case noDemandAreas
        /// candidates.csv:`line`:id: the id is empty
        case emptyID(line: Int)
        /// candidates.csv:`line`:id: duplicate candidate '`id`'
        case duplicateCandidate(line: Int, id: String)
        /// candidates.csv:`line`:area: area '`area`' is not in the areas table
        case unknownArea(line: Int, area: String)
        /// the bundle has no candidate sites
        case noCandidates
        /// od.csv:`line`:from: '`id`' is not a candidate site or existing depot
        case unknownOrigin(line: Int, id: String)
        /// od.csv:`line`:to: '`id`' is not in the areas table
        case unknownDestination(line: Int, id: String)
        /// od.csv:`line`: the pair `from` → `to` appears twice
        case duplicatePair(line: Int, from: String, to: String)
        /// od.csv:`line`:hours: the travel time is empty
        case emptyHours(line: Int)
        /// the bundle has neither a road network nor an od.csv travel-time matrix
        case noTravelTimes
        /// travel times: `detail`
        case travelTimes(detail: String)
        /// `problems`
        case invalidProblem(problems: String)
        /// `path`: `detail`
        case cannotWrite(path: String, detail: String)
        /// `file`:1: the file has no header row
        case noHeader(file: String)
        /// `file`:`line`: a quoted field is not closed
        case unclosedQuote(file: String, line: Int)
        /// `file`:1: the required column '`column`' is missing
        case missingColumn(file: String, column: String)
        /// `file`:`line`:`column`: '`text`' is not a number ≥ 0
        case notNumber(file: String, line: Int, column: String, text: String)
        /// `file`:`line`:`column`: '`text`' is not true or false
        case notBool(file: String, line: Int, column: String, text: String)

        /// The stable code: the case name, the key `siting.reason.<code>`.
        public var code: String { parts.code }

        /// The values the sentence names, by placeholder.
        public var arguments: [String: String] { parts.arguments }

        private var parts: (code: String, arguments: [String: String]) {
            switch self {
            case let .networkMismatch(detail): ("networkMismatch", ["detail": "\(detail)"])
            case let .unreadable(file): ("unreadable", ["file": "\(file)"])
            case .noDemandAreas: ("noDemandAreas", [:])
            case let .emptyID(line): ("emptyID", ["line": "\(line)"])
            case let .duplicateCandidate(line, id): ("duplicateCandidate", ["line": "\(line)", "id": "\(id)"])
            case let .unknownArea(line, area): ("unknownArea", ["line": "\(line)", "area": "\(area)"])
            case .noCandidates: ("noCandidates", [:])
            case let .unknownOrigin(line, id): ("unknownOrigin", ["line": "\(line)", "id": "\(id)"])
            case let .unknownDestination(line, id): ("unknownDestination", ["line": "\(line)", "id": "\(id)"])
            case let .duplicatePair(line, from, to): ("duplicatePair", ["line": "\(line)", "from": "\(from)", "to": "\(to)"])
            case let .emptyHours(line): ("emptyHours", ["line": "\(line)"])
            case .noTravelTimes: ("noTravelTimes", [:])
            case let .travelTimes(detail): ("travelTimes", ["detail": "\(detail)"])
            case let .invalidProblem(problems): ("invalidProblem", ["problems": "\(problems)"])
            case let .cannotWrite(path, detail): ("cannotWrite", ["path": "\(path)", "detail": "\(detail)"])
            case let .noHeader(file): ("noHeader", ["file": "\(file)"])
            case let .unclosedQuote(file, line): ("unclosedQuote", ["file": "\(file)", "line": "\(line)"])
            case let .missingColumn(file, column): ("missingColumn", ["file": "\(file)", "column": "\(column)"])
            case let .notNumber(file, line, column, text): ("notNumber", ["file": "\(file)", "line": "\(line)", "column": "\(column)", "text": "\(text)"])
            case let .notBool(file, line, column, text): ("notBool", ["file": "\(file)", "line": "\(line)", "column": "\(column)", "text": "\(text)"])
            }
        }

        /// The English sentence of each code (a test holds it equal to the `en` table).
        static let english: [String: String] = [
            "networkMismatch": "{detail}",
            "unreadable": "{file}: cannot read the file",
            "noDemandAreas": "the bundle has no leaf area with a population > 0 to serve",
            "emptyID": "candidates.csv:{line}:id: the id is empty",
            "duplicateCandidate": "candidates.csv:{line}:id: duplicate candidate '{id}'",
            "unknownArea": "candidates.csv:{line}:area: area '{area}' is not in the areas table",
            "noCandidates": "the bundle has no candidate sites",
            "unknownOrigin": "od.csv:{line}:from: '{id}' is not a candidate site or existing depot",
            "unknownDestination": "od.csv:{line}:to: '{id}' is not in the areas table",
            "duplicatePair": "od.csv:{line}: the pair {from} → {to} appears twice",
            "emptyHours": "od.csv:{line}:hours: the travel time is empty",
            "noTravelTimes": "the bundle has neither a road network nor an od.csv travel-time matrix",
            "travelTimes": "travel times: {detail}",
            "invalidProblem": "{problems}",
            "cannotWrite": "{path}: {detail}",
            "noHeader": "{file}:1: the file has no header row",
            "unclosedQuote": "{file}:{line}: a quoted field is not closed",
            "missingColumn": "{file}:1: the required column '{column}' is missing",
            "notNumber": "{file}:{line}:{column}: '{text}' is not a number ≥ 0",
            "notBool": "{file}:{line}:{column}: '{text}' is not true or false",
        ]
    }

    /// What is wrong.
    public var reason: Reason

    /// Creates an error.
    public init(_ reason: Reason) { self.reason = reason }

    /// The English sentence, with its place.
    public var description: String {
        var text = Reason.english[reason.code] ?? reason.code
        for (name, value) in reason.arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }
}
