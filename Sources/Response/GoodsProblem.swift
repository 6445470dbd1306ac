import ReserveModel

/// The numbers a goods dispatch needs, with every domain question already answered:
/// who holds what, when each source can start loading, how long each reachable
/// (source, area) route takes, what each area needs by when.
///
/// Build it from a bundle and scenario with ``ScenarioDispatchBuilder`` (which does
/// the routing and applies the reserve modes), or directly, for a service that has
/// its own data. Indices refer to the arrays of this value.
public struct GoodsProblem: Sendable {
    /// An item as the optimiser sees it.
    public struct Item: Sendable, Hashable {
        /// The item's id.
        public var id: ItemID
        /// Weight of one unit, tonnes.
        public var unitWeightTons: Double
        /// Volume of one unit, cubic metres.
        public var unitVolumeCubicMetres: Double
        /// Whether it meets a basic need (food, water, clothing and shelter, medicine):
        /// only these decide the relief verdict.
        public var isBasic: Bool
        /// Whether it may be sent in fractions of its unit; if not, every order is a
        /// whole number of pieces (``DispatchOptions/wholeUnits``).
        public var divisible: Bool
        /// Creates an item.
        public init(id: ItemID, unitWeightTons: Double, unitVolumeCubicMetres: Double, isBasic: Bool = false,
                    divisible: Bool = true) {
            self.id = id
            self.unitWeightTons = unitWeightTons
            self.unitVolumeCubicMetres = unitVolumeCubicMetres
            self.isBasic = isBasic
            self.divisible = divisible
        }
    }

    /// A demand point: an affected area (or shelter) of one incident.
    public struct Area: Sendable, Hashable {
        /// The area's id.
        public var id: AreaID
        /// The relief deadline from the scenario start, hours (the policy's target).
        public var deadlineHours: Double
        /// The incident this area belongs to.
        public var incident: IncidentID
        /// Nothing leaves for this area before this time, hours (its incident's start).
        public var earliestDepartureHours: Double
        /// Creates an area.
        public init(id: AreaID, deadlineHours: Double, incident: IncidentID = "", earliestDepartureHours: Double = 0) {
            self.id = id
            self.deadlineHours = deadlineHours
            self.incident = incident
            self.earliestDepartureHours = earliestDepartureHours
        }
    }

    /// What one area needs of one item.
    public struct Need: Sendable, Hashable {
        /// Index into ``GoodsProblem/areas``.
        public var area: Int
        /// Index into ``GoodsProblem/items``.
        public var item: Int
        /// Quantity needed, in the item's unit.
        public var quantity: Double
        /// Weight of a unit share of shortfall: item criticality × incident priority.
        public var weight: Double
        /// Creates a need.
        public init(area: Int, item: Int, quantity: Double, weight: Double = 1) {
            self.area = area
            self.item = item
            self.quantity = quantity
            self.weight = weight
        }
    }

    /// How a source holds its goods.
    public enum SourceKind: String, Sendable, Codable, CaseIterable {
        /// Government physical stock (实物储备).
        case physical
        /// Agreement reserve held by a company, released after a lead time (协议储备).
        case agreement
        /// Enterprise-delegated storage (企业代储).
        case delegated
        /// Production capacity: a rate per hour after a ramp-up (产能储备).
        case productionCapacity
        /// A neighbouring jurisdiction's reinforcement (就近增援 / 对口支援).
        case mutualAid
        /// Social, commercial or donated stock.
        case social
    }

    /// A production source: output per hour after a ramp-up.
    ///
    /// Its ``Supply`` entries name the items it makes, each with a rate in units per
    /// hour; with ``tonsPerHour`` the items also share one output in tonnes per hour.
    public struct Production: Sendable, Hashable {
        /// Hours from the scenario start until production starts.
        public var rampUpHours: Double
        /// Output shared by all its items, tonnes per hour; `nil` when only the per-item rates limit it.
        public var tonsPerHour: Double?
        /// Creates production data.
        public init(rampUpHours: Double, tonsPerHour: Double? = nil) {
            self.rampUpHours = rampUpHours
            self.tonsPerHour = tonsPerHour
        }
    }

    /// Trucks based at a source.
    public struct Fleet: Sendable, Hashable {
        /// Number of trucks.
        public var trucks: Int
        /// Payload of one truck, tonnes.
        public var capacityTons: Double
        /// Load space of one truck, cubic metres.
        public var capacityCubicMetres: Double
        /// Creates a fleet.
        public init(trucks: Int, capacityTons: Double, capacityCubicMetres: Double) {
            self.trucks = trucks
            self.capacityTons = capacityTons
            self.capacityCubicMetres = capacityCubicMetres
        }
    }

    /// A place goods can come from.
    public struct Source: Sendable, Hashable {
        /// The source's depot (a warehouse, supplier or neighbour).
        public var id: DepotID
        /// How it holds goods.
        public var kind: SourceKind
        /// Hours from the scenario start until loading can begin (lead time; 0 for physical stock).
        public var availableAfterHours: Double
        /// Loading hours before departure.
        public var handlingHours: Double
        /// Outbound throughput, tonnes per hour; `nil` for no limit.
        public var throughputTonsPerHour: Double?
        /// Own trucks; `nil` when the source arranges its own transport.
        public var fleet: Fleet?
        /// Production data for ``SourceKind/productionCapacity`` sources.
        public var production: Production?
        /// A cap on the total tonnage it may send (an agreement's contracted cap); `nil` for none.
        public var capTons: Double?
        /// Creates a source.
        public init(id: DepotID, kind: SourceKind = .physical, availableAfterHours: Double = 0, handlingHours: Double = 0,
                    throughputTonsPerHour: Double? = nil, fleet: Fleet? = nil, production: Production? = nil,
                    capTons: Double? = nil) {
            self.id = id
            self.kind = kind
            self.availableAfterHours = availableAfterHours
            self.handlingHours = handlingHours
            self.throughputTonsPerHour = throughputTonsPerHour
            self.fleet = fleet
            self.production = production
            self.capTons = capTons
        }
    }

    /// What a source can send of one item: a quantity, or for production sources a
    /// rate per hour.
    public struct Supply: Sendable, Hashable {
        /// Index into ``GoodsProblem/sources``.
        public var source: Int
        /// Index into ``GoodsProblem/items``.
        public var item: Int
        /// Units available (usable stock after damage, or contracted cap), or units
        /// per hour for a production source.
        public var quantity: Double
        /// Creates a supply entry.
        public init(source: Int, item: Int, quantity: Double) {
            self.source = source
            self.item = item
            self.quantity = quantity
        }
    }

    /// A reachable (source, area) pair with its travel time on the scenario's network.
    public struct Route: Sendable, Hashable {
        /// Index into ``GoodsProblem/sources``.
        public var source: Int
        /// Index into ``GoodsProblem/areas``.
        public var area: Int
        /// Travel time, hours (including access legs).
        public var travelHours: Double
        /// Road distance, kilometres.
        public var distanceKm: Double
        /// Creates a route.
        public init(source: Int, area: Int, travelHours: Double, distanceKm: Double) {
            self.source = source
            self.area = area
            self.travelHours = travelHours
            self.distanceKm = distanceKm
        }
    }

    /// Items.
    public var items: [Item]
    /// Demand points.
    public var areas: [Area]
    /// Needs by area and item.
    public var needs: [Need]
    /// Sources.
    public var sources: [Source]
    /// Quantities (or production rates) by source and item.
    public var supplies: [Supply]
    /// Reachable routes; a missing pair is unreachable.
    public var routes: [Route]
    /// The planning horizon, hours: nothing arriving later is shipped.
    public var horizonHours: Double

    /// Creates a problem.
    public init(items: [Item], areas: [Area], needs: [Need], sources: [Source], supplies: [Supply],
                routes: [Route], horizonHours: Double) {
        self.items = items
        self.areas = areas
        self.needs = needs
        self.sources = sources
        self.supplies = supplies
        self.routes = routes
        self.horizonHours = horizonHours
    }
}
