import BundleGraph
import LinearSolver
import ReserveModel

/// One scenario's goods problem with what a planning model needs to change it: which
/// depot each source is, how much of its stock survives the scenario, and which
/// sources' stock levels may be planned.
package struct ScenarioGoods: Sendable {
    /// The scenario.
    package var scenario: Scenario
    /// The goods problem. For plannable sources it lists every item, with the current
    /// quantity (at least 1 as a placeholder); the planner replaces those bounds.
    package var problem: GoodsProblem
    /// Depot of each source.
    package var sourceDepots: [DepotID]
    /// Share of each source's stock left after the scenario's damage (0…1).
    package var sourceKeep: [Double]
    /// Whether each source is a physical depot whose stock may be planned.
    package var sourcePlannable: [Bool]
    /// Current quantity after damage, by source and item index.
    package var currentQuantity: [[Int: Double]]
}

extension ResponsePlanner {
    /// The goods problem of one scenario, for planning models (reserve levels):
    /// routing, reserve modes, damage and expiry applied as for a dispatch.
    ///
    /// - Parameters:
    ///   - planning: when true, every physical depot may hold every item.
    ///   - call: the calling plan's solve options, whose deadline and stop switch the
    ///     routing asks (``SolveOptions/searchStop``); a stop throws
    ///     ``ResponseError/dispatch(_:)`` with ``SolveOptions/stopError``.
    package func goods(for scenarioID: ScenarioID, in bundle: ReserveBundle, network: BundleNetwork,
                      planning: Bool = true, call: SolveOptions? = nil) throws(ResponseError) -> ScenarioGoods {
        guard let scenario = bundle.scenario(scenarioID) else {
            throw .unknownScenario(scenarioID.rawValue, available: bundle.scenarios.map(\.id.rawValue))
        }
        var inputs: ScenarioInputs
        do { inputs = try ScenarioInputs(bundle: bundle, scenario: scenario, network: network, options: options) } catch { throw .invalidNetwork(error) }
        inputs.allItemsAtPhysicalDepots = planning
        inputs.prepare()
        do { try inputs.route(stop: call?.searchStop) } catch { throw .dispatch(call?.stopError ?? .solver(.cancelled)) }
        return ScenarioGoods(scenario: scenario, problem: inputs.goodsProblem(), sourceDepots: inputs.sourceDepots,
                             sourceKeep: inputs.sourceKeep, sourcePlannable: inputs.sourcePlannable,
                             currentQuantity: inputs.currentQuantity)
    }
}
