import ReserveModel

/// Locates problems in a directory bundle: CSV problems at `file:line:column`
/// (header = line 1, records spanning several lines start where they start),
/// manifest and scenario problems at `file:$.json.path`.
public struct DirectoryLocator: ProblemLocator {
    /// File of each CSV table.
    public var files: [BundleTable: String]
    /// Physical start line of each record, per table.
    public var recordLines: [BundleTable: [Int]]
    /// Header line per table.
    public var headerLines: [BundleTable: Int]
    /// File of each scenario, by index.
    public var scenarioFiles: [String]
    /// The manifest file name.
    public var manifestFile: String
    /// Whether road edges came from GeoJSON (then located by feature path).
    public var roadsFromGeoJSON: Bool

    /// Creates a locator (BundleReader fills it while reading).
    public init(files: [BundleTable: String] = [:], recordLines: [BundleTable: [Int]] = [:],
                headerLines: [BundleTable: Int] = [:], scenarioFiles: [String] = [],
                manifestFile: String = "bundle.json", roadsFromGeoJSON: Bool = false) {
        self.files = files
        self.recordLines = recordLines
        self.headerLines = headerLines
        self.scenarioFiles = scenarioFiles
        self.manifestFile = manifestFile
        self.roadsFromGeoJSON = roadsFromGeoJSON
    }

    /// The place of `subject` in the bundle's files.
    public func locate(_ s: RecordReference) -> ProblemLocation {
        switch s.table {
        case .manifest:
            return ProblemLocation(file: manifestFile, jsonPath: "$" + (s.path.map { "." + $0 } ?? ""))
        case .scenarios:
            guard let i = s.index, i < scenarioFiles.count else {
                return ProblemLocation(file: "scenarios", jsonPath: s.path.map { "$." + $0 })
            }
            return ProblemLocation(file: scenarioFiles[i], jsonPath: "$" + (s.path.map { "." + $0 } ?? ""))
        case .roadEdges where roadsFromGeoJSON:
            var path = "$.features"
            if let i = s.index { path += "[\(i)]" }
            if let c = s.column { path += ".properties." + c }
            return ProblemLocation(file: files[.roadEdges], jsonPath: path)
        default:
            let line: Int?
            if let i = s.index {
                line = recordLines[s.table].flatMap { i < $0.count ? $0[i] : nil }
            } else {
                line = headerLines[s.table] ?? 1
            }
            return ProblemLocation(file: files[s.table], line: line, column: s.column)
        }
    }
}
