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
            throw BundleIOError(.notFound, path: path, message: "no such file or directory")
        }
        if !isDirectory.boolValue {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw BundleIOError(.unreadable, path: path, message: "cannot read the file")
            }
            return BundleJSON.decodeBundle(data, file: (path as NSString).lastPathComponent)
        }
        var reader = DirectoryBundleReader(files: BundleFileSource(storage: .folder(path)))
        return try reader.read()
    }

    /// Reads a directory bundle whose files are held in memory, keyed by their path
    /// in the bundle folder as the manifest names them (`bundle.json`, `areas.csv`,
    /// `scenarios/s-flood.json`): the same reader as ``read(at:)`` on a folder, for a
    /// service that received the files and for the fuzz target. Throws only when
    /// `bundle.json` is absent; every data problem is in ``LoadedBundle/readProblems``.
    public static func read(files: [String: [UInt8]]) throws(BundleIOError) -> LoadedBundle {
        var reader = DirectoryBundleReader(files: BundleFileSource(storage: .memory(files)))
        return try reader.read()
    }

    /// Reads and validates in one call.
    public static func validate(at path: String, validator: BundleValidator = BundleValidator()) throws(BundleIOError) -> ValidationReport {
        try read(at: path).validate(validator)
    }
}

/// The directory form, one table at a time, collecting problems.
struct DirectoryBundleReader {
    let files: BundleFileSource
    var problems: [ValidationProblem] = []
    var locator = DirectoryLocator()

    init(files: BundleFileSource) { self.files = files }

    mutating func read() throws(BundleIOError) -> LoadedBundle {
        guard let data = files.data("bundle.json") else {
            throw BundleIOError(.unreadable, path: files.name, message: "not a bundle: bundle.json is missing or unreadable")
        }
        let manifest: BundleManifest
        do {
            manifest = try BundleJSON.decoder().decode(BundleManifest.self, from: data)
        } catch {
            let (path, code, arguments) = BundleJSON.describe(error)
            let p = ValidationProblem(severity: .error, subject: RecordReference(table: .manifest),
                                      location: ProblemLocation(file: "bundle.json", jsonPath: path), code: code, arguments: arguments)
            return LoadedBundle(bundle: ReserveBundle(manifest: BundleManifest(name: "")), readProblems: [p],
                                locator: locator, isComplete: false)
        }
        let f = manifest.files
        var bundle = ReserveBundle(manifest: manifest)
        // The tables and the scenarios do not depend on each other: read them at the
        // same time, then merge their problems in the order the files are listed.
        let files = self.files
        let geoJSON = f.roadsGeoJSON
        let nodesFile = f.nodes
        let areas = Slot<TableRead<AdministrativeArea>>(), depots = Slot<TableRead<Depot>>()
        let items = Slot<TableRead<Item>>(), stock = Slot<TableRead<StockLot>>(), teams = Slot<TableRead<Team>>()
        let fleet = Slot<TableRead<FleetEntry>>(), nodes = Slot<TableRead<RoadNodeRecord>>()
        let roads = Slot<TableRead<RoadEdgeRecord>>(), scenarios = Slot<ScenarioRead>()
        // Largest first, so the two big road tables start on different cores.
        let jobs: [@Sendable () -> Void] = [
            { roads.value = geoJSON == nil ? TableRead.read(RoadTable.self, files: files, file: f.roads, optional: true) : nil },
            {
                let optional = geoJSON == nil
                let present = files.exists(nodesFile)
                nodes.value = optional || present ? TableRead.read(NodeTable.self, files: files, file: nodesFile, optional: optional) : nil
            },
            { areas.value = TableRead.read(AreaTable.self, files: files, file: f.areas) },
            { depots.value = TableRead.read(DepotTable.self, files: files, file: f.depots) },
            { stock.value = TableRead.read(StockTable.self, files: files, file: f.stock) },
            { scenarios.value = ScenarioRead.read(files: files, listed: f.scenarios) },
            { items.value = TableRead.read(ItemTable.self, files: files, file: f.items) },
            { teams.value = TableRead.read(TeamTable.self, files: files, file: f.teams) },
            { fleet.value = TableRead.read(FleetTable.self, files: files, file: f.fleet, optional: true) },
        ]
        DispatchQueue.concurrentPerform(iterations: jobs.count) { jobs[$0]() }
        bundle.areas = merge(areas.value)
        bundle.depots = merge(depots.value)
        bundle.items = merge(items.value)
        bundle.stock = merge(stock.value)
        bundle.teams = merge(teams.value)
        bundle.fleet = merge(fleet.value)
        if let geo = geoJSON {
            let given = nodes.value.map { merge($0) } ?? []
            let read = readGeoJSONRoads(geo, nodes: given)
            bundle.roadNodes = read.nodes
            bundle.roadEdges = read.edges
        } else {
            bundle.roadNodes = merge(nodes.value)
            bundle.roadEdges = merge(roads.value)
        }
        if let s = scenarios.value {
            bundle.scenarios = s.scenarios
            locator.scenarioFiles += s.files
            problems += s.problems
        }
        let converted = bundle.convertingPlacesToWGS84()
        var boundaries: [AreaBoundary] = []
        // Optional: a bundle without the file has no boundaries, as one without fleet.csv has no trucks.
        if let data = files.data(f.areaBoundaries) {
            let read = AreaBoundaryReader.read(data, file: f.areaBoundaries, areas: converted.areas)
            boundaries = read.boundaries
            problems += read.problems
        }
        return LoadedBundle(bundle: converted, readProblems: problems, locator: locator, isComplete: true,
                            areaBoundaries: boundaries)
    }

    /// Takes one table's records and files its problems and lines.
    mutating func merge<Record>(_ read: TableRead<Record>?) -> [Record] {
        guard let read else { return [] }
        locator.files[read.table] = read.file
        if let lines = read.lines {
            locator.headerLines[read.table] = lines.header
            locator.recordLines[read.table] = lines.records
        }
        problems += read.problems
        return read.records
    }

    mutating func fileProblem(_ table: BundleTable, _ code: String, _ arguments: [String: String]) {
        problems.append(ValidationProblem(severity: .error, subject: RecordReference(table: table), code: code, arguments: arguments))
    }

}

/// The scenarios of a directory bundle, read apart from the tables.
struct ScenarioRead: Sendable {
    var scenarios: [Scenario] = []
    var files: [String] = []
    var problems: [ValidationProblem] = []

    static func read(files bundleFiles: BundleFileSource, listed: [String]?) -> ScenarioRead {
        var out = ScenarioRead()
        var files = listed ?? []
        if listed == nil {
            files = bundleFiles.names(in: "scenarios").filter { $0.hasSuffix(".json") }.sorted().map { "scenarios/" + $0 }
        }
        for file in files {
            guard let data = bundleFiles.data(file) else {
                out.problems.append(ValidationProblem(severity: .error, subject: RecordReference(table: .manifest, path: "files.scenarios"),
                                                      code: "file.missingOrUnreadable", arguments: ["file": file]))
                continue
            }
            do {
                var scenario = try BundleJSON.decoder().decode(Scenario.self, from: data)
                PolygonFile.resolve(&scenario, files: bundleFiles, scenarioFile: file, problems: &out.problems)
                out.scenarios.append(scenario)
                out.files.append(file)
            } catch {
                let (path, code, arguments) = BundleJSON.describe(error)
                out.problems.append(ValidationProblem(severity: .error, subject: RecordReference(table: .scenarios),
                                                      location: ProblemLocation(file: file, jsonPath: path), code: code, arguments: arguments))
            }
        }
        return out
    }
}
