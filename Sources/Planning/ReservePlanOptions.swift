import LinearSolver
import ReserveModel

/// What a reserve-level plan optimises.
public enum ReservePlanObjective: String, Sendable, Codable, CaseIterable {
    /// Minimise the expected (probability-weighted) shortfall within the budget, then the cost.
    case shortfall
    /// Minimise the cost while every scenario's shortfall stays at its floor (the least
    /// any stock could achieve: what is too far or unreachable stays short) plus an allowance.
    case cost
    /// Minimise the worst scenario's shortfall within the budget, then the expected one, then the cost.
    case robust
}

/// A minimum-stock rule: every depot of a level holds enough for `people` displaced
/// people for `days` days (by the items' per-person-day norms).
public struct MinimumStockRule: Sendable, Hashable, Codable {
    /// Depot level the rule applies to.
    public var level: DepotLevel
    /// Displaced people to cover.
    public var people: Double
    /// Days to cover.
    public var days: Double
    /// Creates a rule.
    public init(level: DepotLevel, people: Double, days: Double) {
        self.level = level
        self.people = people
        self.days = days
    }
}

/// How the two-stage program is solved.
public enum PlanDecomposition: String, Sendable, Codable, CaseIterable {
    /// Scenario decomposition when the scenarios' dispatch models together exceed
    /// ``ReservePlanOptions/decompositionThreshold`` columns, else the deterministic equivalent.
    case automatic
    /// One LP (or MIP) holding every scenario's dispatch: exact and simplest, but its
    /// simplex time grows faster than linearly with the scenarios.
    case deterministicEquivalent = "off"
    /// Benders (L-shaped, one cut per scenario) decomposition: a master over the stock
    /// levels and one dispatch LP per scenario, solved in parallel.
    case scenarios
}

/// How to plan reserve levels.
public struct ReservePlanOptions: Sendable {
    /// Second-stage columns above which ``PlanDecomposition/automatic`` decomposes.
    /// The deterministic equivalent of a city bundle stays far below it (a few thousand
    /// columns per scenario); a province bundle's 20 scenarios are about 3.4 million.
    public static let decompositionThreshold = 200_000
    /// The objective.
    public var objective: ReservePlanObjective
    /// Budget in CNY for purchases, the first year's holding and rotation, and contract
    /// fees; `nil` for no budget (the `cost` objective ignores it).
    public var budgetYuan: Double?
    /// Annual holding cost as a share of an item's price (storage, insurance, checks).
    public var holdingRate: Double
    /// Annual fee for agreement capacity as a share of the item's price.
    public var contractFeeRate: Double
    /// For the `cost` objective: weighted shortfall allowed above each scenario's floor.
    public var shortfallAllowance: Double
    /// Whole units of stock (a MIP) instead of continuous levels.
    public var integerStock: Bool
    /// Minimum-stock rules.
    public var minimumStock: [MinimumStockRule]
    /// Solver options.
    public var solve: SolveOptions
    /// Deterministic equivalent or scenario decomposition.
    public var decomposition: PlanDecomposition
    /// Relative gap at which the scenario decomposition stops a level (the deterministic
    /// equivalent is solved to GLPK's own tolerances).
    public var decompositionGap: Double

    /// Options with the defaults: shortfall objective, no budget, 5 % holding, 2 % contract fee.
    public init(objective: ReservePlanObjective = .shortfall, budgetYuan: Double? = nil, holdingRate: Double = 0.05,
                contractFeeRate: Double = 0.02, shortfallAllowance: Double = 0, integerStock: Bool = false,
                minimumStock: [MinimumStockRule] = [], solve: SolveOptions = SolveOptions(),
                decomposition: PlanDecomposition = .automatic, decompositionGap: Double = 1e-6) {
        self.objective = objective
        self.budgetYuan = budgetYuan
        self.holdingRate = holdingRate
        self.contractFeeRate = contractFeeRate
        self.shortfallAllowance = shortfallAllowance
        self.integerStock = integerStock
        self.minimumStock = minimumStock
        self.solve = solve
        self.decomposition = decomposition
        self.decompositionGap = decompositionGap
    }
}
