/// Everything a dispatch or planning run reads: the manifest, every table, the
/// road rows and the scenarios. A plain value, so it can be shared across tasks.
///
/// Read one with `BundleReader.read(at:)` (module BundleIO) and check it with
/// ``BundleValidator``.
public struct ReserveBundle: Hashable, Codable, Sendable {
    /// `bundle.json`.
    public var manifest: BundleManifest
    /// Administrative areas, in file order.
    public var areas: [AdministrativeArea]
    /// Depots.
    public var depots: [Depot]
    /// Item catalogue.
    public var items: [Item]
    /// Stock lots.
    public var stock: [StockLot]
    /// Teams.
    public var teams: [Team]
    /// Fleet entries.
    public var fleet: [FleetEntry]
    /// Road nodes.
    public var roadNodes: [RoadNodeRecord]
    /// Road edges.
    public var roadEdges: [RoadEdgeRecord]
    /// Scenarios.
    public var scenarios: [Scenario]

    /// Creates a bundle.
    public init(manifest: BundleManifest, areas: [AdministrativeArea] = [], depots: [Depot] = [],
                items: [Item] = [], stock: [StockLot] = [], teams: [Team] = [], fleet: [FleetEntry] = [],
                roadNodes: [RoadNodeRecord] = [], roadEdges: [RoadEdgeRecord] = [], scenarios: [Scenario] = []) {
        self.manifest = manifest
        self.areas = areas
        self.depots = depots
        self.items = items
        self.stock = stock
        self.teams = teams
        self.fleet = fleet
        self.roadNodes = roadNodes
        self.roadEdges = roadEdges
        self.scenarios = scenarios
    }

    /// The headline scenario, else the first.
    public var headlineScenario: Scenario? {
        scenarios.first { $0.id == manifest.headlineScenario } ?? scenarios.first
    }

    /// Looks up an area by id (linear; build a dictionary for repeated lookups).
    public func area(_ id: AreaID) -> AdministrativeArea? { areas.first { $0.id == id } }
    /// Looks up a depot by id.
    public func depot(_ id: DepotID) -> Depot? { depots.first { $0.id == id } }
    /// Looks up an item by id.
    public func item(_ id: ItemID) -> Item? { items.first { $0.id == id } }
    /// Looks up a scenario by id.
    public func scenario(_ id: ScenarioID) -> Scenario? { scenarios.first { $0.id == id } }

    /// The scenario a request without one means: bundle.json's headline scenario,
    /// else the first. `nil` when the bundle has none.
    public var defaultScenario: Scenario? {
        manifest.headlineScenario.flatMap(scenario) ?? scenarios.first
    }

    /// Units of each item on hand per depot, summed over lots (ignores expiry).
    public func stockTotals() -> [DepotID: [ItemID: Double]] {
        var totals: [DepotID: [ItemID: Double]] = [:]
        for lot in stock { totals[lot.depot, default: [:]][lot.item, default: 0] += lot.quantity }
        return totals
    }
}

extension ReserveBundle {
    /// Units of each item an affected area needs: explicit demands where given, else
    /// norms × displaced people × days + norms × households, plus the per-incident
    /// norms when `withIncidentNorms` (an incident's norms go to one of its areas:
    /// ``incidentNormArea(of:)``). Each quantity is rounded up to whole units: relief
    /// goods come in pieces, and a need of 12.3 tents is 13 (docs/formats.md).
    public func needs(of affected: AffectedArea, withIncidentNorms: Bool = false) -> [ItemDemand] {
        let explicit = Set(affected.demands.map(\.item))
        let households = manifest.personsPerHousehold > 0
            ? (affected.displacedPopulation / manifest.personsPerHousehold).rounded(.up) : 0
        var out = affected.demands
        for item in items where !explicit.contains(item.id) && !item.norms.isEmpty {
            let n = item.norms
            let perPeople = n.perPersonDay * affected.displacedPopulation * affected.reliefDays + n.perHousehold * households
            let q = perPeople + (withIncidentNorms ? n.perIncident : 0)
            if q > 0 { out.append(ItemDemand(item: item.id, quantity: q.rounded(.up))) }
        }
        return out
    }

    /// Units of each item an incident's affected area needs, the incident's own norms
    /// (`norm_per_incident`, once per incident) counted at ``incidentNormArea(of:)``.
    public func needs(of affected: AffectedArea, in incident: Incident) -> [ItemDemand] {
        needs(of: affected, withIncidentNorms: incidentNormArea(of: incident) == affected.area)
    }

    /// The affected area that receives an incident's per-incident norms (a command
    /// post's tents, say, counted once per incident): the one with the most displaced
    /// people, the first listed on a tie; `nil` when nobody is displaced.
    public func incidentNormArea(of incident: Incident) -> AreaID? {
        var best: AffectedArea?
        for affected in incident.affectedAreas where affected.displacedPopulation > 0 {
            if best == nil || affected.displacedPopulation > best!.displacedPopulation { best = affected }
        }
        return best?.area
    }
}
