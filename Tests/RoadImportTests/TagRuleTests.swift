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

/// The first pass reads a way's tags as the file lists them (``OSMTagList``), not as a
/// dictionary: a look-up must give what the dictionary built from the same list gives,
/// a repeated key's last value included, and so must every rule.
@Suite struct TagListTests {
    @Test func aRepeatedKeyGivesItsLastValue() {
        let list = OSMTagList(keys: ["highway", "oneway", "highway"], values: ["track", "yes", "residential"])
        #expect(list["highway"] == "residential" && list["oneway"] == "yes" && list["name"] == nil)
        #expect(list.dictionary == ["highway": "residential", "oneway": "yes"])
    }

    @Test func everyRuleReadsAListAsItsDictionary() {
        let ways: [[(String, String)]] = [
            [("highway", "residential")],
            [("highway", "motorway")],
            [("highway", "primary"), ("oneway", "-1"), ("maxspeed", "30 mph"), ("name", "A"), ("name:zh", "甲路")],
            [("highway", "service"), ("access", "private")],
            [("highway", "track"), ("motor_vehicle", "yes"), ("access", "no"), ("ford", "yes")],
            [("route", "ferry"), ("duration", "01:30"), ("bridge", "yes")],
            [("highway", "secondary"), ("junction", "roundabout"), ("oneway", "no")],
            [("highway", "tertiary"), ("oneway", "reversible")],
            [("highway", "residential"), ("area", "yes")],
            [("highway", "footway")],
            [("highway", "track"), ("highway", "primary"), ("tunnel", "yes"), ("emergency", "designated")],
        ]
        for kind in [OSMProfile.Kind.truck, .car, .emergency] {
            let profile = OSMProfile(kind)
            for tags in ways {
                let list = OSMTagList(keys: tags.map(\.0), values: tags.map(\.1))
                #expect(OSMTagRules.attributes(of: list, profile: profile) == OSMTagRules.attributes(of: list.dictionary, profile: profile),
                        "\(kind) \(tags)")
            }
        }
    }
}
