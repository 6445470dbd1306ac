import Foundation
import Testing
import TestSupport

/// The schedule in `reserve dispatch --format json` checked from the JSON and the
/// bundle's CSV files alone, by the rules docs/formats.md gives (issue 13): every
/// scenario of every sample, through the CLI.
@Suite struct TruckScheduleCommandTests {
    static let bundles = ["hegang", "huangshigang", "linjiang", "suzhou", "manzhouli"]

    /// Rows of a CSV file without quoted commas (the samples' fleet and items tables).
    func rows(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    @Test(arguments: bundles)
    func everyOnTimeFigureRidesOnTripsThatArriveInTime(bundle: String) throws {
        let root = packageRoot.appendingPathComponent("Data/\(bundle)").path
        var payload: [String: (tonnes: Double, cubic: Double)] = [:]
        for row in try rows(root + "/fleet.csv") where Int(row["trucks"] ?? "") ?? 0 > 0 {
            payload[row["depot"]!] = (Double(row["capacity_tonnes"]!)!, Double(row["capacity_m3"]!)!)
        }
        var tonnesPerUnit: [String: Double] = [:]
        for row in try rows(root + "/items.csv") { tonnesPerUnit[row["id"]!] = Double(row["unit_weight_kg"]!)! / 1000 }
        let scenarios = try FileManager.default.contentsOfDirectory(atPath: root + "/scenarios").filter { $0.hasSuffix(".json") }.sorted()
        #expect(!scenarios.isEmpty)
        var tripsSeen = 0
        for file in scenarios {
            let id = String(file.dropLast(5))
            let r = try runReserve(["dispatch", "Data/\(bundle)", "--scenario", id, "--format", "json"])
            #expect(r.exitCode == 0, "\(r.stderr)")
            let d = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let trips = try #require(d["truckTrips"] as? [[String: Any]])
            let orders = try #require(d["orders"] as? [[String: Any]])
            tripsSeen += trips.count
            var arrivedTonnes: [String: Double] = [:]
            var byTruck: [String: [(load: Double, back: Double)]] = [:]
            for t in trips {
                let depot = try #require(t["depot"] as? String), to = try #require(t["to"] as? String)
                let (load, depart, arrive, back) = (t["loadingStartHours"] as! Double, t["departureHours"] as! Double,
                                                    t["arrivalHours"] as! Double, t["returnHours"] as! Double)
                let deadline = t["deadlineHours"] as! Double
                let capacity = try #require(payload[depot], "\(depot) has trips but no trucks in fleet.csv")
                #expect((t["tonnes"] as! Double) <= capacity.tonnes + 1e-6 && (t["cubicMetres"] as! Double) <= capacity.cubic + 1e-6)
                #expect(load <= depart && depart < arrive && abs((back - arrive) - (arrive - depart)) < 1e-5)
                #expect((t["onTime"] as! Bool) == (arrive <= deadline + 1e-6))
                if arrive <= deadline + 1e-6 { arrivedTonnes["\(depot)→\(to)", default: 0] += t["tonnes"] as! Double }
                byTruck["\(depot)#\(t["truck"] as! Int)", default: []].append((load, back))
            }
            // A truck is in one place at a time: it loads again only once it is home.
            for (truck, list) in byTruck {
                let sorted = list.sorted { $0.load < $1.load }
                for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(b.load >= a.back - 1e-6, "\(bundle)/\(id) \(truck)") }
            }
            // Nullable fields are present as null (docs/formats.md): an order's trucks is
            // null exactly when its depot has no trucks of its own; every area has its
            // fullyServedAtHours key.
            for o in orders {
                #expect(o.keys.contains("trucks"), "\(bundle)/\(id)")
                #expect((o["trucks"] is NSNull) == (payload[o["from"] as! String] == nil), "\(bundle)/\(id) \(o["from"]!)")
            }
            let fulfilment = try #require(d["fulfilment"] as? [[String: Any]])
            #expect(fulfilment.allSatisfy { $0.keys.contains("fullyServedAtHours") })
            #expect(d.keys.contains("policy"))
            // What the orders count as on time from a depot with trucks arrives on trips by the deadline.
            var onTimeTonnes: [String: Double] = [:]
            for o in orders where o["onTime"] as! Bool {
                let depot = o["from"] as! String
                guard payload[depot] != nil, o["trucks"] is Double else { continue }
                onTimeTonnes["\(depot)→\(o["to"] as! String)", default: 0] += (o["quantity"] as! Double) * tonnesPerUnit[o["item"] as! String]!
            }
            for (leg, tonnes) in onTimeTonnes {
                #expect((arrivedTonnes[leg] ?? 0) >= tonnes - 1e-4, "\(bundle)/\(id) \(leg): \(tonnes) t on time, \(arrivedTonnes[leg] ?? 0) t on trips by the deadline")
            }
        }
        #expect(tripsSeen > 0)
    }
}
