import LinearSolver

/// The dispatch LP of a ``GoodsProblem`` with the handles a larger model needs to
/// embed it (the reserve-level planner couples one per scenario to its stock levels).
public struct GoodsModel: Sendable {
    /// A shipment column.
    public struct Shipment: Sendable, Hashable {
        /// The column.
        public var variable: Variable
        /// Index into the problem's sources (the original source for production batches).
        public var source: Int
        /// Index into the problem's areas.
        public var area: Int
        /// Index into the problem's items.
        public var item: Int
        /// Whether it arrives by the area's deadline.
        public var onTime: Bool
        /// Arrival time in hours from the start of the response.
        public var etaHours: Double
    }

    /// A stock row `Σ shipments ≤ quantity` of one source and item ([D4]).
    public struct StockRow: Sendable, Hashable {
        /// The row.
        public var row: ConstraintRef
        /// Index into the problem's sources.
        public var source: Int
        /// Index into the problem's items.
        public var item: Int
        /// Whether it belongs to a production batch (then it is not a stock level).
        public var isProductionBatch: Bool
    }

    /// The model (rows D1–D9; no objective set).
    public var model: Model
    /// The three lexicographic levels O1–O3.
    public var levels: [LexicographicObjective]
    /// Shipment columns.
    public var shipments: [Shipment]
    /// Stock rows.
    public var stockRows: [StockRow]
    /// Shortfall-by-deadline column of each merged need, with its (area, item, quantity, weight).
    public var shortfalls: [(variable: Variable, need: GoodsProblem.Need)]
}

extension GoodsDispatcher {
    /// Builds the dispatch LP without solving it.
    public func build(_ problem: GoodsProblem) throws(DispatchError) -> GoodsModel {
        let issues = problem.validate()
        if !issues.isEmpty { throw .invalidProblem(issues) }
        let built = GoodsModelBuilder(problem: problem, options: options).build()
        return GoodsModel(
            model: built.model, levels: built.levels,
            shipments: built.arcs.map { arc in
                GoodsModel.Shipment(variable: arc.variable, source: built.virtualSources[arc.virtualSource].origin,
                                    area: built.needs[arc.need].area, item: built.needs[arc.need].item, onTime: arc.onTime,
                                    etaHours: arc.etaHours)
            },
            stockRows: built.stockRows.map { entry in
                let origin = built.virtualSources[entry.virtualSource].origin
                return GoodsModel.StockRow(row: entry.row, source: origin, item: entry.item,
                                           isProductionBatch: problem.sources[origin].kind == .productionCapacity)
            },
            shortfalls: zip(built.shortByDeadline, built.needs).map { ($0, $1) })
    }
}
