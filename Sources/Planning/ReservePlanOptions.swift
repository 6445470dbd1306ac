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
    /// Budget in CNY for purchases, the first year's holding and rotation, contract
    /// fees and moves; `nil` for no budget. The `cost` objective minimises the cost
    /// itself, so it refuses a budget (``PlanningError/invalidOptions(_:)``).
    public var budgetYuan: Double?
    /// The area whose bureau makes the plan: only depots it (or its sub-areas) runs
    /// change, and only agreement reserves in its areas are contracted; `nil` = the
    /// bundle's top area (docs/formulation.md, "Scope").
    public var scope: AreaID?
    /// Annual holding cost as a share of an item's price; `nil` = the bundle's
    /// `planning.holding_rate` (default 0.05).
    public var holdingRate: Double?
    /// Annual fee for added agreement capacity as a share of the item's price; `nil` =
    /// the bundle's `planning.contract_fee_rate` (default 0.02).
    public var contractFeeRate: Double?
    /// Cost of moving stock, CNY per tonne-kilometre; `nil` = the bundle's
    /// `planning.move_yuan_per_tonne_km` (default 0.5).
    public var moveYuanPerTonneKm: Double?
    /// Handling cost of moving stock, CNY per tonne; `nil` = the bundle's
    /// `planning.move_handling_yuan_per_tonne` (default 40).
    public var moveHandlingYuanPerTonne: Double?
    /// Whether stock may move between the scope's depots (the deterministic equivalent
    /// only; the scenario decomposition adds stock and never moves or lowers it).
    public var allowMoves: Bool
    /// For the `cost` objective: weighted shortfall allowed above each scenario's floor.
    public var shortfallAllowance: Double
    /// Whole units of stock, moves and agreement capacity for every item, divisible or
    /// not (a MIP) instead of continuous levels.
    public var integerStock: Bool
    /// Whole pieces for items that are not divisible (items.csv `divisible` false): their
    /// stock levels, moves and agreement capacities come out as whole numbers, found by a
    /// rounding heuristic and branch and bound from the LP plan (docs/formulation.md,
    /// "Whole pieces in the plan"). `false` keeps the LP's fractions (for comparison).
    public var wholePieces: Bool
    /// Branch-and-bound nodes per lexicographic level of the whole-piece search: a node
    /// limit, not a time limit, so the same input gives the same plan on any machine.
    public var wholePiecesNodeLimit: Int
    /// Minimum-stock rules.
    public var minimumStock: [MinimumStockRule]
    /// Solver options.
    public var solve: SolveOptions
    /// Deterministic equivalent or scenario decomposition.
    public var decomposition: PlanDecomposition
    /// Relative gap at which the scenario decomposition stops a level (the deterministic
    /// equivalent is solved to GLPK's own tolerances).
    public var decompositionGap: Double

    /// Options with the defaults: shortfall objective, no budget, the bundle's top area
    /// and its planning costs.
    public init(objective: ReservePlanObjective = .shortfall, budgetYuan: Double? = nil, scope: AreaID? = nil,
                holdingRate: Double? = nil, contractFeeRate: Double? = nil, moveYuanPerTonneKm: Double? = nil,
                moveHandlingYuanPerTonne: Double? = nil, allowMoves: Bool = true,
                shortfallAllowance: Double = 0, integerStock: Bool = false,
                minimumStock: [MinimumStockRule] = [], solve: SolveOptions = SolveOptions(),
                decomposition: PlanDecomposition = .automatic, decompositionGap: Double = 1e-6,
                wholePieces: Bool = true, wholePiecesNodeLimit: Int = 100) {
        self.wholePieces = wholePieces
        self.wholePiecesNodeLimit = wholePiecesNodeLimit
        self.objective = objective
        self.budgetYuan = budgetYuan
        self.scope = scope
        self.holdingRate = holdingRate
        self.contractFeeRate = contractFeeRate
        self.moveYuanPerTonneKm = moveYuanPerTonneKm
        self.moveHandlingYuanPerTonne = moveHandlingYuanPerTonne
        self.allowMoves = allowMoves
        self.shortfallAllowance = shortfallAllowance
        self.integerStock = integerStock
        self.minimumStock = minimumStock
        self.solve = solve
        self.decomposition = decomposition
        self.decompositionGap = decompositionGap
    }

    /// The costs in force for `bundle`: these options' overrides, else the bundle's.
    public func costs(for bundle: ReserveBundle) -> PlanningParameters {
        let b = bundle.manifest.planningParameters
        return PlanningParameters(holdingRate: holdingRate ?? b.holdingRate, contractFeeRate: contractFeeRate ?? b.contractFeeRate,
                                  moveYuanPerTonneKm: moveYuanPerTonneKm ?? b.moveYuanPerTonneKm,
                                  moveHandlingYuanPerTonne: moveHandlingYuanPerTonne ?? b.moveHandlingYuanPerTonne)
    }
}
