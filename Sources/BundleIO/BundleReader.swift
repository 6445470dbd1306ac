import Foundation
import ReserveModel

/// Reads bundles: a directory (`bundle.json` + CSV tables + `scenarios/*.json`) or
/// a single JSON document.
///
/// ```swift
/// let loaded = try BundleReader.read(at: "Data/hegang")
/// let report = loaded.validate()
/// if report.hasErrors { … }
/// ```
public enum BundleReader {
    /// Reads the bundle at `path` (a directory, or a `.json` file in the single
    /// form). Throws only when there is no bundle there; every data problem is
    /// returned in ``LoadedBundle/readProblems`` instead.
    public static func read(at path: String) throws(BundleIOError) -> LoadedBundle {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw BundleIOError(path: path, message: "no such file or directory")
        }
        if !isDirectory.boolValue {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw BundleIOError(path: path, message: "cannot read the file")
            }
            return BundleJSON.decodeBundle(data, file: (path as NSString).lastPathComponent)
        }
        var reader = DirectoryBundleReader(root: path)
        return try reader.read()
    }

    /// Reads and validates in one call.
    public static func validate(at path: String, validator: BundleValidator = BundleValidator()) throws(BundleIOError) -> ValidationReport {
        try read(at: path).validate(validator)
    }
}

/// The directory form, one table at a time, collecting problems.
struct DirectoryBundleReader {
    let root: String
    var problems: [ValidationProblem] = []
    var locator = DirectoryLocator()

    init(root: String) { self.root = root }

    func url(_ relative: String) -> URL { URL(fileURLWithPath: root).appendingPathComponent(relative) }

    mutating func read() throws(BundleIOError) -> LoadedBundle {
        let manifestURL = url("bundle.json")
        guard let data = try? Data(contentsOf: manifestURL) else {
            throw BundleIOError(path: root, message: "not a bundle: bundle.json is missing or unreadable")
        }
        let manifest: BundleManifest
        do {
            manifest = try BundleJSON.decoder().decode(BundleManifest.self, from: data)
        } catch {
            let (path, message) = BundleJSON.describe(error)
            let p = ValidationProblem(severity: .error, subject: RecordReference(table: .manifest),
                                      location: ProblemLocation(file: "bundle.json", jsonPath: path), message: message)
            return LoadedBundle(bundle: ReserveBundle(manifest: BundleManifest(name: "")), readProblems: [p],
                                locator: locator, isComplete: false)
        }
        let f = manifest.files
        var bundle = ReserveBundle(manifest: manifest)
        bundle.areas = table(AreaTable.self, f.areas)
        bundle.depots = table(DepotTable.self, f.depots)
        bundle.items = table(ItemTable.self, f.items)
        bundle.stock = table(StockTable.self, f.stock)
        bundle.teams = table(TeamTable.self, f.teams)
        bundle.fleet = table(FleetTable.self, f.fleet, optional: true)
        if let geo = f.roadsGeoJSON {
            let nodes = FileManager.default.fileExists(atPath: url(f.nodes).path) ? table(NodeTable.self, f.nodes) : []
            let roads = readGeoJSONRoads(geo, nodes: nodes)
            bundle.roadNodes = roads.nodes
            bundle.roadEdges = roads.edges
        } else {
            bundle.roadNodes = table(NodeTable.self, f.nodes, optional: true)
            bundle.roadEdges = table(RoadTable.self, f.roads, optional: true)
        }
        bundle.scenarios = readScenarios(f.scenarios)
        return LoadedBundle(bundle: bundle.convertingPlacesToWGS84(), readProblems: problems, locator: locator, isComplete: true)
    }

    /// Reads one CSV table; a missing optional file is an empty table.
    mutating func table<C: TableCodec>(_ codec: C.Type, _ file: String, optional: Bool = false) -> [C.Record] {
        locator.files[C.table] = file
        let u = url(file)
        guard FileManager.default.fileExists(atPath: u.path) else {
            if !optional { fileProblem(C.table, "The file \(file) is missing.") }
            return []
        }
        guard let data = try? Data(contentsOf: u) else {
            fileProblem(C.table, "The file \(file) cannot be read.")
            return []
        }
        guard let text = String(data: data, encoding: .utf8) else {
            fileProblem(C.table, "The file \(file) is not UTF-8 text; save it as CSV UTF-8.")
            return []
        }
        let parsed: CSVTable
        do { parsed = try CSVTable.parse(text) } catch {
            fileProblem(C.table, "The file \(file) is not valid CSV: \(error).")
            return []
        }
        locator.headerLines[C.table] = parsed.headerLine
        locator.recordLines[C.table] = parsed.rows.map(\.line)
        var columns: [String: Int] = [:]
        for (i, name) in parsed.header.enumerated() {
            if columns[name] != nil {
                problems.append(ValidationProblem(severity: .error, subject: RecordReference(table: C.table, column: name),
                                                  message: "Column '\(name)' appears twice in the header."))
            } else {
                columns[name] = i
            }
        }
        for name in C.requiredColumns where columns[name] == nil {
            problems.append(ValidationProblem(severity: .error, subject: RecordReference(table: C.table, column: name),
                                              message: "Required column '\(name)' is missing from the header."))
        }
        let known = Set(C.columns)
        for name in parsed.header where !known.contains(name) {
            problems.append(ValidationProblem(severity: .warning, subject: RecordReference(table: C.table, column: name),
                                              message: "Column '\(name)' is not part of \(file) and is ignored."))
        }
        var records: [C.Record] = []
        records.reserveCapacity(parsed.rows.count)
        for (i, row) in parsed.rows.enumerated() {
            var r = RowReader(table: C.table, columns: columns, row: row, index: i, problems: [])
            if row.fields.count > parsed.header.count {
                r.fail(parsed.header.last ?? "", "This row has \(row.fields.count) fields but the header has \(parsed.header.count); is a comma missing its quotes?")
            }
            records.append(C.decode(&r))
            problems += r.problems
        }
        return records
    }

    mutating func fileProblem(_ table: BundleTable, _ message: String) {
        problems.append(ValidationProblem(severity: .error, subject: RecordReference(table: table), message: message))
    }

    mutating func readScenarios(_ listed: [String]?) -> [Scenario] {
        var files = listed ?? []
        if listed == nil {
            let dir = url("scenarios")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            files = names.filter { $0.hasSuffix(".json") }.sorted().map { "scenarios/" + $0 }
        }
        var scenarios: [Scenario] = []
        for file in files {
            guard let data = try? Data(contentsOf: url(file)) else {
                problems.append(ValidationProblem(severity: .error, subject: RecordReference(table: .manifest, path: "files.scenarios"),
                                                  message: "Scenario file \(file) is missing or unreadable."))
                continue
            }
            do {
                scenarios.append(try BundleJSON.decoder().decode(Scenario.self, from: data))
                locator.scenarioFiles.append(file)
            } catch {
                let (path, message) = BundleJSON.describe(error)
                problems.append(ValidationProblem(severity: .error, subject: RecordReference(table: .scenarios),
                                                  location: ProblemLocation(file: file, jsonPath: path), message: message))
            }
        }
        return scenarios
    }
}
