import Foundation
import LinearSolver
import ReserveModel

extension ReservePlanBuilder {
    /// Refuses a plan whose own rules cannot all hold, before any solve: a minimum-stock
    /// rule that does not fit a depot's room, or whose purchases exceed the budget.
    func checkRules() throws(PlanningError) {
        let found = conflicts(solverSaidInfeasible: false)
        if !found.isEmpty { throw .infeasible(found) }
    }

    /// The rule as written on the command line, e.g. `min-stock county:5000:3`.
    static func name(_ rule: MinimumStockRule) -> String {
        "min-stock \(rule.level.rawValue):\(Self.plain(rule.people)):\(Self.plain(rule.days))"
    }

    static func plain(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(format: "%.6g", x)
    }

    /// The conflicts among minimum-stock rules, depot capacity and the budget; when the
    /// solver found the program infeasible and none of these is to blame alone, one
    /// conflict naming every rule in force.
    func conflicts(solverSaidInfeasible: Bool) -> [PlanConflict] {
        let items = Dictionary(uniqueKeysWithValues: bundle.items.map { ($0.id, $0) })
        let depots = Dictionary(uniqueKeysWithValues: bundle.depots.map { ($0.id, $0) })
        var found: [PlanConflict] = []
        var rulesInForce = Set<String>()
        var neededSpend = 0.0
        var lowerByItem: [ItemID: Double] = [:]
        for depotID in Set(stockKeys.map(\.depot)).sorted() {
            let depot = depots[depotID]
            let rules = options.minimumStock.filter { $0.level == depot?.level }
            let keys = stockKeys.filter { $0.depot == depotID }
            var volume = 0.0, tonnes = 0.0
            for k in keys {
                guard let item = items[k.item] else { continue }
                let lower = minimum(depot, item)
                lowerByItem[k.item, default: 0] += movesAllowed ? lower : max(0, lower - (currentStock[k.key] ?? 0))
                volume += lower * item.unitVolumeM3
                tonnes += lower * item.unitWeightKg / 1000
            }
            guard !rules.isEmpty, let depot else { continue }
            rules.forEach { rulesInForce.insert(Self.name($0)) }
            let other = fixedLoad[depotID] ?? (0, 0)
            let ruleNames = rules.map(Self.name)
            if depot.capacityM3 > 0, volume > depot.capacityM3 - other.volume + 1e-9 {
                found.append(PlanConflict(rules: ruleNames + ["capacity \(depotID) (volume)"], message: String(
                    format: "%@ (%@) must hold %.1f m³ of the rule's items, but its capacity is %.1f m³ and other items take %.1f m³",
                    depotID.rawValue, depot.name, volume, depot.capacityM3, other.volume)))
            }
            if depot.capacityTonnes > 0, tonnes > depot.capacityTonnes - other.tonnes + 1e-9 {
                found.append(PlanConflict(rules: ruleNames + ["capacity \(depotID) (weight)"], message: String(
                    format: "%@ (%@) must hold %.1f t of the rule's items, but its capacity is %.1f t and other items take %.1f t",
                    depotID.rawValue, depot.name, tonnes, depot.capacityTonnes, other.tonnes)))
            }
        }
        // Purchases the rules force: with moves, what the items' totals lack; without, each level's lift.
        for (itemID, lower) in lowerByItem {
            guard let item = items[itemID] else { continue }
            let held = movesAllowed ? stockKeys.filter { $0.item == itemID }.reduce(0.0) { $0 + (currentStock[$1.key] ?? 0) } : 0
            let units = max(0, lower - held)
            let rotation = item.shelfLifeDays.map { $0 > 0 ? 365 / $0 : 0 } ?? 0
            neededSpend += units * item.unitPriceYuan * (1 + costs.holdingRate + rotation)
        }
        if let budget = options.budgetYuan, options.objective != .cost, neededSpend > budget + 1e-6 * max(1, budget) {
            found.append(PlanConflict(rules: rulesInForce.sorted() + ["budget"], message: String(
                format: "the minimum-stock rules need purchases of at least ¥%.2f (price, first-year holding and rotation), but the budget is ¥%.2f",
                neededSpend, budget)))
        }
        if found.isEmpty && solverSaidInfeasible {
            var all = rulesInForce.sorted() + ["depot capacity"]
            if options.budgetYuan != nil && options.objective != .cost { all.append("budget") }
            found.append(PlanConflict(rules: all, message: "the stock levels cannot meet these rules together"))
        }
        return found
    }
}
