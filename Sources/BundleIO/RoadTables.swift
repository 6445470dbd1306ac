import ReserveModel

/// `nodes.csv` ↔ ``RoadNodeRecord``.
enum NodeTable: TableCodec {
    static let table = BundleTable.roadNodes
    static let columns = ["id", "lat", "lon"]
    static let requiredColumns = ["id", "lat", "lon"]

    static func decode(_ r: inout RowReader) -> RoadNodeRecord {
        RoadNodeRecord(id: RoadNodeID(r.requiredString("id")), lat: r.requiredDouble("lat"), lon: r.requiredDouble("lon"))
    }

    static func encode(_ n: RoadNodeRecord) -> [String] {
        [n.id.rawValue, NumberText.format(n.lat), NumberText.format(n.lon)]
    }
}

/// `roads.csv` ↔ ``RoadEdgeRecord``.
enum RoadTable: TableCodec {
    static let table = BundleTable.roadEdges
    static let columns = ["from", "to", "length_km", "class", "speed_kmh", "oneway"] + RoadAttributeColumns.columns
    static let requiredColumns = ["from", "to", "length_km", "class"]

    static func decode(_ r: inout RowReader) -> RoadEdgeRecord {
        RoadEdgeRecord(from: RoadNodeID(r.requiredString("from")), to: RoadNodeID(r.requiredString("to")),
                       lengthKm: r.requiredDouble("length_km"), roadClass: r.requiredString("class"),
                       speedKmh: r.optionalDouble("speed_kmh"), oneway: r.bool("oneway"),
                       attributes: RoadAttributeColumns.decode(&r))
    }

    static func encode(_ e: RoadEdgeRecord) -> [String] {
        [e.from.rawValue, e.to.rawValue, NumberText.format(e.lengthKm), e.roadClass, NumberText.format(e.speedKmh),
         e.oneway ? "true" : "false"] + RoadAttributeColumns.encode(e.attributes)
    }

    /// The import's columns only when some road has them, so hand-made and generated
    /// bundles keep their six-column roads.csv.
    static func encodeTable(_ records: [RoadEdgeRecord]) -> String {
        guard !records.contains(where: { $0.attributes != nil }) else { return CSVText.encode(header: columns, rows: records.map(encode)) }
        let base = columns.count - RoadAttributeColumns.columns.count
        return CSVText.encode(header: Array(columns.prefix(base)), rows: records.map { Array(encode($0).prefix(base)) })
    }
}
