import ReserveModel
import LinearSolver

/// The answer of a reserve-level plan.
public struct ReservePlan: Sendable {
    /// Why a change is recommended: the scenarios and areas the changed stock serves in
    /// the plan, and how much of the item's shortfall by the deadline it removes there,
    /// as `reserve dispatch` measures it (today's stock against the recommended stock).
    public struct Reason: Sendable, Hashable {
        /// One scenario the change serves.
        public struct Gain: Sendable, Hashable {
            /// The scenario.
            public var scenario: ScenarioID
            /// Areas the changed stock reaches by their deadline in the plan.
            public var areas: [AreaID]
            /// Units of the changed stock the plan delivers to those areas by their
            /// deadline (at most the change): the shortfall it covers, in the item's unit.
            public var shortfallCovered: Double
            /// Units of the item no longer short by the deadline in those areas
            /// (dispatch on today's stock minus dispatch on the recommended stock). It
            /// can be 0 for a change that covers units: a move that frees a depot's
            /// trucks or throughput for other items lowers their shortfall instead.
            public var shortfallRemoved: Double
        }
        /// Per scenario served, in the bundle's scenario order.
        public var gains: [Gain]
        /// Σ probability × units covered, in the item's unit.
        public var expectedShortfallCovered: Double
        /// Σ probability × units removed, in the item's unit.
        public var expectedShortfallRemoved: Double
        /// No stated gain.
        public static let none = Reason(gains: [], expectedShortfallCovered: 0, expectedShortfallRemoved: 0)
    }

    /// Recommended stock of one item at one depot.
    public struct StockLevel: Sendable, Hashable {
        /// The depot.
        public var depot: DepotID
        /// The item.
        public var item: ItemID
        /// Units held now.
        public var current: Double
        /// Units recommended.
        public var recommended: Double
        /// Scenarios in which this depot ships this item in the plan (what drives the level).
        public var drivenBy: [ScenarioID]
        /// Why: for an increase, what the added units serve; for a decrease, what the
        /// units moved away serve where they go.
        public var reason: Reason = .none
    }

    /// A contracted agreement capacity.
    public struct Contract: Sendable, Hashable {
        /// The supplier (an agreement or delegated depot).
        public var supplier: DepotID
        /// The item.
        public var item: ItemID
        /// Units contracted now.
        public var current: Double
        /// Units recommended.
        public var recommended: Double
        /// What the added capacity serves.
        public var reason: Reason = .none
    }

    /// Stock to move from one depot to another instead of buying.
    public struct Move: Sendable, Hashable {
        /// The item.
        public var item: ItemID
        /// From depot.
        public var from: DepotID
        /// To depot.
        public var to: DepotID
        /// Units.
        public var quantity: Double
        /// Road distance along the fastest route, km.
        public var distanceKm: Double = 0
        /// What the move costs (tonnes × km × rate + tonnes × handling), CNY.
        public var costYuan: Double = 0
        /// What the moved units serve at their destination.
        public var reason: Reason = .none
    }

    /// One scenario before and after.
    public struct ScenarioOutcome: Sendable, Hashable {
        /// The scenario.
        public var scenario: ScenarioID
        /// Normalised probability.
        public var probability: Double
        /// Weighted shortfall by the deadline with today's stock, as `reserve dispatch`
        /// reports it (its first level's objective).
        public var shortfallBefore: Double
        /// Weighted shortfall by the deadline with the recommended stock, by `reserve dispatch`.
        public var shortfallAfter: Double
        /// Share of affected areas meeting the relief target (basic needs) today, by dispatch.
        public var complianceBefore: Double
        /// Share of affected areas meeting the relief target with the plan, by dispatch.
        public var complianceAfter: Double
        /// The plan model's own weighted shortfall with the recommended stock (its
        /// scenario LPs end at the latest deadline; dispatch, above, is what counts).
        public var modelShortfallAfter: Double = 0
    }

    /// Costs of the change, CNY (what the budget pays for).
    public struct Cost: Sendable, Hashable {
        /// New units bought.
        public var purchase: Double
        /// First year's holding of the new units.
        public var holding: Double
        /// First year's rotation of the new perishable units (price ÷ shelf life in years).
        public var rotation: Double
        /// Yearly fees for the added agreement capacity.
        public var contracts: Double
        /// Moving stock between depots (transport and handling).
        public var moves: Double = 0
        /// The sum.
        public var total: Double { purchase + holding + rotation + contracts + moves }
    }

    /// The area whose bureau the plan is for (its depots and its sub-areas' change).
    public var scope: [AreaID] = []
    /// What the plan optimised (``ReservePlanOptions/objective``), so that a report
    /// needs nothing passed again.
    public var objectiveKind: ReservePlanObjective = .shortfall
    /// The budget it was planned within, CNY (``ReservePlanOptions/budgetYuan``).
    public var budgetYuan: Double?
    /// What the returned plan is: the status of the objective level that produced it
    /// (`optimal`, or `feasible` with ``relativeGap``). A plan is never returned without
    /// a solution (``PlanningError/noSolution(_:)``).
    public var status: SolutionStatus
    /// The relative gap of the level that produced the plan, when known (0 when proven).
    public var relativeGap: Double?
    /// Each objective level that was attempted, in order: how it ended. Fewer than the
    /// objective's levels when the time ran out; the plan comes from the last one with
    /// a solution. Empty for the scenario decomposition (see ``decomposition``).
    public var objectiveLevels: [LevelOutcome] = []

    /// How one objective level of the plan's solve ended.
    public struct LevelOutcome: Sendable, Hashable {
        /// `expected shortfall`, `cost`, `worst shortfall`, `change`, ….
        public var name: String
        /// How its solve ended.
        public var status: SolutionStatus
        /// Its objective value, when it has a solution.
        public var value: Double?
        /// Its best bound, when known.
        public var bound: Double?
        /// Its relative gap, when known.
        public var relativeGap: Double?
    }
    /// The objective value of the first level (expected or worst shortfall, or cost).
    public var objective: Double?
    /// Stock levels whose recommendation differs from today (or all, if asked).
    public var levels: [StockLevel]
    /// Units to buy by item.
    public var purchases: [ItemID: Double]
    /// Moves between depots.
    public var moves: [Move]
    /// Agreement capacities.
    public var contracts: [Contract]
    /// Costs.
    public var cost: Cost
    /// Per scenario, before and after.
    public var scenarios: [ScenarioOutcome]
    /// Probability-weighted shortfall before and after.
    public var expectedShortfallBefore: Double, expectedShortfallAfter: Double
    /// Worst scenario shortfall before and after.
    public var worstShortfallBefore: Double, worstShortfallAfter: Double
    /// The same shortfall per item in the item's unit (units not delivered by their
    /// deadlines, summed over the areas of a scenario), by item id: what the weighted
    /// figures above mean in pieces, litres, tonnes.
    public var itemShortfalls: [ItemShortfall] = []

    /// Units of one item short by the deadline, expected (probability-weighted) and in
    /// the worst scenario, with today's stock and with the plan's.
    public struct ItemShortfall: Sendable, Hashable {
        /// The item.
        public var item: ItemID
        /// Σ probability × units short, today and with the plan.
        public var expectedBefore: Double, expectedAfter: Double
        /// The most units short in one scenario, today and with the plan.
        public var worstBefore: Double, worstAfter: Double
    }
    /// Size of the deterministic equivalent (solved as one model, or decomposed).
    public var rows: Int, columns: Int, nonZeros: Int
    /// The search for whole pieces when the LP plan split one (`nil`: it split none, or
    /// fractions were asked for).
    public var wholePieces: WholePieceSearch?

    /// How the whole-piece plan was found (docs/formulation.md, "Whole pieces in the plan").
    public struct WholePieceSearch: Sendable, Hashable {
        /// Columns made integer: stock levels, moves and agreement capacities of whole items.
        public var integerColumns: Int
        /// Level 1 of the LP plan (weighted shortfall, or the cost for `cost`'s floor
        /// level): no whole-piece plan is better.
        public var levelOneLPBound: Double?
        /// Level 1 of the whole-piece plan returned.
        public var levelOne: Double?
        /// Level 1 of the rounding heuristic's plan, the search's start (`nil`: the
        /// rounding found no plan within the rules).
        public var roundedLevelOne: Double?
        /// Branch-and-bound nodes over all levels (0 in the scenario decomposition, which
        /// only rounds).
        public var nodes: Int
        /// Whether a level stopped at the node limit before its gap closed.
        public var nodeLimitReached: Bool
    }
    /// How the scenario decomposition went; `nil` when the deterministic equivalent was solved.
    public var decomposition: DecompositionStatistics?
    /// Per planned (depot, item), per scenario: the areas its stock reaches by their
    /// deadline in the plan (for the reasons).
    var served: [DepotItem: [[ServedArea]]] = [:]
    /// Per planned (depot, item), per scenario: units it ships on time in the plan.
    var shippedOnTime: [DepotItem: [Double]] = [:]
}

/// An area of one incident that a planned stock reaches on time.
struct ServedArea: Hashable, Sendable {
    var area: AreaID
    var incident: IncidentID
}
