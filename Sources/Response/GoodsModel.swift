import LinearSolver

/// The dispatch LP of a ``GoodsProblem`` with the handles a larger model needs to
/// embed it (the reserve-level planner couples one per scenario to its stock levels).
package struct GoodsModel: Sendable {
    /// A shipment column.
    package struct Shipment: Sendable, Hashable {
        /// The column.
        package var variable: Variable
        /// Index into the problem's sources (the original source for production batches).
        package var source: Int
        /// Index into the problem's areas.
        package var area: Int
        /// Index into the problem's items.
        package var item: Int
        /// Whether it arrives by the area's deadline.
        package var onTime: Bool
        /// Arrival time in hours from the start of the response.
        package var etaHours: Double
    }

    /// A stock row `Σ shipments ≤ quantity` of one source and item ([D4]).
    package struct StockRow: Sendable, Hashable {
        /// The row.
        package var row: ConstraintRef
        /// Index into the problem's sources.
        package var source: Int
        /// Index into the problem's items.
        package var item: Int
        /// Whether it belongs to a production batch (then it is not a stock level).
        package var isProductionBatch: Bool
    }

    /// The model (rows D1–D9; no objective set).
    package var model: Model
    /// The three lexicographic levels O1–O3.
    package var levels: [LexicographicObjective]
    /// Shipment columns.
    package var shipments: [Shipment]
    /// Stock rows.
    package var stockRows: [StockRow]
    /// Shortfall-by-deadline column of each merged need, with its (area, item, quantity, weight).
    package var shortfalls: [(variable: Variable, need: GoodsProblem.Need)]
}

extension GoodsDispatcher {
    /// Builds the dispatch LP without solving it.
    package func build(_ problem: GoodsProblem) throws(DispatchError) -> GoodsModel {
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
