/// A candidate depot site in a ``SitingProblem``.
public struct SitingCandidate: Sendable, Hashable, Codable {
    /// Identifier shown in results (a candidate id, an area id, an OR-Library index).
    public var id: String
    /// Cost of opening the site (fixed-charge location; CNY or the instance's unit).
    public var fixedCost: Double
    /// Most demand the site can serve (fixed-charge location); `nil` = unlimited.
    public var capacity: Double?
    /// An existing depot that stays open whatever the objective.
    public var fixedOpen: Bool
    /// Not allowed (hazard zone, exclusion polygon): never opened.
    public var excluded: Bool

    /// Creates a candidate.
    public init(id: String, fixedCost: Double = 0, capacity: Double? = nil, fixedOpen: Bool = false, excluded: Bool = false) {
        self.id = id
        self.fixedCost = fixedCost
        self.capacity = capacity
        self.fixedOpen = fixedOpen
        self.excluded = excluded
    }
}

/// A demand point (an area, an OR-Library customer) in a ``SitingProblem``.
public struct SitingDemandPoint: Sendable, Hashable, Codable {
    /// Identifier shown in results.
    public var id: String
    /// Weight of its travel time (population for p-median and covering).
    public var weight: Double
    /// Quantity it needs (fixed-charge location with capacities).
    public var demand: Double

    /// Creates a demand point; `demand` defaults to the weight.
    public init(id: String, weight: Double, demand: Double? = nil) {
        self.id = id
        self.weight = weight
        self.demand = demand ?? weight
    }
}

/// A numeric siting instance: candidates, demand points and the travel time (and
/// optionally the service cost) from every candidate to every demand point.
///
/// Matrices are dense and row-major by demand point: entry `i * candidates.count + j`
/// belongs to demand point `i` and candidate `j`. `.infinity` marks an unreachable pair.
public struct SitingProblem: Sendable {
    /// Candidate sites.
    public var candidates: [SitingCandidate]
    /// Demand points.
    public var demandPoints: [SitingDemandPoint]
    /// Travel time in hours (or the instance's distance unit), demand-major.
    public var hours: [Double]
    /// Cost of serving ALL of a demand point's demand from a candidate, demand-major;
    /// `nil`: weight × hours. Used by fixed-charge location.
    public var serviceCosts: [Double]?

    /// Creates an instance; see ``validate()`` for the checks the solvers make.
    public init(candidates: [SitingCandidate], demandPoints: [SitingDemandPoint], hours: [Double], serviceCosts: [Double]? = nil) {
        self.candidates = candidates
        self.demandPoints = demandPoints
        self.hours = hours
        self.serviceCosts = serviceCosts
    }

    /// Travel time from candidate `j` to demand point `i` (`.infinity` when unreachable).
    @inlinable public func hours(demand i: Int, candidate j: Int) -> Double { hours[i * candidates.count + j] }

    /// Weighted travel time (the p-median cost) of serving `i` from `j`.
    public func weightedHours(demand i: Int, candidate j: Int) -> Double {
        let h = hours(demand: i, candidate: j)
        return h.isFinite ? demandPoints[i].weight * h : .infinity
    }

    /// The fixed-charge service cost of serving all of `i` from `j`.
    public func serviceCost(demand i: Int, candidate j: Int) -> Double {
        let k = i * candidates.count + j
        guard hours[k].isFinite else { return .infinity }
        if let serviceCosts { return serviceCosts[k] }
        return demandPoints[i].weight * hours[k]
    }

    /// Every problem with the instance, as sentences (empty when it is usable).
    public func validate() -> [String] {
        var problems: [String] = []
        let n = demandPoints.count, m = candidates.count
        if m == 0 { problems.append("there are no candidate sites") }
        if hours.count != n * m {
            problems.append("the travel-time matrix has \(hours.count) entries, expected \(n) demand points × \(m) candidates = \(n * m)")
        }
        if let serviceCosts, serviceCosts.count != n * m {
            problems.append("the service-cost matrix has \(serviceCosts.count) entries, expected \(n * m)")
        }
        for (j, c) in candidates.enumerated() {
            if !(c.fixedCost.isFinite && c.fixedCost >= 0) { problems.append("candidate \(c.id) (#\(j)): fixed cost \(c.fixedCost) is not a finite number ≥ 0") }
            if let cap = c.capacity, !(cap.isFinite && cap >= 0) { problems.append("candidate \(c.id) (#\(j)): capacity \(cap) is not a finite number ≥ 0") }
            if c.fixedOpen && c.excluded { problems.append("candidate \(c.id) (#\(j)) is both an existing (fixed-open) depot and excluded") }
        }
        for (i, d) in demandPoints.enumerated() {
            if !(d.weight.isFinite && d.weight >= 0) { problems.append("demand point \(d.id) (#\(i)): weight \(d.weight) is not a finite number ≥ 0") }
            if !(d.demand.isFinite && d.demand >= 0) { problems.append("demand point \(d.id) (#\(i)): demand \(d.demand) is not a finite number ≥ 0") }
        }
        if hours.count == n * m, let k = hours.firstIndex(where: { $0.isNaN || $0 < 0 }) {
            problems.append("travel time from candidate \(candidates[k % m].id) to \(demandPoints[k / m].id) is \(hours[k]); times must be ≥ 0 (infinity: unreachable)")
        }
        if let serviceCosts, serviceCosts.count == n * m, hours.count == n * m,
           let k = serviceCosts.indices.first(where: { hours[$0].isFinite && !(serviceCosts[$0].isFinite && serviceCosts[$0] >= 0) }) {
            problems.append("service cost from candidate \(candidates[k % m].id) to \(demandPoints[k / m].id) is \(serviceCosts[k]); costs must be finite and ≥ 0")
        }
        return problems
    }

    /// Candidates that may be opened (not excluded), in index order.
    public var allowedCandidates: [Int] { candidates.indices.filter { !candidates[$0].excluded } }
    /// Existing depots that stay open, in index order.
    public var fixedOpenCandidates: [Int] { candidates.indices.filter { candidates[$0].fixedOpen && !candidates[$0].excluded } }
}

/// What a siting run optimises.
public enum SitingObjective: String, Sendable, Codable, CaseIterable {
    /// Minimise weighted travel time with exactly `count` open sites (existing depots included).
    case pMedian = "p-median"
    /// Maximise the weight within `withinHours` of an open site with at most `count` new sites.
    case maxCover = "max-cover"
    /// Fewest new sites so that every demand point that can be reached within
    /// `withinHours` is.
    case setCover = "set-cover"
    /// Minimise fixed + service cost with capacities; demand may split.
    case fixedCharge = "fixed-charge"
}

/// Why a siting instance cannot be solved.
public struct SitingError: Error, Sendable, CustomStringConvertible {
    /// The problems, as sentences.
    public var problems: [String]
    /// Whether the call was cancelled rather than refused (``cancelled``).
    public var isCancellation = false
    /// Creates an error.
    public init(_ problems: [String]) { self.problems = problems }
    /// The call was cancelled (task cancellation, or a progress callback that answered
    /// `false`); the async entry point throws `CancellationError` instead.
    public static var cancelled: SitingError {
        var e = SitingError(["cancelled"])
        e.isCancellation = true
        return e
    }
    /// One line per problem.
    public var description: String { problems.joined(separator: "\n") }
}
