import ReserveModel
import Testing

/// In-memory validation: the same rules, located by JSON path (the single-JSON form).
@Suite("Bundle validator (in memory)")
struct BundleValidatorTests {
    static func tiny() -> ReserveBundle {
        var b = ReserveBundle(manifest: BundleManifest(name: "t", referenceDate: CalendarDate("2025-06-01"),
                                                       policies: [Policy(id: "p", name: "p", arrivalHours: 2, reliefHours: 10)]))
        b.areas = [AdministrativeArea(id: "R", name: "市", level: .city, population: 1000, centroid: GeoPoint(lat: 47, lon: 130)),
                   AdministrativeArea(id: "A", name: "镇", level: .township, parent: "R", population: 500, centroid: GeoPoint(lat: 47.01, lon: 130))]
        b.items = [Item(id: "water", name: "水", category: .water, unit: "L", unitWeightKg: 1, unitVolumeM3: 0.001,
                        norms: ConsumptionNorms(perPersonDay: 7.5, source: "Sphere")),
                   Item(id: "tent", name: "帐篷", category: .relief, unit: "顶", unitWeightKg: 30, unitVolumeM3: 0.1,
                        norms: ConsumptionNorms(perHousehold: 1, perIncident: 2, source: "Sphere"))]
        b.depots = [Depot(id: "D", name: "库", level: .city, area: "R", location: GeoPoint(lat: 47, lon: 130.001), throughputTonnesPerHour: 10)]
        b.stock = [StockLot(depot: "D", item: "water", quantity: 100)]
        b.roadNodes = [RoadNodeRecord(id: "1", lat: 47, lon: 130), RoadNodeRecord(id: "2", lat: 47.01, lon: 130)]
        b.roadEdges = [RoadEdgeRecord(from: "1", to: "2", lengthKm: 1.2, roadClass: "county")]
        return b
    }

    @Test("A column that changes no answer is a warning naming its row and column")
    func columnsWithoutEffect() {
        var b = Self.tiny()
        b.depots[0].terms.productionRateTonnesPerHour = 5
        b.depots[0].mutualAidLeadHours = 3
        b.fleet = [FleetEntry(depot: "D", trucks: 0, capacityTonnes: 10, capacityM3: 40, speedFactor: 0.8)]
        let report = BundleValidator().validate(b)
        #expect(report.errors.isEmpty)
        #expect(report.warnings.map(\.location.description) == ["$.depots[0].terms.production_rate_tonnes_per_hour",
                                                                "$.depots[0].mutual_aid_lead_hours", "$.fleet[0].speed_factor"])
        #expect(report.warnings.allSatisfy { $0.message.contains("no effect") })
    }

    @Test("A tiny bundle is clean")
    func clean() {
        #expect(BundleValidator().validate(Self.tiny()).problems.isEmpty)
    }

    @Test("Problems are located by JSON path, errors and warnings apart")
    func jsonPaths() {
        var b = Self.tiny()
        b.depots[0].capacityTonnes = -1
        b.areas[0].centroid = GeoPoint(lat: 47, lon: 200)
        b.stock.append(StockLot(depot: "D", item: "tent", quantity: 1, unit: "个", expiry: CalendarDate("2025-06-10")))
        b.roadEdges.append(RoadEdgeRecord(from: "1", to: "9", lengthKm: 1, roadClass: "trail"))
        let report = BundleValidator().validate(b)
        let places = Set(report.errors.map(\.location.description))
        #expect(places == ["$.depots[0].capacity_tonnes", "$.areas[0].centroid.lon", "$.stock[1].unit",
                           "$.road_edges[1].to", "$.road_edges[1].road_class"])
        #expect(report.warnings.map(\.location.description) == ["$.stock[1].expiry"])
    }

    @Test("Parent cycles of any length are found once")
    func cycles() {
        var b = Self.tiny()
        b.areas.append(AdministrativeArea(id: "X", name: "x", level: .village, parent: "Y"))
        b.areas.append(AdministrativeArea(id: "Y", name: "y", level: .village, parent: "Z"))
        b.areas.append(AdministrativeArea(id: "Z", name: "z", level: .village, parent: "X"))
        b.areas.append(AdministrativeArea(id: "S", name: "s", level: .village, parent: "S"))
        let cycles = BundleValidator().validate(b).errors.filter { $0.message.contains("cycle") }
        #expect(cycles.map(\.message) == ["Areas form a parent cycle: X → Y → Z → X.", "Areas form a parent cycle: S → S."])
    }

    @Test("A custom snapper replaces the built-in nearest-node search")
    func customSnapper() {
        struct Nowhere: RoadSnapper {
            func snapDistanceKm(to p: GeoPoint, maxKm: Double) -> Double? { nil }
        }
        let report = BundleValidator(snapper: Nowhere()).validate(Self.tiny())
        #expect(report.errors.count == 3)  // two areas and one depot
        #expect(report.errors.allSatisfy { $0.message.contains("cannot be snapped") })
    }

    @Test("Needs from norms: people × days + households + per incident; explicit demands win")
    func needs() {
        let b = Self.tiny()
        let a = AffectedArea(area: "A", affectedPopulation: 2000, displacedPopulation: 1000, reliefDays: 2)
        // water 7.5 × 1000 × 2 = 15,000; tents ⌈1000 / 2.62⌉ = 382 households + 2 per incident = 384.
        #expect(b.needs(of: a, withIncidentNorms: true) == [ItemDemand(item: "water", quantity: 15_000), ItemDemand(item: "tent", quantity: 384)])
        // The incident's 2 tents go once, to its area with the most displaced people
        // (R: 1,500), not to each area: A gets 382, R ⌈1500 / 2.62⌉ = 573 + 2 = 575.
        let r = AffectedArea(area: "R", affectedPopulation: 3000, displacedPopulation: 1500, reliefDays: 2)
        let incident = Incident(id: "i", name: "i", hazard: .flood, affectedAreas: [a, r])
        #expect(b.incidentNormArea(of: incident) == "R")
        #expect(b.needs(of: a, in: incident).last == ItemDemand(item: "tent", quantity: 382))
        #expect(b.needs(of: r, in: incident).last == ItemDemand(item: "tent", quantity: 575))
        // Quantities are whole units: 7.5 L × 3 people × 1 day = 22.5 L needs 23 L.
        let few = AffectedArea(area: "A", displacedPopulation: 3, reliefDays: 1)
        #expect(b.needs(of: few).first == ItemDemand(item: "water", quantity: 23))
        let explicit = AffectedArea(area: "A", displacedPopulation: 1000, reliefDays: 2, demands: [ItemDemand(item: "tent", quantity: 10)])
        #expect(b.needs(of: explicit, withIncidentNorms: true) == [ItemDemand(item: "tent", quantity: 10), ItemDemand(item: "water", quantity: 15_000)])
    }
}

@Suite("Scenario checks")
struct ScenarioCheckTests {
    func scenario(start: String = "2025-07-20T06:00:00+08:00", specialty: HazardType = .flood) -> ReserveBundle {
        var b = BundleValidatorTests.tiny()
        b.teams = [Team(id: "T", name: "队", kind: .fireRescue, location: GeoPoint(lat: 47, lon: 130), specialties: [.flood], headcount: 10)]
        b.scenarios = [Scenario(id: "s", name: "s", hazard: .flood, responseLevel: .III, start: start, season: .summer, incidents: [
            Incident(id: "i", name: "i", hazard: .flood, teamNeeds: [TeamRequirement(area: "A", specialty: specialty, headcount: 5)])])]
        return b
    }

    @Test("Start times need a date, a time and a zone", arguments: [
        ("2025-07-20T06:00:00+08:00", true), ("2025-07-20T06:00+08:00", true), ("2025-07-20T06:00:00Z", true),
        ("2025-07-20T06:00:00.5-03:30", true), ("2025-07-20 06:00", false), ("2025-07-20T06:00:00", false),
        ("2025-02-30T06:00Z", false), ("2025-07-20T25:00Z", false), ("", false), ("2025-07-20T06:00+8", false)])
    func start(text: String, ok: Bool) {
        let errors = BundleValidator().validate(scenario(start: text)).errors
        #expect(errors.isEmpty == ok, "\(text): \(errors.map(\.message))")
        if !ok { #expect(errors.first?.location.jsonPath == "$.scenarios[0].start") }
    }

    @Test("A team need no team can meet is a warning")
    func uncoverable() {
        let report = BundleValidator().validate(scenario(specialty: .mine))
        #expect(!report.hasErrors)
        #expect(report.warnings.map(\.message) == ["No team in the bundle has the specialty 'mine'; this need can never be met."])
        #expect(report.warnings.first?.location.jsonPath == "$.scenarios[0].incidents[0].team_needs[0].specialty")
    }
}
