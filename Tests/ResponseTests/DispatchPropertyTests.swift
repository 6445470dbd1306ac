import ReserveModel
import Testing
import TestSupport
import GLPKBackend
@testable import LinearSolver
@testable import Response

/// Seeded random dispatch problems: invariants of every plan, and column generation
/// against the plain solve.
@Suite struct DispatchPropertyTests {
    typealias P = GoodsProblem

    static func random(seed: UInt64) -> P {
        var rng = SeededGenerator(seed: seed)
        func r(_ range: ClosedRange<Int>) -> Double { Double(Int.random(in: range, using: &rng)) }
        let items = (0..<3).map { P.Item(id: ItemID("i\($0)"), unitWeightTons: r(1...50) / 1000, unitVolumeCubicMetres: r(1...80) / 1000) }
        let areas = (0..<8).map { P.Area(id: AreaID("a\($0)"), deadlineHours: r(6...12)) }
        var needs: [P.Need] = []
        for a in 0..<8 { for k in 0..<3 where Int.random(in: 0...3, using: &rng) > 0 {
            needs.append(P.Need(area: a, item: k, quantity: r(10...400), weight: r(1...4)))
        } }
        let kinds: [P.SourceKind] = [.physical, .physical, .agreement, .productionCapacity, .mutualAid, .physical]
        let sources = kinds.enumerated().map { s, kind in
            P.Source(id: DepotID("s\(s)"), kind: kind, availableAfterHours: kind == .physical ? 0 : r(1...6), handlingHours: r(0...2),
                     throughputTonsPerHour: s % 2 == 0 ? r(1...5) : nil,
                     fleet: s % 3 == 0 ? P.Fleet(trucks: Int(r(1...4)), capacityTons: r(2...10), capacityCubicMetres: r(10...40)) : nil,
                     production: kind == .productionCapacity ? P.Production(rampUpHours: r(0...3)) : nil)
        }
        var supplies: [P.Supply] = []
        for s in 0..<sources.count { for k in 0..<3 where Int.random(in: 0...2, using: &rng) > 0 {
            supplies.append(P.Supply(source: s, item: k, quantity: kinds[s] == .productionCapacity ? r(5...30) : r(50...600)))
        } }
        var routes: [P.Route] = []
        for s in 0..<sources.count { for a in 0..<8 where Int.random(in: 0...5, using: &rng) > 0 {
            let hours = r(1...40) / 4
            routes.append(P.Route(source: s, area: a, travelHours: hours, distanceKm: hours * r(40...70)))
        } }
        return P(items: items, areas: areas, needs: needs, sources: sources, supplies: supplies, routes: routes, horizonHours: 36)
    }

    @Test(arguments: 0..<30)
    func invariantsAndColumnGenerationAgree(seed: UInt64) throws {
        let p = Self.random(seed: seed)
        let plainDispatcher = GoodsDispatcher(options: DispatchOptions(columnGeneration: false))
        let cgDispatcher = GoodsDispatcher(options: DispatchOptions(columnGeneration: true))
        let plain = try plainDispatcher.dispatch(p)
        let cg = try cgDispatcher.dispatch(p)
        #expect(plain.status == .optimal && cg.status == .optimal)
        // Column generation solves the same LP: every level agrees on the model as
        // built. (After a fleet row is tightened the two may take different rounds,
        // each from its own alternative optimum, so the dispatched plans need not.)
        let built = GoodsModelBuilder(problem: p, options: plainDispatcher.options).build()
        let (plainLevels, _) = try plainDispatcher.solve(built, startingFrom: nil)
        let (cgLevels, _) = try cgDispatcher.solve(built, startingFrom: nil)
        #expect(plainLevels.count == 3 && cgLevels.count == 3)
        for level in 0..<min(3, plainLevels.count, cgLevels.count) {
            #expect(isApproximatelyEqual(plainLevels[level].objectiveValue ?? .nan, cgLevels[level].objectiveValue ?? .nan,
                                         absolute: 1e-6, relative: 1e-7), "seed \(seed) level \(level)")
        }
        if plain.scheduleRounds == 0, cg.scheduleRounds == 0 {
            for level in 0..<3 {
                #expect(isApproximatelyEqual(plain.levelObjectives[level], cg.levelObjectives[level], absolute: 1e-6, relative: 1e-7),
                        "seed \(seed) level \(level)")
            }
        }
        for plan in [plain, cg] {
            // Shipped ≤ available per physical-like source and item.
            var shipped: [Int: Double] = [:]
            for o in plan.orders where p.sources[o.source].kind != .productionCapacity {
                shipped[o.source * 3 + o.item, default: 0] += o.quantity
            }
            for (key, q) in shipped {
                let available = p.supplies.filter { $0.source * 3 + $0.item == key }.map(\.quantity).reduce(0, +)
                #expect(q <= available + 1e-6, "seed \(seed)")
            }
            // On-time deliveries ≤ need; an order arrives one leg after it leaves (its
            // last truck later, when it takes several trips); on-time flag consistent.
            var onTime: [Int: Double] = [:]
            for o in plan.orders {
                let route = p.routes[o.route]
                #expect(route.source == o.source && route.area == o.area)
                if (o.truckloads ?? 1) <= 1 {
                    #expect(isApproximatelyEqual(o.etaHours, o.departureHours + route.travelHours))
                } else {
                    #expect(o.etaHours >= o.departureHours + route.travelHours - 1e-9)
                }
                #expect(o.onTime == (o.etaHours <= p.areas[o.area].deadlineHours + 1e-9))
                if o.onTime { onTime[o.area * 3 + o.item, default: 0] += o.quantity }
            }
            // The schedule: a truck is in one place at a time, carries at most its load,
            // and the trips arriving by the deadline carry at least the on-time orders'
            // tonnes of their source and area.
            var onTimeTonnes: [Int: Double] = [:], tripTonnes: [Int: Double] = [:]
            for o in plan.orders where o.onTime && p.sources[o.source].fleet != nil {
                onTimeTonnes[o.source * 8 + o.area, default: 0] += o.quantity * p.items[o.item].unitWeightTons
            }
            for t in plan.trips {
                let fleet = try #require(p.sources[t.source].fleet)
                #expect(t.tons <= fleet.capacityTons + 1e-6 && t.cubicMetres <= fleet.capacityCubicMetres + 1e-6)
                #expect(isApproximatelyEqual(t.arrivalHours - t.departureHours, p.routes[t.route].travelHours))
                #expect(t.departureHours >= t.loadingStartHours + p.sources[t.source].handlingHours - 1e-9)
                #expect(t.onTime == (t.arrivalHours <= p.areas[t.area].deadlineHours + 1e-9))
                if t.onTime { tripTonnes[t.source * 8 + t.area, default: 0] += t.tons }
                let same = plan.trips.filter { $0.source == t.source && $0.truck == t.truck && $0.loadingStartHours > t.loadingStartHours }
                #expect(same.allSatisfy { $0.loadingStartHours >= t.returnHours - 1e-9 }, "seed \(seed)")
            }
            for (key, tonnes) in onTimeTonnes { #expect((tripTonnes[key] ?? 0) >= tonnes - 1e-6, "seed \(seed)") }
            for (key, q) in onTime {
                let need = p.needs.filter { $0.area * 3 + $0.item == key }.map(\.quantity).reduce(0, +)
                #expect(q <= need + 1e-6, "seed \(seed)")
            }
            // Shortfall + on-time delivery = need.
            for s in plan.shortfalls {
                let need = p.needs.filter { $0.area == s.area && $0.item == s.item }.map(\.quantity).reduce(0, +)
                #expect(isApproximatelyEqual(s.quantity + (onTime[s.area * 3 + s.item] ?? 0), need, absolute: 1e-5))
            }
        }
    }
}

extension DispatchPropertyTests {
    /// The random cases exercise what they should: shortfalls, late orders, production.
    @Test func randomCasesAreNotVacuous() throws {
        var shortfalls = 0, late = 0, fromFactory = 0, reasons = Set<GoodsPlan.ShortfallReason>()
        for seed in 0..<30 as Range<UInt64> {
            let p = Self.random(seed: seed)
            let plan = try GoodsDispatcher().dispatch(p)
            shortfalls += plan.shortfalls.count
            reasons.formUnion(plan.shortfalls.map(\.reason))
            late += plan.orders.filter { !$0.onTime }.count
            fromFactory += plan.orders.filter { p.sources[$0.source].kind == .productionCapacity }.count
        }
        #expect(shortfalls > 0 && late > 0 && fromFactory > 0)
        #expect(reasons.count >= 2)
    }
}

