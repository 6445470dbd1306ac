/// Locates problems in the single-JSON form of a bundle: `$.depots[3].capacity_t`.
///
/// Flat-table columns map to their JSON keys; the few columns that the CSV form
/// flattens (lat/lon, norms, mode terms) map to their nested keys.
public struct JSONPathLocator: ProblemLocator {
    /// The file name to show, if any.
    public var file: String?

    /// Creates a locator.
    public init(file: String? = nil) { self.file = file }

    /// The JSON path of `subject`.
    public func locate(_ subject: RecordReference) -> ProblemLocation {
        ProblemLocation(file: file, jsonPath: Self.path(of: subject))
    }

    /// `$.table[index].key…` for a subject.
    public static func path(of subject: RecordReference) -> String {
        var path = "$." + subject.table.rawValue
        if let index = subject.index { path += "[\(index)]" }
        if let column = subject.column { path += "." + jsonKey(forColumn: column, table: subject.table) }
        if let inner = subject.path { path += (inner.hasPrefix("[") ? "" : ".") + inner }
        return path
    }

    static func jsonKey(forColumn column: String, table: BundleTable) -> String {
        switch (table, column) {
        case (.areas, "lat"), (.areas, "lon"): return "centroid." + column
        case (.depots, "lat"), (.depots, "lon"), (.teams, "lat"), (.teams, "lon"): return "location." + column
        case (.roadEdges, "class"): return "road_class"
        case (.items, let c) where c.hasPrefix("norm_"):
            let rest = String(c.dropFirst(5))
            return "norms." + (rest == "source" ? "source" : rest)
        case (.depots, "lead_hours"), (.depots, "contract_cap_tonnes"),
             (.depots, "production_rate_tonnes_per_hour"), (.depots, "ramp_up_hours"):
            return "terms." + column
        default: return column
        }
    }
}
