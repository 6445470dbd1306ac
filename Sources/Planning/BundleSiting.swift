import BundleGraph
import BundleIO
import Foundation
import LinearSolver
import ReserveModel
import RoadNetwork

/// How a bundle becomes a ``SitingProblem``.
public struct BundleSitingOptions: Sendable {
    /// Candidates: `nil` uses `candidates.csv` when the bundle has one, else the
    /// centroid of every leaf area; a level uses the centroid of every area of it.
    public var candidateLevel: AdministrativeLevel?
    /// Add the bundle's physical depots (not mutual aid) as candidates that stay open.
    public var includeExistingDepots: Bool
    /// Exclude candidates whose area has a major landslide, debris-flow (flash flood)
    /// or earthquake risk, or whose `seismic_intensity` is above 9.
    public var excludeHazardZones: Bool
    /// Candidates inside any of these polygons are excluded.
    public var exclusionPolygons: [GeoPolygon]

    /// Options with the defaults: automatic candidates, existing depots open, hazard
    /// zones excluded, no polygons.
    public init(candidateLevel: AdministrativeLevel? = nil, includeExistingDepots: Bool = true,
                excludeHazardZones: Bool = true, exclusionPolygons: [GeoPolygon] = []) {
        self.candidateLevel = candidateLevel
        self.includeExistingDepots = includeExistingDepots
        self.excludeHazardZones = excludeHazardZones
        self.exclusionPolygons = exclusionPolygons
    }
}

/// A bundle's siting instance with the names behind the indices.
public struct BundleSitingInstance: Sendable {
    /// The numeric instance.
    public var problem: SitingProblem
    /// Display name of each candidate.
    public var candidateNames: [String]
    /// Display name of each demand point (area).
    public var demandNames: [String]
    /// Why each excluded candidate is excluded (by candidate index).
    public var exclusionReasons: [Int: String]
    /// Where travel times come from: `od.csv` or `road network`.
    public var travelTimeSource: String
}

/// Builds siting instances from bundles and reports results by id.
///
/// Optional bundle files (docs/formats.md, "Siting files"): `candidates.csv`
/// (`id`, `name`, `lat`, `lon`, `area`, `fixed_cost`, `capacity`, `existing`,
/// `excluded`, `seismic_intensity`) and `od.csv` (`from` candidate id, `to` area id,
/// `hours`, optional `cost`). Without `od.csv`, travel times come from the road
/// network: every candidate and area centroid is snapped to its nearest node (with
/// the access leg) and one Dijkstra runs per candidate.
public enum BundleSiting {
    /// The siting instance of `bundle`; `directory` is where it was read from (for
    /// the optional siting files; `nil` for a single-JSON bundle).
    public static func instance(of bundle: ReserveBundle, directory: String?,
                                options: BundleSitingOptions = BundleSitingOptions(),
                                network: BundleNetwork? = nil) throws(SitingInputError) -> BundleSitingInstance {
        if let network {
            do { try network.check(belongsTo: bundle) } catch { throw SitingInputError(.networkMismatch(detail: error.description)) }
        }
        let fm = FileManager.default
        func siteFile(_ name: String) -> String? {
            guard let directory else { return nil }
            let path = (directory as NSString).appendingPathComponent(name)
            return fm.fileExists(atPath: path) ? path : nil
        }
        func read(_ path: String, _ name: String) throws(SitingInputError) -> SitingCSV {
            guard let data = fm.contents(atPath: path) else { throw SitingInputError(.unreadable(file: name)) }
            return try SitingCSV(text: String(decoding: data, as: UTF8.self), file: name)
        }
        let areaByID = Dictionary(bundle.areas.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        let parents = Set(bundle.areas.compactMap { $0.parent?.rawValue })

        // Demand points: leaf areas with people.
        let demandAreas = bundle.areas.filter { !parents.contains($0.id.rawValue) && $0.population > 0 }
        guard !demandAreas.isEmpty else { throw SitingInputError(.noDemandAreas) }

        // Candidates.
        struct Candidate {
            var candidate: SitingCandidate
            var name: String
            var location: GeoPoint?
            var area: AdministrativeArea?
            var seismic: Double?
        }
        var candidates: [Candidate] = []
        if options.candidateLevel == nil, let path = siteFile("candidates.csv") {
            let t = try read(path, "candidates.csv")
            let id = try t.requireColumn("id")
            let (name, lat, lon, area) = (t.column("name"), t.column("lat"), t.column("lon"), t.column("area"))
            let (fixed, capacity, existing, excluded, seismic) = (t.column("fixed_cost"), t.column("capacity"), t.column("existing"),
                                                                  t.column("excluded"), t.column("seismic_intensity"))
            var seen = Set<String>()
            for row in t.rows {
                let cid = t.cell(row, id)
                guard !cid.isEmpty else { throw SitingInputError(.emptyID(line: row.line)) }
                guard seen.insert(cid).inserted else { throw SitingInputError(.duplicateCandidate(line: row.line, id: cid)) }
                let la = try t.number(row, lat, "lat", default: nil), lo = try t.number(row, lon, "lon", default: nil)
                let areaID = t.cell(row, area)
                var owner: AdministrativeArea?
                if !areaID.isEmpty {
                    guard let a = areaByID[areaID] else { throw SitingInputError(.unknownArea(line: row.line, area: areaID)) }
                    owner = a
                }
                var location: GeoPoint?
                if let la, let lo { location = GeoPoint(lat: la, lon: lo) } else { location = owner?.centroid }
                let c = SitingCandidate(id: cid, fixedCost: try t.number(row, fixed, "fixed_cost", default: 0) ?? 0,
                                        capacity: try t.number(row, capacity, "capacity", default: nil),
                                        fixedOpen: try t.bool(row, existing, "existing"), excluded: try t.bool(row, excluded, "excluded"))
                let cname = t.cell(row, name)
                candidates.append(Candidate(candidate: c, name: cname.isEmpty ? cid : cname, location: location, area: owner,
                                            seismic: try t.number(row, seismic, "seismic_intensity", default: nil)))
            }
        } else {
            let pool = options.candidateLevel.map { level in bundle.areas.filter { $0.level == level } }
                ?? bundle.areas.filter { !parents.contains($0.id.rawValue) }
            for a in pool {
                candidates.append(Candidate(candidate: SitingCandidate(id: a.id.rawValue), name: a.name, location: a.centroid, area: a))
            }
        }
        if options.includeExistingDepots {
            let taken = Set(candidates.map(\.candidate.id))
            for d in bundle.depots where d.mode == .physical && !d.mutualAid && !taken.contains(d.id.rawValue) {
                candidates.append(Candidate(candidate: SitingCandidate(id: d.id.rawValue, fixedOpen: true), name: d.name,
                                            location: d.location, area: d.area.flatMap { areaByID[$0.rawValue] }))
            }
        }
        guard !candidates.isEmpty else { throw SitingInputError(.noCandidates) }

        // Exclusions.
        var reasons: [Int: String] = [:]
        let dangerous: Set<HazardType> = [.landslide, .flashFlood, .earthquake]
        for (j, c) in candidates.enumerated() where !c.candidate.fixedOpen {
            if c.candidate.excluded { reasons[j] = "excluded in candidates.csv"; continue }
            if options.excludeHazardZones {
                if let s = c.seismic, s > 9 { reasons[j] = "seismic intensity \(s) above 9"; continue }
                if let h = c.area?.hazards.first(where: { $0.risk == .major && dangerous.contains($0.hazard) }) {
                    reasons[j] = "major \(h.hazard.rawValue) risk in \(c.area!.id.rawValue)"
                    continue
                }
            }
            if let p = c.location, options.exclusionPolygons.contains(where: { $0.contains(GeoCoordinate(latitude: p.lat, longitude: p.lon)) }) {
                reasons[j] = "inside an exclusion polygon"
            }
        }
        for j in reasons.keys { candidates[j].candidate.excluded = true }

        let m = candidates.count, n = demandAreas.count
        var hours = [Double](repeating: .infinity, count: n * m)
        var costs: [Double]?
        let source: String
        if let path = siteFile("od.csv") {
            source = "od.csv"
            let t = try read(path, "od.csv")
            let (from, to, h) = (try t.requireColumn("from"), try t.requireColumn("to"), try t.requireColumn("hours"))
            let costColumn = t.column("cost")
            let candidateIndex = Dictionary(candidates.enumerated().map { ($1.candidate.id, $0) }, uniquingKeysWith: { a, _ in a })
            let demandIndex = Dictionary(demandAreas.enumerated().map { ($1.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
            var costValues: [Double]? = costColumn == nil ? nil : [Double](repeating: .nan, count: n * m)
            var seen = [Bool](repeating: false, count: n * m)
            for row in t.rows {
                let f = t.cell(row, from), d = t.cell(row, to)
                guard let j = candidateIndex[f] else {
                    throw SitingInputError(.unknownOrigin(line: row.line, id: f))
                }
                guard let i = demandIndex[d] else {
                    if areaByID[d] != nil { continue }  // an area that is not a demand point
                    throw SitingInputError(.unknownDestination(line: row.line, id: d))
                }
                let k = i * m + j
                guard !seen[k] else { throw SitingInputError(.duplicatePair(line: row.line, from: f, to: d)) }
                seen[k] = true
                guard let value = try t.number(row, h, "hours", default: nil) else {
                    throw SitingInputError(.emptyHours(line: row.line))
                }
                hours[k] = value
                if costColumn != nil { costValues?[k] = try t.number(row, costColumn, "cost", default: .nan) ?? .nan }
            }
            if var values = costValues {
                for k in 0..<(n * m) where values[k].isNaN {
                    values[k] = hours[k].isFinite ? demandAreas[k / m].population * hours[k] : .infinity
                }
                costs = values
            }
        } else {
            source = "road network"
            // The bundle's network as validation built it (areas already snapped), else built here.
            let graph = network?.graph ?? bundle.roadGraph().graph
            guard graph.nodeCount > 0 else {
                throw SitingInputError(.noTravelTimes)
            }
            func snap(_ p: GeoPoint?) -> SnappedPoint? {
                guard let p else { return nil }
                guard let s = try? graph.snap(GeoCoordinate(latitude: p.lat, longitude: p.lon)),
                      s.distanceKm <= bundle.manifest.maxSnapKm else { return nil }
                return s
            }
            let cs = candidates.map { snap($0.location) }
            let ds = demandAreas.map { area in
                network.map { $0.snaps.areas[area.id].flatMap { $0.distanceKm <= bundle.manifest.maxSnapKm ? $0 : nil } } ?? snap(area.centroid)
            }
            let sources = cs.compactMap { $0?.node }, targets = ds.compactMap { $0?.node }
            if !sources.isEmpty && !targets.isEmpty {
                let matrix: TravelTimeMatrix
                do { matrix = try graph.travelTimeMatrix(from: sources, to: targets) } catch {
                    throw SitingInputError(.travelTimes(detail: "\(error)"))
                }
                var row = 0
                for j in 0..<m {
                    guard let c = cs[j] else { continue }
                    var column = 0
                    for i in 0..<n {
                        guard let d = ds[i] else { continue }
                        if let t = matrix[row, column] { hours[i * m + j] = c.accessHours + t + d.accessHours }
                        column += 1
                    }
                    row += 1
                }
            }
        }
        let problem = SitingProblem(
            candidates: candidates.map(\.candidate),
            demandPoints: demandAreas.map { SitingDemandPoint(id: $0.id.rawValue, weight: $0.population, demand: $0.population) },
            hours: hours, serviceCosts: costs)
        let problems = problem.validate()
        if !problems.isEmpty { throw SitingInputError(.invalidProblem(problems: problems.joined(separator: "\n"))) }
        return BundleSitingInstance(problem: problem, candidateNames: candidates.map(\.name), demandNames: demandAreas.map(\.name),
                                    exclusionReasons: reasons, travelTimeSource: source)
    }
}

/// A siting result by id, for JSON (`reserve site --json`) and tables. Keys are
/// snake_case; `objective` is the model's objective value.
public struct SiteReport: Codable, Sendable {
    /// One open site.
    public struct Site: Codable, Sendable, Hashable {
        /// Candidate id.
        public var id: String
        /// Name.
        public var name: String
        /// An existing depot kept open.
        public var existing: Bool
        /// Demand points it serves (nearest open site, or the largest share).
        public var demandPoints: Int
        /// Their total weight (population / demand).
        public var servedWeight: Double
        enum CodingKeys: String, CodingKey {
            case id, name, existing
            case demandPoints = "demand_points"
            case servedWeight = "served_weight"
        }
    }
    /// An excluded candidate.
    public struct Exclusion: Codable, Sendable, Hashable {
        /// Candidate id.
        public var id: String
        /// Why.
        public var reason: String
    }
    /// `p-median`, `max-cover`, `set-cover` or `fixed-charge`.
    public var objectiveKind: String
    /// `optimal`, `feasible`, `infeasible`, …
    public var status: String
    /// The model's objective value.
    public var objective: Double?
    /// Best proven bound.
    public var bound: Double?
    /// Relative gap.
    public var gap: Double?
    /// Open sites, by candidate order.
    public var sites: [Site]
    /// Ids of the new (not existing) open sites.
    public var newSites: [String]
    /// Demand points no allowed candidate reaches (within the radius for covering).
    public var unreachable: [String]
    /// Weight within the radius (covering objectives).
    public var coveredWeight: Double?
    /// Excluded candidates.
    public var excluded: [Exclusion]
    /// `od.csv` or `road network`.
    public var travelTimes: String
    /// Candidates and demand points.
    public var candidates: Int
    /// Demand points.
    public var demandPoints: Int
    /// Solves made (LP pricing rounds + MIP).
    public var solves: Int
    /// Assignment columns in the last model / in the full model.
    public var columns: Int
    /// Assignment columns of the dense model.
    public var fullColumns: Int

    enum CodingKeys: String, CodingKey {
        case objectiveKind = "objective_kind", status, objective, bound, gap, sites
        case newSites = "new_sites", unreachable, coveredWeight = "covered_weight", excluded
        case travelTimes = "travel_times", candidates, demandPoints = "demand_points", solves, columns
        case fullColumns = "full_columns"
    }

    /// The report of `result` on `instance`.
    public init(_ result: SitingResult, instance: BundleSitingInstance) {
        let p = instance.problem
        objectiveKind = result.objective.rawValue
        status = result.status.rawValue
        objective = result.objectiveValue
        bound = result.bound
        gap = result.relativeGap
        var count = [Int: Int](), weight = [Int: Double]()
        for (i, j) in result.assignment.enumerated() {
            guard let j else { continue }
            count[j, default: 0] += 1
            weight[j, default: 0] += p.demandPoints[i].weight
        }
        sites = result.openSites.map {
            Site(id: p.candidates[$0].id, name: instance.candidateNames[$0], existing: p.candidates[$0].fixedOpen,
                 demandPoints: count[$0] ?? 0, servedWeight: weight[$0] ?? 0)
        }
        newSites = result.newSites.map { p.candidates[$0].id }
        unreachable = result.unreachable.map { p.demandPoints[$0].id }
        coveredWeight = result.coveredWeight
        excluded = instance.exclusionReasons.keys.sorted().map { Exclusion(id: p.candidates[$0].id, reason: instance.exclusionReasons[$0]!) }
        travelTimes = instance.travelTimeSource
        candidates = p.candidates.count
        demandPoints = p.demandPoints.count
        solves = result.statistics.solves
        columns = result.statistics.columns
        fullColumns = result.statistics.fullColumns
    }
}
