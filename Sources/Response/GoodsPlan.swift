import LinearSolver

/// The answer of a goods dispatch: orders, fulfilment, shortfalls with reasons,
/// binding resources and marginal values.
public struct GoodsPlan: Sendable {
    /// One shipment: a source sends a quantity of an item to an area.
    public struct Order: Sendable, Hashable {
        /// Index into the problem's sources (the original source for production batches).
        public var source: Int
        /// Index into the problem's areas.
        public var area: Int
        /// Index into the problem's items.
        public var item: Int
        /// Units shipped.
        public var quantity: Double
        /// Departure, hours after the scenario start.
        public var departureHours: Double
        /// Arrival, hours after the scenario start.
        public var etaHours: Double
        /// Whether it arrives by the area's deadline.
        public var onTime: Bool
        /// Index into the problem's routes.
        public var route: Int
        /// Truckloads on this route (all items together), when the source has a fleet.
        public var truckloads: Double?
        /// Index into ``GoodsPlan/legs``: the leg whose trips carry this order, when the
        /// source has a fleet.
        public var leg: Int? = nil
    }

    /// One leg: a source's own trucks carrying goods to one area over one route, on
    /// time or late. Its trips are counted here once; every order and trip it carries
    /// refers to it.
    public struct Leg: Sendable, Hashable {
        /// Index into the problem's sources.
        public var source: Int
        /// Index into the problem's areas.
        public var area: Int
        /// Index into the problem's routes.
        public var route: Int
        /// Whether it carries goods counted on time (a late leg carries what the
        /// trucks bring after the deadline).
        public var onTime: Bool
        /// Trips (truckloads) on this leg.
        public var trips: Int
        /// Load, tonnes and cubic metres, over all its trips.
        public var tons: Double, cubicMetres: Double
        /// First departure and last arrival, hours after the scenario start.
        public var departureHours: Double, arrivalHours: Double
    }

    /// What one trip carries of one item.
    public struct Load: Sendable, Hashable {
        /// Index into the problem's items.
        public var item: Int
        /// Units: whole pieces for an item that is not divisible.
        public var quantity: Double
    }

    /// Why part of a need is not met by its deadline.
    public enum ShortfallReason: String, Sendable, Codable, CaseIterable {
        /// No road connects any source holding the item to the area.
        case unreachable
        /// No source holds the item at all.
        case noStockAnywhere
        /// Sources hold the item but none can arrive by the deadline.
        case tooFar
        /// The sources that can arrive in time have run out of it.
        case stockExhausted
        /// Sources that can arrive in time still hold it, but trucks or outbound
        /// throughput limit what they can send.
        case fleetOrThroughput
    }

    /// Part of a need that is not met by the deadline.
    public struct Shortfall: Sendable, Hashable {
        /// Index into the problem's areas.
        public var area: Int
        /// Index into the problem's items.
        public var item: Int
        /// Units missing at the deadline.
        public var quantity: Double
        /// Units still missing at the end of the horizon.
        public var quantityAtHorizon: Double
        /// Why.
        public var reason: ShortfallReason
        /// The earliest any unit of the item could arrive at the area, hours (over the
        /// model's own arrival times, production batches included); `nil` when no
        /// source holding it reaches the area.
        public var earliestArrivalHours: Double?
        /// Sources (indices into the problem's sources) that hold the item at all.
        public var sourcesHolding: [Int]
    }

    /// One area's fulfilment.
    public struct AreaFulfilment: Sendable, Hashable {
        /// Index into the problem's areas.
        public var area: Int
        /// Weighted share of the area's needs met by its deadline, 0…1.
        public var byDeadline: Double
        /// Weighted share met by the end of the horizon, 0…1.
        public var byHorizon: Double
        /// When the last unit that arrives on time arrives (hours), if any arrives.
        public var lastOnTimeArrivalHours: Double?
        /// When the full need is delivered (hours), or `nil` if it never is within the horizon.
        public var fullyServedAtHours: Double?
        /// Weighted share of the area's basic needs (items marked ``GoodsProblem/Item/isBasic``)
        /// met by its deadline, 0…1 (1 when it has none).
        public var basicByDeadline: Double
        /// When its basic needs are fully delivered (hours), or `nil` if they never are within the horizon.
        public var basicFullyServedAtHours: Double?
        /// Whether the relief target holds: no basic need is short at the deadline.
        public var reliefMet: Bool
    }

    /// A capacity that limits the response.
    public struct BindingResource: Sendable, Hashable {
        /// Which capacity.
        public enum Kind: String, Sendable, Codable { case stock, throughput, fleetHours, truckWeight, truckVolume }
        /// Which capacity.
        public var kind: Kind
        /// Index into the problem's sources.
        public var source: Int
        /// Index into the problem's items (stock only).
        public var item: Int?
        /// Decrease of the weighted shortfall objective per extra unit of this capacity.
        public var marginalValue: Double
    }

    /// "Where would one more unit help most": the shortfall objective's decrease per
    /// extra unit of an item at a source.
    public struct MarginalValue: Sendable, Hashable {
        /// Index into the problem's sources.
        public var source: Int
        /// Index into the problem's items.
        public var item: Int
        /// Decrease of Σ weight × shortfall share per extra unit (from the LP duals).
        public var value: Double
    }

    /// One truck's trip: load, drive to an area, come back. Every on-time order of a
    /// source with its own fleet rides on trips that arrive by the area's deadline.
    public struct Trip: Sendable, Hashable {
        /// Index into the problem's sources.
        public var source: Int
        /// Which of the source's trucks, 1…trucks.
        public var truck: Int
        /// Index into the problem's areas.
        public var area: Int
        /// Index into the problem's routes.
        public var route: Int
        /// Loading starts, hours after the scenario start.
        public var loadingStartHours: Double
        /// Leaves the source (loading start + handling hours).
        public var departureHours: Double
        /// Arrives at the area.
        public var arrivalHours: Double
        /// Back at the source, ready for its next trip.
        public var returnHours: Double
        /// Load, tonnes.
        public var tons: Double
        /// Load, cubic metres.
        public var cubicMetres: Double
        /// The area's relief deadline, hours.
        public var deadlineHours: Double
        /// Whether it arrives by the area's deadline.
        public var onTime: Bool
        /// Index into ``GoodsPlan/legs``.
        public var leg: Int = 0
        /// What it carries, by item: whole pieces of items that are not divisible.
        public var cargo: [Load] = []
    }

    /// Size of the LP that was solved.
    public struct ModelSize: Sendable, Hashable, Codable {
        /// Rows.
        public var rows: Int
        /// Columns.
        public var columns: Int
        /// Non-zeros.
        public var nonZeros: Int
        /// Integer columns.
        public var integerColumns: Int
    }

    /// Status of the weakest lexicographic level that was solved (`optimal` when all were).
    public var status: SolutionStatus
    /// Status of each level: shortfall, lateness, transport work.
    public var levelStatuses: [SolutionStatus]
    /// Objective value of each solved level.
    public var levelObjectives: [Double]
    /// Best bound and gap of the last level (MIPs stopped by a time limit).
    public var bestBound: Double?
    /// Relative gap of the last level.
    public var relativeGap: Double?
    /// Shipments, sorted by area, item, ETA, source.
    public var orders: [Order]
    /// The trucks' trips that carry the orders of sources with a fleet, by source,
    /// truck and time.
    public var trips: [Trip]
    /// The legs the trips run on, by source and the order the trucks serve them.
    public var legs: [Leg] = []
    /// How many times the fleet-hour rows were tightened until every on-time trip
    /// fitted on the trucks (0: the first solution already did).
    public var scheduleRounds: Int
    /// Per-area fulfilment, in area order.
    public var fulfilment: [AreaFulfilment]
    /// Unmet needs, sorted by area and item.
    public var shortfalls: [Shortfall]
    /// Binding capacities with a non-zero marginal value, largest first.
    public var bindingResources: [BindingResource]
    /// Marginal value of one more unit by source and item (non-zero only), largest first.
    public var marginalValues: [MarginalValue]
    /// Size of the model.
    public var modelSize: ModelSize
    /// Routes the optimiser could not use: (source, area) pairs with no road or
    /// arriving after the horizon, counted (the list would be quadratic).
    public var excludedPairs: Int
    /// Wall time of model building and of each solve.
    public var buildTime: Duration
    /// Wall time of each level's solve.
    public var solveTimes: [Duration]
    /// Weighted share of all needs of all areas met by their deadlines, 0…1.
    public var byDeadline: Double
    /// Σ weight × share of need short by its deadline over every area and item, as the
    /// scheduled orders leave it: the first level's measure (O1) of what is reported.
    public var weightedShortfall: Double
    /// The solved model with level 1 as its objective, kept when
    /// ``DispatchOptions/nameModel`` is set (for `--export-model`); `nil` otherwise.
    public var model: Model?
    /// When the LP split a piece and whole pieces were solved for: the LP's level 1
    /// (weighted shortfall by the deadline), a bound no whole-piece plan can beat.
    /// `nil` when the plan is the LP's own.
    public var levelOneLPBound: Double? = nil
}
