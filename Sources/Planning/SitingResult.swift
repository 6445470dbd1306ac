import LinearSolver

/// The outcome of a siting solve.
public struct SitingResult: Sendable, Codable {
    /// The objective solved.
    public var objective: SitingObjective
    /// `optimal` (proven), `feasible` (stopped with a bound), `infeasible`, …
    public var status: SolutionStatus
    /// The model's objective value at the returned sites (`nil` without a solution):
    /// weighted hours (p-median), covered weight (max-cover), new sites (set-cover),
    /// fixed + service cost (fixed-charge).
    public var objectiveValue: Double?
    /// Best proven bound on the optimum (lower when minimising, upper for max-cover).
    public var bound: Double?
    /// Relative gap `|objective − bound| / max(|objective|, 1e-9)`.
    public var relativeGap: Double?
    /// Open sites (candidate indices, ascending), existing depots included.
    public var openSites: [Int]
    /// Of those, the ones that are not existing depots.
    public var newSites: [Int]
    /// Per demand point, the open site serving it (the nearest for p-median and
    /// covering, the largest share for fixed-charge); `nil` when none can.
    public var assignment: [Int?]
    /// Per demand point, shares served by each site (fixed-charge only; else empty).
    public var shares: [[SiteShare]]
    /// Demand points that no allowed candidate reaches (within the radius, for covering).
    public var unreachable: [Int]
    /// Total weight within the radius of an open site (covering objectives).
    public var coveredWeight: Double?
    /// How the solve went.
    public var statistics: SitingStatistics

    /// Creates a result.
    public init(objective: SitingObjective, status: SolutionStatus, objectiveValue: Double? = nil, bound: Double? = nil,
                relativeGap: Double? = nil, openSites: [Int] = [], newSites: [Int] = [], assignment: [Int?] = [],
                shares: [[SiteShare]] = [], unreachable: [Int] = [], coveredWeight: Double? = nil,
                statistics: SitingStatistics = SitingStatistics()) {
        self.objective = objective
        self.status = status
        self.objectiveValue = objectiveValue
        self.bound = bound
        self.relativeGap = relativeGap
        self.openSites = openSites
        self.newSites = newSites
        self.assignment = assignment
        self.shares = shares
        self.unreachable = unreachable
        self.coveredWeight = coveredWeight
        self.statistics = statistics
    }
}

/// A fraction of a demand point served by one site.
public struct SiteShare: Sendable, Codable, Hashable {
    /// Candidate index.
    public var site: Int
    /// Fraction of the demand point's demand, 0…1.
    public var fraction: Double
    /// Creates a share.
    public init(site: Int, fraction: Double) {
        self.site = site
        self.fraction = fraction
    }
}

/// Sizes and timings of a siting solve.
public struct SitingStatistics: Sendable, Codable, Hashable {
    /// LP / MIP solves made (pricing rounds for p-median).
    public var solves: Int = 0
    /// Assignment columns in the last model.
    public var columns: Int = 0
    /// Assignment columns the full (dense) model would have.
    public var fullColumns: Int = 0
    /// Rows in the last model.
    public var rows: Int = 0
    /// Whether the last LP relaxation had an integral optimum (no branching needed).
    public var lpIntegral: Bool = false
    /// Whether branch and bound ran.
    public var usedMIP: Bool = false
    /// Nodes of the p-median Lagrangian branch and bound on the sites (0: not used).
    public var branchNodes: Int = 0
    /// Wall-clock seconds.
    public var seconds: Double = 0
    /// Creates empty statistics.
    public init() {}
}

extension Duration {
    var siteSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

func relativeGapOf(_ value: Double?, _ bound: Double?) -> Double? {
    guard let value, let bound else { return nil }
    return abs(value - bound) / max(abs(value), 1e-9)
}
