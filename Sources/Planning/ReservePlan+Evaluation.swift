import LinearSolver
import BundleGraph
import Logging
import ReserveModel

extension ReservePlan {
    /// `bundle` with the recommended stock and agreement capacities: what
    /// `reserve plan --write-bundle` writes and what the "after" figures dispatch.
    ///
    /// For each changed (depot, item) the units that leave go first-expiry-first-out
    /// (expired lots first, lots without an expiry last); units added are one new lot
    /// (batch `plan`, received on the bundle's reference date, no expiry: new purchases
    /// and moved units alike are assumed rotated, as the plan assumes of all stock).
    public func applied(to bundle: ReserveBundle) -> ReserveBundle {
        var target: [DepotItem: Double] = [:]
        for l in levels { target[DepotItem(l.depot, l.item)] = l.recommended }
        for c in contracts { target[DepotItem(c.supplier, c.item)] = c.recommended }
        var lotsOf: [DepotItem: [Int]] = [:]
        for (i, lot) in bundle.stock.enumerated() { lotsOf[DepotItem(lot.depot, lot.item), default: []].append(i) }
        var quantity = bundle.stock.map(\.quantity)
        var added: [StockLot] = []
        for (key, wanted) in target.sorted(by: { $0.key < $1.key }) {
            let lots = lotsOf[key] ?? []
            let held = lots.reduce(0.0) { $0 + quantity[$1] }
            if wanted < held {
                var remove = held - wanted
                let order = lots.sorted { a, b in
                    switch (bundle.stock[a].expiry, bundle.stock[b].expiry) {
                    case let (x?, y?): return x == y ? a < b : x < y
                    case (.some, nil): return true
                    case (nil, .some): return false
                    case (nil, nil): return a < b
                    }
                }
                for i in order where remove > 0 {
                    let take = min(quantity[i], remove)
                    quantity[i] -= take
                    remove -= take
                }
            } else if wanted > held {
                added.append(StockLot(depot: key.depot, item: key.item, quantity: wanted - held,
                                      unit: lots.first.flatMap { bundle.stock[$0].unit }, batch: "plan",
                                      received: bundle.manifest.referenceDate, expiry: nil))
            }
        }
        var result = bundle
        result.stock = bundle.stock.indices.filter { quantity[$0] > 0 }.map { i in
            var lot = bundle.stock[i]
            lot.quantity = quantity[i]
            return lot
        } + added
        return result
    }

    /// Replaces the before and after figures with `reserve dispatch`'s on today's and on
    /// the recommended stock, and states each change's reason from them.
    mutating func evaluate(bundle: ReserveBundle, network: BundleNetwork, today: DispatchEvaluation,
                           builder: ReservePlanBuilder, logger: Logger, control: SolveControl? = nil) throws(PlanningError) {
        let after = try DispatchEvaluation(bundle: applied(to: bundle), network: network, logger: logger, control: control)
        for w in scenarios.indices {
            scenarios[w].modelShortfallAfter = scenarios[w].shortfallAfter
            scenarios[w].shortfallBefore = today.scenarios[w].weightedShortfall
            scenarios[w].shortfallAfter = after.scenarios[w].weightedShortfall
            scenarios[w].complianceBefore = today.scenarios[w].reliefCompliance
            scenarios[w].complianceAfter = after.scenarios[w].reliefCompliance
        }
        expectedShortfallBefore = scenarios.reduce(0) { $0 + $1.probability * $1.shortfallBefore }
        expectedShortfallAfter = scenarios.reduce(0) { $0 + $1.probability * $1.shortfallAfter }
        worstShortfallBefore = scenarios.map(\.shortfallBefore).max() ?? 0
        worstShortfallAfter = scenarios.map(\.shortfallAfter).max() ?? 0
        itemShortfalls = Self.itemShortfalls(scenarios: scenarios, today: today, after: after)

        func reason(_ key: DepotItem, added: Double) -> Reason {
            guard let perScenario = served[key] else { return .none }
            var gains: [Reason.Gain] = []
            var expected = 0.0, expectedCovered = 0.0
            for (w, areas) in perScenario.enumerated() where !areas.isEmpty {
                var removed = 0.0
                for a in areas {
                    let k = DispatchEvaluation.NeedKey(area: a.area, incident: a.incident, item: key.item)
                    removed += (today.scenarios[w].shortfall[k] ?? 0) - (after.scenarios[w].shortfall[k] ?? 0)
                }
                let covered = min(max(0, added), shippedOnTime[key]?[w] ?? 0)
                gains.append(Reason.Gain(scenario: scenarios[w].scenario, areas: Array(Set(areas.map(\.area))).sorted(),
                                         shortfallCovered: covered, shortfallRemoved: removed))
                expected += scenarios[w].probability * removed
                expectedCovered += scenarios[w].probability * covered
            }
            return Reason(gains: gains, expectedShortfallCovered: expectedCovered, expectedShortfallRemoved: expected)
        }
        var increase: [DepotItem: Double] = [:]
        for l in levels { increase[DepotItem(l.depot, l.item)] = l.recommended - l.current }
        for m in moves.indices {
            let key = DepotItem(moves[m].to, moves[m].item)
            moves[m].reason = reason(key, added: min(moves[m].quantity, increase[key] ?? 0))
        }
        for l in levels.indices {
            if levels[l].recommended > levels[l].current {
                levels[l].reason = reason(DepotItem(levels[l].depot, levels[l].item), added: levels[l].recommended - levels[l].current)
            } else {
                // What the units moved away serve where they go.
                let out = moves.filter { $0.from == levels[l].depot && $0.item == levels[l].item }
                levels[l].reason = Reason.merging(out.map(\.reason))
            }
        }
        for c in contracts.indices {
            contracts[c].reason = reason(DepotItem(contracts[c].supplier, contracts[c].item), added: contracts[c].recommended - contracts[c].current)
        }
    }
}

extension ReservePlan.Reason {
    /// Several reasons as one: gains of the same scenario merged (areas united, units
    /// added), in first-seen scenario order.
    static func merging(_ reasons: [ReservePlan.Reason]) -> ReservePlan.Reason {
        var order: [ScenarioID] = []
        var byScenario: [ScenarioID: Gain] = [:]
        for g in reasons.flatMap(\.gains) {
            if var known = byScenario[g.scenario] {
                known.areas = Array(Set(known.areas + g.areas)).sorted()
                known.shortfallRemoved += g.shortfallRemoved
                known.shortfallCovered += g.shortfallCovered
                byScenario[g.scenario] = known
            } else {
                order.append(g.scenario)
                byScenario[g.scenario] = g
            }
        }
        return ReservePlan.Reason(gains: order.map { byScenario[$0]! },
                                  expectedShortfallCovered: reasons.reduce(0) { $0 + $1.expectedShortfallCovered },
                                  expectedShortfallRemoved: reasons.reduce(0) { $0 + $1.expectedShortfallRemoved })
    }

}

extension ReservePlan {
    /// Units short by item, from the dispatches before and after.
    static func itemShortfalls(scenarios: [ScenarioOutcome], today: DispatchEvaluation,
                               after: DispatchEvaluation) -> [ItemShortfall] {
        func byItem(_ e: DispatchEvaluation, _ w: Int) -> [ItemID: Double] {
            var result: [ItemID: Double] = [:]
            for (key, quantity) in e.scenarios[w].shortfall { result[key.item, default: 0] += quantity }
            return result
        }
        var rows: [ItemID: ItemShortfall] = [:]
        for w in scenarios.indices {
            let before = byItem(today, w), later = byItem(after, w)
            for item in Set(before.keys).union(later.keys) {
                var row = rows[item] ?? ItemShortfall(item: item, expectedBefore: 0, expectedAfter: 0, worstBefore: 0, worstAfter: 0)
                let b = before[item] ?? 0, a = later[item] ?? 0
                row.expectedBefore += scenarios[w].probability * b
                row.expectedAfter += scenarios[w].probability * a
                row.worstBefore = max(row.worstBefore, b)
                row.worstAfter = max(row.worstAfter, a)
                rows[item] = row
            }
        }
        return rows.values.sorted { $0.item < $1.item }
    }
}
