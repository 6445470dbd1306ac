import LinearSolver
import ReserveModel
import RoadNetwork

/// Everything the response to one scenario found: the goods dispatch, the teams,
/// and compliance with the policy's arrival and relief targets, with the names and
/// places needed to report it.
public struct ScenarioResponse: Sendable {
    /// The targets one incident is checked against.
    public struct IncidentTargets: Sendable, Hashable {
        /// The incident's id.
        public var incident: IncidentID
        /// Its name.
        public var name: String
        /// Its hazard.
        public var hazard: HazardType
        /// Hours after the scenario start at which it begins.
        public var startOffsetHours: Double
        /// Arrival target for teams, hours after the incident starts.
        public var arrivalHours: Double
        /// Relief target for basic needs, hours after the incident starts.
        public var reliefHours: Double
    }

    /// A place on the map (depot, area, team base) as reports need it.
    public struct Place: Sendable, Hashable {
        /// Its id.
        public var id: String
        /// Its name.
        public var name: String
        /// Where it is.
        public var location: GeoPoint?
        /// Snapping distance to the road network, km (nil when not snapped).
        public var snapKm: Double?
    }

    /// The scenario.
    public var scenario: Scenario
    /// The policy in force (the scenario's, else the bundle's default).
    public var policy: Policy?
    /// Targets per incident.
    public var targets: [IncidentTargets]
    /// The goods problem that was solved (indices of the plan refer to it).
    public var goodsProblem: GoodsProblem
    /// The goods plan.
    public var goods: GoodsPlan
    /// The team problem that was solved.
    public var teamProblem: TeamProblem
    /// The team plan.
    public var teams: TeamPlan
    /// Fastest possible arrival for each team requirement (by requirement index), hours
    /// after the scenario start, whether or not that team is sent there: ``TeamReach``,
    /// the same function `coverage` uses. nil: no team of the specialty can reach the area.
    public var fastestTeamArrivalHours: [Double?]
    /// Places of the goods problem's sources, by source index.
    public var sourcePlaces: [Place]
    /// Places of the goods problem's areas (and team requirement areas), by area id.
    public var areaPlaces: [AreaID: Place]
    /// Places of the teams' bases, by team index.
    public var teamPlaces: [Place]
    /// Road geometry of each goods route used by an order, by route index: the
    /// coordinates from the source through the network to the area.
    public var routeGeometry: [Int: [GeoPoint]]
    /// The scenario's disruptions of the bundle network, as every route of this response saw them.
    public var overlay: DisruptionOverlay
    /// Per-area compliance with the relief target.
    public var compliance: [AreaCompliance]
    /// Units left out because their lots expire before relief ends, by item id.
    public var expiredStock: [ItemID: Double]
    /// Things worth knowing that did not stop the response (off-network places,
    /// expired lots left out, unknown closed roads, …), sorted.
    public var warnings: [String]
    /// Time spent per phase.
    public var timings: Timings

    /// One affected area against its relief target, judged on its basic needs
    /// (items of the relief, food, water and medical categories).
    public struct AreaCompliance: Sendable, Hashable {
        /// The area's id.
        public var area: AreaID
        /// The incident.
        public var incident: IncidentID
        /// Relief deadline, hours after the scenario start.
        public var deadlineHours: Double
        /// When its full basic needs are delivered, hours after the scenario start (nil: not within the horizon).
        public var fullyServedAtHours: Double?
        /// Weighted share of the basic needs met by the deadline.
        public var shareByDeadline: Double
        /// Whether the relief target holds (all basic needs delivered by the deadline).
        public var reliefMet: Bool
    }

    /// Wall time per phase.
    public struct Timings: Sendable, Hashable {
        /// Building the graph and overlay, snapping.
        public var network: Duration
        /// Shortest paths for goods and teams.
        public var routing: Duration
        /// Building and solving the goods model.
        public var goods: Duration
        /// Building and solving the team model.
        public var teams: Duration
    }

    /// Whether every relief target and every arrival requirement is met.
    public var allTargetsMet: Bool {
        compliance.allSatisfy(\.reliefMet) && teams.outcomes.allSatisfy(\.met)
    }
}
