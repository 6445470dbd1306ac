import Foundation

/// The file formats the readers understand.
public enum RoadGraphFormat: String, CaseIterable, Sendable, Codable {
    /// CSV edge list with an optional nodes CSV (``CSVEdgeListReader``).
    case csv
    /// GeoJSON FeatureCollection of LineStrings (``GeoJSONRoadReader``).
    case geojson
    /// DIMACS `.gr` with an optional `.co` (``DIMACSReader``).
    case dimacs
    /// Li et al.'s `.cedge` edge list (``CEdgeReader``).
    case cedge

    /// The format a file name suggests: `.csv`, `.geojson`/`.json`, `.gr`, `.cedge`.
    public init?(pathExtensionOf path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv": self = .csv
        case "geojson", "json": self = .geojson
        case "gr": self = .dimacs
        case "cedge": self = .cedge
        default: return nil
        }
    }
}

extension RoadGraph {
    /// Reads a graph from a file.
    ///
    /// - Parameters:
    ///   - format: the format, or `nil` to tell it from the extension.
    ///   - nodesPath: the nodes CSV for ``RoadGraphFormat/csv`` or the `.co` file for
    ///     ``RoadGraphFormat/dimacs``; ignored otherwise.
    ///   - speeds: class default speeds (CSV and GeoJSON).
    /// - Throws: ``GraphReadError`` for an unreadable file, an unknown extension, or
    ///   every malformed line.
    public static func read(contentsOf path: String, format: RoadGraphFormat? = nil, nodes nodesPath: String? = nil,
                            speeds: SpeedTable = .standard) throws(GraphReadError) -> RoadGraph {
        guard let format = format ?? RoadGraphFormat(pathExtensionOf: path) else {
            throw GraphReadError(problems: [.init(file: path, line: 0, reason: .unknownFormat)])
        }
        let text = try contents(of: path)
        let nodesText: String?
        if let nodesPath, format == .csv || format == .dimacs { nodesText = try contents(of: nodesPath) } else { nodesText = nil }
        switch format {
        case .csv: return try CSVEdgeListReader.read(edges: text, file: path, nodes: nodesText, nodesFile: nodesPath ?? "", speeds: speeds)
        case .geojson: return try GeoJSONRoadReader.read(text, file: path, speeds: speeds)
        case .dimacs: return try DIMACSReader.read(graph: text, file: path, coordinates: nodesText, coordinatesFile: nodesPath ?? "")
        case .cedge: return try CEdgeReader.read(text, file: path)
        }
    }

    private static func contents(of path: String) throws(GraphReadError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GraphReadError(problems: [.init(file: path, line: 0, reason: .unreadable)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw GraphReadError(problems: [.init(file: path, line: 0, reason: .notUTF8)])
        }
        return text
    }
}
