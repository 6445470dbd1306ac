import BundleIO
import Foundation
import ReserveModel
import Testing

/// Every validation rule, triggered by one edit of the tiny fixture; each test checks
/// the file, the physical line, the column (or JSON path) and the message.
@Suite("Validation rules located in files")
struct ValidationRuleTests {
    /// Applies `edit`, validates, and returns the problems at `place`.
    func problems(at place: String, _ edit: (FixtureCopy) throws -> Void) throws -> (ValidationReport, [ValidationProblem]) {
        let copy = try FixtureCopy()
        defer { copy.remove() }
        try edit(copy)
        let report = try copy.validate()
        return (report, report.problems(at: place))
    }

    @Test("The fixture itself is clean")
    func clean() throws {
        let copy = try FixtureCopy()
        defer { copy.remove() }
        #expect(try copy.validate().problems.isEmpty)
    }

    @Test("Duplicate id")
    func duplicateID() throws {
        let (report, found) = try problems(at: "teams.csv:3:id") { try $0.replace("teams.csv", "T2,", with: "T1,") }
        #expect(report.hasErrors)
        #expect(found.map(\.message) == ["Team id 'T1' is used twice (first at record 1)."])
        #expect(found.first?.severity == .error)
    }

    @Test("Unknown reference, on the line after a record that spans two lines")
    func unknownReference() throws {
        // depots.csv: header line 1, D1 spans lines 2–3 (quoted CRLF), D2 on line 4.
        let (_, found) = try problems(at: "depots.csv:4:area") { try $0.replace("depots.csv", "township,A2,", with: "township,A9,") }
        #expect(found.map(\.message) == ["Depot 'D2' is in area 'A9', which is not in the areas table."])
    }

    @Test("Unknown item in stock")
    func unknownItem() throws {
        let (_, found) = try problems(at: "stock.csv:4:item") { try $0.replace("stock.csv", "D2,water", with: "D2,rope") }
        #expect(found.map(\.message) == ["Stock names item 'rope', which is not in the items table."])
    }

    @Test("Parent cycle")
    func parentCycle() throws {
        let (_, found) = try problems(at: "areas.csv:2:parent") { try $0.replace("areas.csv", "R,测试市,Test City,city,,", with: "R,测试市,Test City,city,A2,") }
        #expect(found.map(\.message) == ["Areas form a parent cycle: R → A2 → A1 → R."])
    }

    @Test("Negative number")
    func negative() throws {
        let (_, found) = try problems(at: "depots.csv:5:capacity_tonnes") { try $0.replace("depots.csv", "3000,300,1,20", with: "3000,-300,1,20") }
        #expect(found.map(\.message) == ["Weight capacity of depot 'D3' must be 0 or more, not -300."])
    }

    @Test("Non-finite number")
    func nonFinite() throws {
        let (_, found) = try problems(at: "items.csv:3:unit_weight_kg") { try $0.replace("items.csv", "顶,30,", with: "顶,nan,") }
        #expect(found.map(\.message) == ["Unit weight of item 'tent' must be a finite number, not nan."])
    }

    @Test("Text where a number belongs")
    func notANumber() throws {
        let (_, found) = try problems(at: "areas.csv:3:population") { try $0.replace("areas.csv", "40000", with: "4万") }
        #expect(found.map(\.message) == ["population must be a number, not '4万'."])
    }

    @Test("Latitude out of range")
    func latitude() throws {
        let (_, found) = try problems(at: "teams.csv:2:lat") { try $0.replace("teams.csv", "47.3,130.319", with: "147.3,130.319") }
        #expect(found.map(\.message) == ["Team 'T1' has latitude 147.3, outside −90…90."])
    }

    @Test("Expiry before receipt")
    func expiryBeforeReceipt() throws {
        let (_, found) = try problems(at: "stock.csv:2:expiry") { try $0.replace("stock.csv", "2025-01-01,2026-06-01", with: "2025-01-01,2024-06-01") }
        let errors = found.filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["Lot 'B1' of 'water' expires on 2024-06-01, before it was received on 2025-01-01."])
    }

    @Test("Unit mismatch between stock and item")
    func unitMismatch() throws {
        let (_, found) = try problems(at: "stock.csv:3:unit") { try $0.replace("stock.csv", "D1,tent,10,顶", with: "D1,tent,10,个") }
        #expect(found.map(\.message) == ["Stock of 'tent' is counted in '个' but the item is counted in '顶'."])
    }

    @Test("Policy with no target")
    func policyWithoutTarget() throws {
        let (_, found) = try problems(at: "bundle.json:$.policies[1]") {
            try $0.replace("bundle.json", "\"relief_hours\": 8, \"overrides\": [{\"hazard\": \"flood\", \"response_level\": \"I\", \"relief_hours\": 6}]", with: "\"overrides\": []")
        }
        #expect(found.map(\.message) == ["Policy 'p-8h' sets no target: give arrival_hours or relief_hours."])
    }

    @Test("Negative planning cost in bundle.json; absent keys take the documented defaults")
    func planningCosts() throws {
        let (report, found) = try problems(at: "bundle.json:$.planning.move_yuan_per_tonne_km") {
            try $0.replace("bundle.json", "\"reference_date\": \"2025-06-01\",",
                           with: "\"reference_date\": \"2025-06-01\", \"planning\": {\"move_yuan_per_tonne_km\": -1, \"contract_fee_rate\": 0.03},")
        }
        #expect(found.map(\.message) == ["The cost of moving stock per tonne-kilometre must be 0 or more, not -1."])
        #expect(report.errors.count == 1)
        let copy = try FixtureCopy()
        defer { copy.remove() }
        try copy.replace("bundle.json", "\"reference_date\": \"2025-06-01\",", with: "\"reference_date\": \"2025-06-01\", \"planning\": {\"contract_fee_rate\": 0.03},")
        let manifest = try BundleReader.read(at: copy.root.path).bundle.manifest
        #expect(manifest.planningParameters == PlanningParameters(holdingRate: 0.05, contractFeeRate: 0.03, moveYuanPerTonneKm: 0.5,
                                                                  moveHandlingYuanPerTonne: 40))
    }

    @Test("Depot that cannot be snapped to the road network")
    func snapping() throws {
        let (_, found) = try problems(at: "depots.csv:5:lat") { try $0.replace("depots.csv", "47.302,130.33,", with: "47.702,130.33,") }
        #expect(found.map(\.message) == ["Depot 'D3' cannot be snapped to the road network: no road node within 5 km."])
    }

    @Test("Unknown road node and missing road in a scenario")
    func scenarioRoads() throws {
        let (_, found) = try problems(at: "scenarios/s-flood.json:$.incidents[0].road_disruptions.closed_edges[0]") {
            try $0.replace("scenarios/s-flood.json", "{\"from\": \"n4\", \"to\": \"n3\"}", with: "{\"from\": \"n1\", \"to\": \"n3\"}")
        }
        #expect(found.map(\.message) == ["There is no road between nodes 'n1' and 'n3'."])
    }

    @Test("Unknown area in a scenario")
    func scenarioArea() throws {
        let (_, found) = try problems(at: "scenarios/s-flood.json:$.incidents[0].affected_areas[0].area") {
            try $0.replace("scenarios/s-flood.json", "{\"area\": \"A2\", \"affected_population\"", with: "{\"area\": \"X\", \"affected_population\"")
        }
        #expect(found.map(\.message) == ["Affected area 'X' is not in the areas table."])
    }

    @Test("Missing required column and unknown column")
    func columns() throws {
        let (_, found) = try problems(at: "fleet.csv:1") { try $0.write("fleet.csv", "depot,trucks,capacity_tonnes,colour\nD1,3,10,red\n") }
        #expect(found.map(\.message).sorted() == ["Column 'colour' is not part of fleet.csv and is ignored.",
                                                   "Required column 'capacity_m3' is missing from the header."])
        #expect(found.map(\.severity).sorted() == [.error, .warning])
    }

    @Test("Scenario JSON that does not decode")
    func badScenario() throws {
        let (_, found) = try problems(at: "scenarios/s-flood.json") { try $0.replace("scenarios/s-flood.json", "\"season\": \"summer\"", with: "\"season\": 3") }
        #expect(found.count == 1)
        #expect(found.first?.location.jsonPath == "$.season")
    }

    @Test("Warnings: stock expiring within 30 days, a depot with no stock; still valid")
    func warnings() throws {
        let (report, found) = try problems(at: "stock.csv:4:expiry") { try $0.replace("stock.csv", "2025-02-01,2026-07-01", with: "2025-02-01,2025-06-20") }
        #expect(found.map(\.message) == ["Lot 'B3' of 'water' at 'D2' expires on 2025-06-20, within 30 days; rotate it."])
        #expect(found.first?.severity == .warning)
        #expect(!report.hasErrors)
        let (report2, empty) = try problems(at: "depots.csv:4:id") { try $0.replace("stock.csv", "D2,water,100", with: "D2,water,0") }
        #expect(empty.map(\.message) == ["Depot 'D2' holds no stock."])
        #expect(!report2.hasErrors && report2.warnings.count == 1)
    }

    @Test("All problems come back at once")
    func allAtOnce() throws {
        let (report, _) = try problems(at: "") {
            try $0.replace("teams.csv", "T2,", with: "T1,")
            try $0.replace("stock.csv", "D2,water", with: "D2,rope")
            try $0.replace("items.csv", "顶,30,", with: "顶,-30,")
        }
        #expect(report.errors.count == 3)
    }
}
