/// What a way means for routing, read from its tags by the rules routing engines
/// (OSRM's car profile, GraphHopper) apply. See docs/routing.md, "OpenStreetMap".
struct OSMWayAttributes: Hashable, Sendable {
    enum Direction: Hashable, Sendable { case both, forward, backward }

    /// The `highway` value, or `ferry` for `route=ferry`.
    var highway: String
    var direction: Direction
    /// km/h from `maxspeed` (capped by the profile), nil = class speed.
    var maxspeedKmh: Double?
    /// Ferry crossing time in hours from `duration`, nil = ferry class speed.
    var ferryHours: Double?
    var bridge: Bool
    var tunnel: Bool
    var ford: Bool
    var name: String
}

/// The tag rules, one function per tag.
enum OSMTagRules {
    /// The keys without which ``attributes(of:profile:)`` is always nil.
    static let roadKeys = ["highway", "route"]

    /// The way's routing attributes under `profile`, or nil when the vehicle cannot
    /// drive it (class not drivable, access denied, area, reversible oneway).
    static func attributes<Tags: OSMTagLookup>(of tags: Tags, profile: OSMProfile) -> OSMWayAttributes? {
        let highway: String
        if tags["route"] == "ferry" {
            highway = "ferry"
        } else if let h = tags["highway"], profile.highwayClasses.contains(h) {
            highway = h
        } else {
            return nil
        }
        if tags["area"] == "yes" { return nil } // a plaza or parking outline, not a road
        guard profile.admits(tags) else { return nil }
        guard let direction = direction(of: tags, highway: highway) else { return nil }
        var speed = tags["maxspeed"].flatMap(maxspeedKmh(parsing:))
        if let s = speed { speed = min(s, profile.maxSpeedKmh) }
        return OSMWayAttributes(
            highway: highway, direction: direction, maxspeedKmh: highway == "ferry" ? nil : speed,
            ferryHours: highway == "ferry" ? tags["duration"].flatMap(durationHours(parsing:)) : nil,
            bridge: isSet(tags["bridge"]), tunnel: isSet(tags["tunnel"]), ford: isSet(tags["ford"]),
            name: roadName(tags["name:zh"] ?? tags["name"] ?? ""))
    }

    /// A name as roads.csv keeps it: each run of control characters (a line break, a
    /// tab, U+0001 …) becomes one space, and the ends are trimmed. The road reader takes
    /// one record per line, so a quoted line break would not read back, and no street
    /// name means one.
    static func roadName(_ raw: String) -> String {
        guard raw.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return raw }
        var out = String.UnicodeScalarView()
        var inRun = false
        for scalar in raw.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                if !inRun { out.append(" ") }
                inRun = true
            } else {
                out.append(scalar)
                inRun = false
            }
        }
        return String(out).trimmingCharacters(in: " ")
    }

    /// `yes` and the like; `no` and absence are false.
    static func isSet(_ value: String?) -> Bool {
        guard let value, !value.isEmpty else { return false }
        return !["no", "0", "false"].contains(value)
    }

    /// `oneway`: yes/1/true forward, -1/reverse backward, no/0/false both ways;
    /// implied forward on `junction=roundabout|circular` and `highway=motorway` unless
    /// `oneway=no`. `reversible`/`alternating` (direction changes by time of day)
    /// returns nil: such a road is left out, as OSRM does.
    static func direction<Tags: OSMTagLookup>(of tags: Tags, highway: String) -> OSMWayAttributes.Direction? {
        switch tags["oneway"] {
        case "yes", "1", "true": return .forward
        case "-1", "reverse": return .backward
        case "reversible", "alternating": return nil
        case "no", "0", "false": return .both
        default:
            if let j = tags["junction"], j == "roundabout" || j == "circular" { return .forward }
            if highway == "motorway" { return .forward }
            return .both
        }
    }

    /// Implicit speed limits `CC:zone` in km/h for the zones OSM uses (wiki
    /// "Default speed limits"); a country not listed takes the `*` row.
    static let zoneSpeeds: [String: Double] = [
        "urban": 50, "rural": 80, "motorway": 120, "trunk": 100, "living_street": 20, "walk": 7, "bicycle_road": 30,
        "CN:urban": 50, "CN:rural": 70, "CN:motorway": 120, "CN:trunk": 100,
        "FI:urban": 50, "FI:rural": 80, "FI:motorway": 120, "FI:living_street": 20,
        "RU:urban": 60, "RU:rural": 90, "RU:motorway": 110, "RU:living_street": 20,
        "DE:urban": 50, "DE:rural": 100, "DE:living_street": 7,
    ]

    /// `maxspeed` in km/h: a number (km/h), `N mph`, `N knots`, `N km/h`, a zone
    /// (`FI:urban`, `DE:zone30`, `RU:living_street`), `walk`. `none`, `signals`,
    /// `variable` and anything unreadable give nil (the class speed applies). Several
    /// values separated by `;` take the lowest.
    static func maxspeedKmh(parsing raw: String) -> Double? {
        let parts = raw.split(separator: ";").compactMap { singleMaxspeedKmh(String($0).trimmingCharacters(in: " ")) }
            .filter(isRoadSpeed)
        return parts.min()
    }

    /// The slowest speed an imported road keeps: roads.csv writes speeds to 0.01 km/h,
    /// and a speed it would write as 0.00 would not read back.
    static let slowestSpeedKmh = 0.01

    /// Whether a `maxspeed` is a speed a road can have: finite and at least 1 km/h (a
    /// limit below walking pace is a tagging error, not a limit; the class speed applies).
    static func isRoadSpeed(_ kmh: Double) -> Bool { kmh.isFinite && kmh >= 1 }

    private static func singleMaxspeedKmh(_ value: String) -> Double? {
        if let n = Double(value) { return n > 0 ? n : nil }
        let lower = value.lowercased()
        for (suffix, factor) in [("mph", 1.609344), ("knots", 1.852), ("km/h", 1.0), ("kmh", 1.0), ("kph", 1.0)]
        where lower.hasSuffix(suffix) {
            guard let n = Double(lower.dropLast(suffix.count).trimmingCharacters(in: " ")), n > 0 else { return nil }
            return n * factor
        }
        if lower == "walk" { return zoneSpeeds["walk"] }
        // Zones: CC:zone30, CC:zone:30, CC:urban …
        let pieces = value.split(separator: ":").map(String.init)
        guard pieces.count >= 2 else { return nil }
        let zone = pieces.dropFirst().joined(separator: ":").lowercased()
        if zone.hasPrefix("zone") {
            return Double(zone.dropFirst(4).trimmingCharacters(in: ":"))
        }
        return zoneSpeeds["\(pieces[0].uppercased()):\(zone)"] ?? zoneSpeeds[zone]
    }

    /// A ferry's `duration` in hours: `HH:MM`, `HH:MM:SS`, minutes as a number, or ISO
    /// 8601 `PT1H30M`. Nil when unreadable (then the ferry speed applies).
    static func durationHours(parsing raw: String) -> Double? {
        let value = raw.trimmingCharacters(in: " ")
        if let minutes = Double(value) { return minutes > 0 ? minutes / 60 : nil }
        let parts = value.split(separator: ":").map { Double($0) }
        if parts.count >= 2, parts.count <= 3, parts.allSatisfy({ $0 != nil && $0! >= 0 }) {
            let p = parts.map { $0! }
            let hours = p[0] + p[1] / 60 + (p.count == 3 ? p[2] / 3600 : 0)
            return hours > 0 ? hours : nil
        }
        if value.hasPrefix("PT") {
            var hours = 0.0, number = ""
            for c in value.dropFirst(2) {
                if c.isNumber || c == "." { number.append(c); continue }
                guard let n = Double(number) else { return nil }
                switch c {
                case "H": hours += n
                case "M": hours += n / 60
                case "S": hours += n / 3600
                default: return nil
                }
                number = ""
            }
            return hours > 0 && number.isEmpty ? hours : nil
        }
        return nil
    }

    /// Barrier values vehicles pass (OSRM car profile's whitelist); any other
    /// `barrier` blocks unless the node's access tags admit the vehicle.
    static let passableBarriers: Set<String> = ["cattle_grid", "border_control", "toll_booth", "sally_port", "gate",
                                                "lift_gate", "no", "entrance", "height_restrictor", "arch"]

    /// Whether a node stops the vehicle: a blocking `barrier`, or a passable one whose
    /// access tags deny it (a locked `gate` with `access=private`).
    static func blocks(_ nodeTags: [String: String], profile: OSMProfile) -> Bool {
        guard let barrier = nodeTags["barrier"] else { return false }
        let hasAccessTag = profile.accessKeys.contains { nodeTags[$0] != nil }
        if passableBarriers.contains(barrier) { return !profile.admits(nodeTags) }
        return !(hasAccessTag && profile.admits(nodeTags))
    }
}
