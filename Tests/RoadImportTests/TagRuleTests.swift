import Testing
@testable import RoadImport

@Suite struct MaxspeedTests {
    @Test func parsesUnitsAndZones() {
        #expect(OSMTagRules.maxspeedKmh(parsing: "50") == 50)
        #expect(abs(OSMTagRules.maxspeedKmh(parsing: "30 mph")! - 48.28032) < 1e-9)
        #expect(OSMTagRules.maxspeedKmh(parsing: "40 km/h") == 40)
        #expect(OSMTagRules.maxspeedKmh(parsing: "FI:urban") == 50)
        #expect(OSMTagRules.maxspeedKmh(parsing: "DE:zone30") == 30)
        #expect(OSMTagRules.maxspeedKmh(parsing: "RU:living_street") == 20)
        #expect(OSMTagRules.maxspeedKmh(parsing: "60;40") == 40)
        #expect(OSMTagRules.maxspeedKmh(parsing: "none") == nil)
        #expect(OSMTagRules.maxspeedKmh(parsing: "signals") == nil)
    }
}
