import ReserveModel
import LinearSolver

/// The answer of a reserve-level plan.
public struct ReservePlan: Sendable {
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
    }

    /// One scenario before and after.
    public struct ScenarioOutcome: Sendable, Hashable {
        /// The scenario.
        public var scenario: ScenarioID
        /// Normalised probability.
        public var probability: Double
        /// Weighted shortfall by the deadline with today's stock.
        public var shortfallBefore: Double
        /// Weighted shortfall by the deadline with the plan.
        public var shortfallAfter: Double
        /// Share of affected areas meeting the relief target (basic needs) today.
        public var complianceBefore: Double
        /// Share of affected areas meeting the relief target with the plan.
        public var complianceAfter: Double
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
        /// The sum.
        public var total: Double { purchase + holding + rotation + contracts }
    }

    /// Solver status.
    public var status: SolutionStatus
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
    /// Size of the deterministic equivalent (solved as one model, or decomposed).
    public var rows: Int, columns: Int, nonZeros: Int
    /// How the scenario decomposition went; `nil` when the deterministic equivalent was solved.
    public var decomposition: DecompositionStatistics?
}
