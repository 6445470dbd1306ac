import RoadNetwork

/// Default speeds per OSM `highway` class, and how each class maps onto the
/// project's Chinese administrative classes (``RoadClass``).
///
/// | `highway` | Chinese road | bundle `class` | km/h |
/// |---|---|---|---|
/// | `motorway` | 高速公路 expressway | expressway | 90 |
/// | `motorway_link` | 高速匝道 ramp | expressway | 50 |
/// | `trunk` | 国道 national road (and urban expressways, 城市快速路) | national | 70 |
/// | `trunk_link` | ramp | national | 40 |
/// | `primary` | 省道 provincial road (城市主干道 in cities) | provincial | 60 |
/// | `primary_link` | ramp | provincial | 40 |
/// | `secondary` | 县道 county road (城市次干道) | county | 45 |
/// | `secondary_link` | ramp | county | 35 |
/// | `tertiary` | 乡道 township road (城市支路) | township | 35 |
/// | `tertiary_link` | ramp | township | 30 |
/// | `unclassified` | 村道 village road | village | 25 |
/// | `residential` | 居住区道路 residential street | urban | 25 |
/// | `living_street` | 生活街区 living street | urban | 10 |
/// | `service` | 专用道路 service road (profile option) | urban | 15 |
/// | `track` | 机耕路/林道 farm or forest track (profile option) | village | 15 |
/// | ferry (`route=ferry`) | 轮渡 | ferry | `duration`, else 10 |
///
/// The speeds are those of ``SpeedTable/standard`` for the administrative classes
/// (JTG B01 design speeds reduced to truck operating speeds), lower for links and
/// minor roads; `--speeds FILE` replaces any of them.
public struct OSMSpeeds: Hashable, Sendable {
    /// The classes every profile drives on (service and track are options).
    static let coreHighways = ["motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link",
                               "secondary", "secondary_link", "tertiary", "tertiary_link", "unclassified",
                               "residential", "living_street"]

    /// km/h per `highway` value (and `ferry`).
    public private(set) var kmh: [String: Double]

    /// The table above.
    public static let standard = OSMSpeeds(kmh: [
        "motorway": 90, "motorway_link": 50, "trunk": 70, "trunk_link": 40, "primary": 60, "primary_link": 40,
        "secondary": 45, "secondary_link": 35, "tertiary": 35, "tertiary_link": 30, "unclassified": 25,
        "residential": 25, "living_street": 10, "service": 15, "track": 15, "ferry": 10,
    ])

    init(kmh: [String: Double]) { self.kmh = kmh }

    /// The speed of a class in km/h (every drivable class has one).
    public subscript(highway: String) -> Double? { kmh[highway] }

    /// The bundle road class a `highway` value maps to (table above).
    public static func roadClass(ofHighway highway: String) -> RoadClass {
        switch highway {
        case "motorway", "motorway_link": .expressway
        case "trunk", "trunk_link": .national
        case "primary", "primary_link": .provincial
        case "secondary", "secondary_link": .county
        case "tertiary", "tertiary_link": .township
        case "unclassified", "track": .village
        default: .urban
        }
    }

    /// Parses a speeds file and applies it over ``standard``.
    ///
    /// The file is CSV with a header `highway,speed_kmh`; a `highway` cell may be an
    /// OSM value (`primary`, `ferry`) or the Chinese class name (高速公路, 国道, 省道,
    /// 县道, 乡道, 村道), which sets the class and its link. `#` starts a comment line.
    /// Every bad line is reported, not only the first.
    public static func parsing(_ text: String) throws(RoadImportError) -> OSMSpeeds {
        var table = standard
        var problems: [RoadImportError] = []
        var sawHeader = false
        for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: " \t\u{FEFF}")
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: " \t\"") }
            if !sawHeader {
                sawHeader = true
                guard cells == ["highway", "speed_kmh"] else {
                    problems.append(.badSpeedTable(line: i + 1, reason: .speedHeader(found: String(line))))
                    continue
                }
                continue
            }
            guard cells.count == 2 else {
                problems.append(.badSpeedTable(line: i + 1, reason: .speedCells(found: cells.count)))
                continue
            }
            guard let speed = Double(cells[1]), speed > 0, speed.isFinite, speed <= 200 else {
                problems.append(.badSpeedTable(line: i + 1, reason: .speedValue(value: String(cells[1]))))
                continue
            }
            let keys = chineseClasses[cells[0]] ?? [cells[0]]
            guard keys.allSatisfy({ standard.kmh[$0] != nil }) else {
                let known = (standard.kmh.keys.sorted() + chineseClasses.keys.sorted()).joined(separator: ", ")
                problems.append(.badSpeedTable(line: i + 1, reason: .speedClass(value: String(cells[0]), known: known)))
                continue
            }
            for key in keys { table.kmh[key] = speed }
        }
        if let first = problems.first {
            guard problems.count > 1 else { throw first }
            throw .badSpeedTable(line: 0, reason: .speedRows(problems))
        }
        return table
    }

    /// Chinese administrative class names and the OSM classes they set.
    static let chineseClasses: [String: [String]] = [
        "高速公路": ["motorway", "motorway_link"], "国道": ["trunk", "trunk_link"], "省道": ["primary", "primary_link"],
        "县道": ["secondary", "secondary_link"], "乡道": ["tertiary", "tertiary_link"], "村道": ["unclassified"],
    ]
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s.removeFirst() }
        while let c = s.last, set.contains(c) { s.removeLast() }
        return String(s)
    }
}
