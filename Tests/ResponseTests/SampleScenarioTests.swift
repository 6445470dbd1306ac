import BundleGraph
import BundleIO
import Foundation
import ReserveModel
import Testing
import TestSupport
@testable import Response

/// Every scenario of every sample bundle: invariants of the plan, and every ETA
/// against an independent shortest-path computation written here from the bundle's
/// rows (plain Dijkstra over an adjacency list, speeds and disruption factors applied
/// by hand), not through RoadNetwork.
@Suite struct SampleScenarioTests {
    static let bundles = ["hegang", "huangshigang", "linjiang", "suzhou", "manzhouli"]

    static func load(_ name: String) throws -> ReserveBundle {
        try BundleReader.read(at: packageRoot.appendingPathComponent("Data/\(name)").path).bundle
    }

    /// Independent travel times on the scenario's disrupted network.
    struct ReferenceRouter {
        var ids: [String] = []
        var index: [String: Int] = [:]
        var points: [GeoPoint] = []
        var adjacency: [[(to: Int, hours: Double)]] = []

        init(bundle: ReserveBundle, scenario: Scenario) {
            for n in bundle.roadNodes {
                index[n.id.rawValue] = ids.count
                ids.append(n.id.rawValue)
                points.append(GeoPoint(lat: n.lat, lon: n.lon))
            }
            adjacency = Array(repeating: [], count: ids.count)
            let disruptions = scenario.incidents.map(\.roadDisruptions)
            var closed = Set<String>()
            var slowed: [String: Double] = [:]
            for d in disruptions {
                for p in d.closedEdges { closed.insert("\(p.from.rawValue)|\(p.to.rawValue)"); closed.insert("\(p.to.rawValue)|\(p.from.rawValue)") }
                for s in d.slowedEdges {
                    slowed["\(s.from.rawValue)|\(s.to.rawValue)", default: 1] *= s.factor
                    slowed["\(s.to.rawValue)|\(s.from.rawValue)", default: 1] *= s.factor
                }
            }
            let areaFactors = disruptions.flatMap(\.areaFactors)
            for e in bundle.roadEdges {
                guard let a = index[e.from.rawValue], let b = index[e.to.rawValue] else { continue }
                let speed = e.speedKmh ?? RoadEdgeRecord.defaultSpeedKmh[e.roadClass] ?? 45
                for (u, v) in e.oneway ? [(a, b)] : [(a, b), (b, a)] {
                    let key = "\(ids[u])|\(ids[v])"
                    if closed.contains(key) { continue }
                    var speedFactor = slowed[key] ?? 1
                    for f in areaFactors {
                        let classOK = f.roadClasses.map { $0.isEmpty || $0.contains(e.roadClass) } ?? true
                        let placeOK = f.polygon == nil || f.covers(points[u]) || f.covers(points[v])
                        if classOK && placeOK { speedFactor *= f.factor }
                    }
                    adjacency[u].append((v, e.lengthKm / (speed * speedFactor)))
                }
            }
        }

        /// Nearest node by brute force, and the access time at 20 km/h.
        func snap(_ p: GeoPoint) -> (node: Int, hours: Double) {
            var best = 0, bestKm = Double.infinity
            for (k, q) in points.enumerated() {
                let d = p.distanceKm(to: q)
                if d < bestKm { bestKm = d; best = k }
            }
            return (best, bestKm / 20)
        }

        func hours(from source: Int) -> [Double] {
            var dist = [Double](repeating: .infinity, count: ids.count)
            var done = [Bool](repeating: false, count: ids.count)
            dist[source] = 0
            for _ in 0..<ids.count {
                var u = -1
                for v in 0..<ids.count where !done[v] && dist[v] < .infinity && (u < 0 || dist[v] < dist[u]) { u = v }
                if u < 0 { break }
                done[u] = true
                for (v, h) in adjacency[u] where dist[u] + h < dist[v] { dist[v] = dist[u] + h }
            }
            return dist
        }
    }

    @Test(arguments: bundles)
    func everyScenarioKeepsItsInvariants(name: String) throws {
        let bundle = try Self.load(name)
        let network = try BundleNetwork(bundle: bundle)
        #expect(!bundle.scenarios.isEmpty)
        for scenario in bundle.scenarios {
            let r = try ResponsePlanner().respond(to: scenario.id, in: bundle, network: network)
            let p = r.goodsProblem
            #expect(r.goods.status == .optimal, "\(name)/\(scenario.id)")
            // Shipped ≤ available, per source and item, against the bundle's own stock.
            var shipped: [String: Double] = [:]
            for o in r.goods.orders where p.sources[o.source].kind != .productionCapacity {
                shipped["\(p.sources[o.source].id)|\(p.items[o.item].id)", default: 0] += o.quantity
            }
            for (key, q) in shipped {
                let parts = key.split(separator: "|").map(String.init)
                let held = bundle.stock.filter { $0.depot.rawValue == parts[0] && $0.item.rawValue == parts[1] }.map(\.quantity).reduce(0, +)
                #expect(q <= held + 1e-6, "\(name)/\(scenario.id) \(key): shipped \(q) > held \(held)")
            }
            // On-time deliveries ≤ need.
            var onTime: [String: Double] = [:]
            for o in r.goods.orders where o.onTime { onTime["\(o.area)|\(o.item)", default: 0] += o.quantity }
            for (key, q) in onTime {
                let parts = key.split(separator: "|").map { Int($0)! }
                let need = p.needs.filter { $0.area == parts[0] && $0.item == parts[1] }.map(\.quantity).reduce(0, +)
                #expect(q <= need + 1e-6, "\(name)/\(scenario.id)")
            }
            // Every ETA against the reference router; a depot's own trucks drive at the
            // slowest speed_factor of its fleet rows (docs/formats.md).
            let router = ReferenceRouter(bundle: bundle, scenario: scenario)
            func speed(_ s: Int) -> Double {
                guard p.sources[s].fleet != nil else { return 1 }
                return bundle.fleet.filter { $0.depot == p.sources[s].id && $0.trucks > 0 }.map { $0.speedFactor ?? 1 }.min() ?? 1
            }
            var treeOf: [Int: [Double]] = [:]
            for o in r.goods.orders {
                let source = r.sourcePlaces[o.source]
                guard let from = source.location, let to = r.areaPlaces[p.areas[o.area].id]?.location else {
                    Issue.record("order without places"); continue
                }
                let a = router.snap(from), b = router.snap(to)
                let tree = treeOf[a.node] ?? router.hours(from: a.node)
                treeOf[a.node] = tree
                let expected = o.departureHours + (a.hours + tree[b.node] + b.hours) / speed(o.source)
                // An order on several trips is complete when its last truck arrives.
                if (o.truckloads ?? 1) <= 1 {
                    #expect(abs(o.etaHours - expected) < 1e-6, "\(name)/\(scenario.id): \(source.id)→\(p.areas[o.area].id) ETA \(o.etaHours) vs \(expected)")
                } else {
                    #expect(o.etaHours >= expected - 1e-6, "\(name)/\(scenario.id)")
                }
            }
            // Every truck trip drives the reference router's time, a truck starts loading
            // only once it is home, and the trips arriving by the deadline carry at least
            // the on-time orders' tonnes of their depot and area.
            var tripTonnes: [String: Double] = [:], orderTonnes: [String: Double] = [:]
            for o in r.goods.orders where o.onTime && p.sources[o.source].fleet != nil {
                orderTonnes["\(o.source)|\(o.area)", default: 0] += o.quantity * p.items[o.item].unitWeightTons
            }
            for t in r.goods.trips {
                let from = try #require(r.sourcePlaces[t.source].location), to = try #require(r.areaPlaces[p.areas[t.area].id]?.location)
                let a = router.snap(from), b = router.snap(to)
                let tree = treeOf[a.node] ?? router.hours(from: a.node)
                treeOf[a.node] = tree
                #expect(abs(t.arrivalHours - t.departureHours - (a.hours + tree[b.node] + b.hours) / speed(t.source)) < 1e-6)
                #expect(t.onTime == (t.arrivalHours <= p.areas[t.area].deadlineHours + 1e-9))
                if t.onTime { tripTonnes["\(t.source)|\(t.area)", default: 0] += t.tons }
                let later = r.goods.trips.filter { $0.source == t.source && $0.truck == t.truck && $0.loadingStartHours > t.loadingStartHours }
                #expect(later.allSatisfy { $0.loadingStartHours >= t.returnHours - 1e-9 }, "\(name)/\(scenario.id)")
            }
            for (key, tonnes) in orderTonnes { #expect((tripTonnes[key] ?? 0) >= tonnes - 1e-6, "\(name)/\(scenario.id) \(key)") }
            // Teams: arrival = mobilisation + travel, each team at most once.
            var used = Set<Int>()
            for outcome in r.teams.outcomes {
                for assignment in outcome.assignments {
                    #expect(used.insert(assignment.team).inserted, "\(name)/\(scenario.id): team sent twice")
                }
            }
        }
    }

    @Test func sameInputSameBytes() throws {
        let bundle = try Self.load("hegang")
        let a = try ResponsePlanner().respond(to: "hg-blizzard-mine", in: bundle)
        let b = try ResponsePlanner().respond(to: "hg-blizzard-mine", in: bundle)
        #expect(a.goods.orders == b.goods.orders)
        #expect(a.teams.outcomes == b.teams.outcomes)
    }

    @Test func unknownScenarioIsAnError() throws {
        let bundle = try Self.load("hegang")
        #expect(throws: ResponseError.self) { _ = try ResponsePlanner().respond(to: "no-such", in: bundle) }
    }

    /// One shared network, several scenarios at once from many threads.
    @Test func concurrentScenariosOnOneNetwork() async throws {
        let bundle = try Self.load("hegang")
        let network = try BundleNetwork(bundle: bundle)
        let serial = try bundle.scenarios.map { try ResponsePlanner().respond(to: $0.id, in: bundle, network: network).goods.levelObjectives }
        try await withThrowingTaskGroup(of: (Int, [Double]).self) { group in
            for round in 0..<4 {
                for (k, scenario) in bundle.scenarios.enumerated() {
                    group.addTask { (k, try await ResponsePlanner().respond(to: scenario.id, in: bundle, network: network).goods.levelObjectives) }
                }
                _ = round
            }
            for try await (k, objectives) in group { #expect(objectives == serial[k]) }
        }
    }
}
