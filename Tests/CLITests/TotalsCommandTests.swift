import Foundation
import Testing
import TestSupport

/// Issue 14, item 4, through the built binary on every sample scenario: the totals of
/// the dispatch summary equal the sums of its rows, in the JSON and in the text report,
/// and the orders CSV's truck column adds up to the trips that run.
@Suite struct TotalsCommandTests {
    func object(_ r: CommandResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    /// The lines of the text report from the line `title` up to the next empty line.
    func block(_ text: String, startingWith title: String) -> [Substring] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(title) }) else { return [] }
        let rest = lines[(start + 1)...]
        return Array(rest.prefix { !$0.isEmpty })
    }

    /// The name of an area that has a team requirement.
    func fulfilmentOrTeamName(_ area: String, teams: [[String: Any]]) -> String? {
        teams.first { $0["area"] as? String == area }?["areaName"] as? String
    }

    /// Units that measure an amount (docs/formats.md, items.csv `divisible`); the
    /// samples' other units count pieces.
    let measuredUnits: Set<String> = ["L", "kg", "t", "m³", "升", "千克", "吨", "立方米"]

    /// Each sample's items' unit weights, tonnes, read from its items.csv.
    var unitWeightTonnes: [String: [String: Double]] {
        var result: [String: [String: Double]] = [:]
        for bundle in OneTruthCommandTests.bundles {
            guard let text = try? String(contentsOf: packageRoot.appendingPathComponent("Data/\(bundle)/items.csv"), encoding: .utf8) else { continue }
            let lines = text.split(separator: "\n")
            guard let header = lines.first?.split(separator: ","), let id = header.firstIndex(of: "id"),
                  let kg = header.firstIndex(of: "unit_weight_kg") else { continue }
            for line in lines.dropFirst() {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                if let w = Double(fields[kg]) { result[bundle, default: [:]][String(fields[id])] = w / 1000 }
            }
        }
        return result
    }

    @Test(arguments: OneTruthCommandTests.bundles) func summaryTotalsAreTheSumsOfTheRows(bundle: String) throws {
        let path = "Data/\(bundle)"
        let weights = try #require(unitWeightTonnes[bundle])
        for scenario in try OneTruthCommandTests.scenarios(of: bundle) {
            let r = try runReserve(["dispatch", path, "--scenario", scenario, "--json"])
            #expect(r.exitCode == 0, "\(scenario): \(r.stderr)")
            let d = try object(r)
            let summary = try #require(d["summary"] as? [String: Any])
            let fulfilment = try #require(d["fulfilment"] as? [[String: Any]])
            let teams = try #require(d["teams"] as? [[String: Any]])
            let orders = try #require(d["orders"] as? [[String: Any]])
            let shortfalls = try #require(d["shortfalls"] as? [[String: Any]])
            let trips = try #require(d["truckTrips"] as? [[String: Any]])
            let areas = fulfilment.count, met = fulfilment.filter { $0["reliefMet"] as? Bool == true }.count
            let teamsMet = teams.filter { $0["met"] as? Bool == true }.count
            #expect(summary["areas"] as? Int == areas, "\(scenario)")
            #expect(summary["areasMeetingRelief"] as? Int == met, "\(scenario)")
            #expect(summary["teamRequirements"] as? Int == teams.count, "\(scenario)")
            #expect(summary["teamRequirementsMet"] as? Int == teamsMet, "\(scenario)")
            #expect(summary["orders"] as? Int == orders.count, "\(scenario)")
            #expect(summary["shortfalls"] as? Int == shortfalls.count, "\(scenario)")
            #expect(summary["allTargetsMet"] as? Bool == (met == areas && teamsMet == teams.count), "\(scenario)")

            // Legs (schema 5): each leg's trucks counted once add up to the trips that run;
            // every trip and every order on a fleet refers to a leg, and what a leg's trips
            // carry of an item is what its orders send. Items in counted units go in whole
            // pieces on every trip, and no trip carries more than the leg's tonnes allow.
            let legs = try #require(d["legs"] as? [[String: Any]])
            #expect(legs.reduce(0) { $0 + ($1["trucks"] as? Int ?? -1) } == trips.count, "\(scenario)")
            #expect(legs.map { $0["leg"] as? Int } == legs.indices.map { $0 + 1 }, "\(scenario)")
            var carried: [String: Double] = [:], ordered: [String: Double] = [:]
            var tripsOfLeg: [Int: Int] = [:]
            for trip in trips {
                let leg = try #require(trip["leg"] as? Int)
                tripsOfLeg[leg, default: 0] += 1
                var tonnes = 0.0
                for load in try #require(trip["cargo"] as? [[String: Any]]) {
                    let item = try #require(load["item"] as? String), q = try #require(load["quantity"] as? Double)
                    carried["\(leg) \(item)", default: 0] += q
                    tonnes += q * (try #require(weights[item]))
                    let unit = try #require(load["unit"] as? String)
                    if !measuredUnits.contains(unit) { #expect(q == q.rounded(), "\(scenario) leg \(leg): \(q) \(unit) of \(item)") }
                }
                #expect(abs(tonnes - (trip["tonnes"] as? Double ?? -1)) < 1e-5, "\(scenario) leg \(leg): cargo \(tonnes) t")
            }
            for leg in legs { #expect(tripsOfLeg[leg["leg"] as? Int ?? 0] == leg["trucks"] as? Int, "\(scenario)") }
            for order in orders {
                let trucks = order["trucks"] as? Double, leg = order["leg"] as? Int
                #expect((trucks == nil) == (leg == nil), "\(scenario): an order with trucks and no leg, or the reverse")
                if let leg { ordered["\(leg) \(order["item"] as? String ?? "")", default: 0] += order["quantity"] as? Double ?? 0 }
            }
            #expect(Set(carried.keys) == Set(ordered.keys), "\(scenario)")
            for (key, q) in ordered { #expect(abs((carried[key] ?? 0) - q) <= 1e-5 * max(1, q), "\(scenario) leg and item \(key): \(carried[key] ?? 0) carried, \(q) ordered") }

            // The text report: its headline figures and its rows.
            let t = try runReserve(["dispatch", path, "--scenario", scenario, "--wide", "--lang", "en"])
            #expect(t.exitCode == 0)
            let headline = try #require(t.stdout.firstMatch(of: /relief (\d+)\/(\d+) areas, .*, teams (\d+)\/(\d+) on time/), "\(scenario)")
            #expect(Int(headline.1) == met && Int(headline.2) == areas, "\(scenario)")
            #expect(Int(headline.3) == teamsMet && Int(headline.4) == teams.count, "\(scenario)")
            let areaRows = block(t.stdout, startingWith: "Relief by area").dropFirst(2)
            #expect(areaRows.filter { $0.hasSuffix("  met") }.count == met, "\(scenario)")
            #expect(areaRows.filter { $0.hasSuffix("NOT MET") }.count == areas - met, "\(scenario)")
            #expect(t.stdout.contains("Orders (\(orders.count))"), "\(scenario)")
            let orderLines = block(t.stdout, startingWith: "Orders (").dropFirst(2)
            let shown = orderLines.filter { $0.contains(/\+[\d.]+ h/) }.count
            let more = orderLines.last.flatMap { $0.firstMatch(of: /… (\d+) more/) }.flatMap { Int($0.1) } ?? 0
            #expect(shown + more == orders.count, "\(scenario): \(shown) shown + \(more) more")
            if !shortfalls.isEmpty { #expect(t.stdout.contains("Shortfalls by the deadline (\(shortfalls.count))"), "\(scenario)") }
            // Where the first team sent is later than the fastest possible, a line says why,
            // naming the fastest team and, when it is sent elsewhere, where.
            for team in teams {
                guard let fastest = team["earliestArrivalHours"] as? Double else { continue }
                let first = (team["assigned"] as? [[String: Any]])?.first?["arrivalHours"] as? Double
                let later = first.map { $0 > fastest + 1e-6 } ?? true
                let name = try #require(team["areaName"] as? String)
                let lines = t.stdout.split(separator: "\n").filter { $0.hasPrefix("  * \(name) ") }
                #expect(later ? !lines.isEmpty : true, "\(scenario) \(name): fastest \(fastest), first \(String(describing: first)), no line")
                if later, let sentTo = team["fastestTeamSentTo"] as? String, sentTo != team["area"] as? String {
                    let sentName = try #require(fulfilmentOrTeamName(sentTo, teams: teams))
                    #expect(lines.contains { $0.contains("is sent to \(sentName)") }, "\(scenario) \(name): \(lines)")
                }
            }

            // The CSV's truck column: the route's trips once, so its sum is the trips that run.
            let csv = try runReserve(["dispatch", path, "--scenario", scenario, "--format", "csv", "--lang", "en"])
            #expect(csv.exitCode == 0)
            let rows = csv.stdout.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
            let header = try #require(rows.first).split(separator: ",", omittingEmptySubsequences: false)
            let column = try #require(header.firstIndex(of: "truck trips of the route (on its first order)"))
            #expect(rows.count - 1 == orders.count)
            // Quoted fields (names with commas) would shift columns: count from the end, the column is the second to last.
            #expect(column == header.count - 2)
            let sum = rows.dropFirst().reduce(0.0) { total, row in
                let fields = row.split(separator: ",", omittingEmptySubsequences: false)
                return total + (Double(fields[fields.count - 2]) ?? 0)
            }
            #expect(sum == Double(trips.count), "\(scenario): column adds up to \(sum), \(trips.count) trips run")
        }
    }
}
