import BundleIO
import Foundation
import Reports
import ReserveModel
import Response
import Testing
import TestSupport

/// Reports only render: every number the dispatch report prints is the plan's own
/// value (rounded to 6 decimals), on every scenario of the five samples. The
/// arrival and departure times are checked against the timing rule itself
/// (departure = max(ready, incident start) + handling; arrival = departure + travel),
/// so a report or reader with its own formula fails here.
@Suite struct ReportNumbersTests {
    static let bundles = ["hegang", "huangshigang", "linjiang", "suzhou", "manzhouli"]

    func stable(_ x: Double) -> Double {
        let r = (x * 1e6).rounded() / 1e6
        return r == 0 ? 0 : r
    }

    @Test(arguments: bundles)
    func everyPrintedNumberIsThePlansOwn(bundle name: String) throws {
        let validated = try BundleReader.read(at: packageRoot.appendingPathComponent("Data/\(name)").path).validated()
        let network = try #require(validated.network)
        for scenario in validated.bundle.scenarios {
            let r = try ResponsePlanner().respond(to: scenario.id, in: validated.bundle, network: network)
            let report = ResponseReport(r, bundle: validated.bundle)
            let p = r.goodsProblem, plan = r.goods
            let context = "\(name)/\(scenario.id)"
            #expect(report.orders.count == plan.orders.count, "\(context)")
            for (row, order) in zip(report.orders, plan.orders) {
                let route = p.routes[order.route]
                #expect(row.from == p.sources[order.source].id && row.to == p.areas[order.area].id && row.item == p.items[order.item].id)
                #expect(row.quantity == stable(order.quantity) && row.etaHours == stable(order.etaHours)
                        && row.departureHours == stable(order.departureHours), "\(context) \(row.from)→\(row.to)")
                // One trip arrives one leg after it leaves; an order on several trips is
                // complete when the last arrives.
                if (order.truckloads ?? 1) <= 1 {
                    #expect(abs(order.etaHours - (order.departureHours + route.travelHours)) < 1e-9, "\(context)")
                } else {
                    #expect(order.etaHours >= order.departureHours + route.travelHours - 1e-9, "\(context)")
                }
                // Departure is never before the source is first ready, the incident has
                // begun, and loading is done.
                let source = p.sources[order.source]
                let earliest = p.departureHours(readyHours: p.earliestReadyHours(of: order.source), source: order.source, area: order.area)
                #expect(order.departureHours >= earliest - 1e-9, "\(context)")
                if source.kind != .productionCapacity, source.fleet == nil, source.throughputTonsPerHour == nil {
                    #expect(abs(order.departureHours - earliest) < 1e-9, "\(context): a stock source without trucks or a loading limit leaves as soon as it can")
                }
            }
            #expect(report.summary.fulfilment == stable(plan.byDeadline), "\(context)")
            #expect(report.fulfilment.count == plan.fulfilment.count)
            for (row, f) in zip(report.fulfilment, plan.fulfilment) {
                #expect(row.area == p.areas[f.area].id && row.byDeadline == stable(f.basicByDeadline)
                        && row.byHorizon == stable(f.byHorizon) && row.reliefMet == f.reliefMet
                        && row.fullyServedAtHours == f.basicFullyServedAtHours.map(stable), "\(context)")
            }
            #expect(report.summary.areasMeetingRelief == plan.fulfilment.filter(\.reliefMet).count)
            for (row, s) in zip(report.shortfalls, plan.shortfalls) {
                #expect(row.quantity == stable(s.quantity) && row.reason == s.reason.rawValue)
                if s.reason == .tooFar, let earliest = s.earliestArrivalHours {
                    let shown = (earliest * 10).rounded() / 10
                    let text = shown == shown.rounded() ? "\(Int(shown)) h" : "\(shown) h"
                    #expect(row.explanation.contains("arrives at \(text)"), "\(context): \(row.explanation)")
                }
            }
        }
    }
}
