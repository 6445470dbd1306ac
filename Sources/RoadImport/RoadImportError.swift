/// Why an import failed. Each case carries where the problem is, so a user can find it
/// with a hex viewer, a text editor or a GIS.
public enum RoadImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The input file does not exist or cannot be opened.
    case cannotOpen(path: String, reason: Reason)
    /// A PBF file is truncated or corrupt: `offset` is the byte where the damaged
    /// part starts, `block` the 0-based number of the file block (header block = 0).
    case corruptPBF(offset: Int, block: Int, reason: Reason)
    /// A PBF block uses a feature this reader does not implement (e.g. LZMA blobs).
    case unsupportedPBF(offset: Int, block: Int, reason: Reason)
    /// An `.osm` XML file is malformed at this line and column.
    case malformedXML(line: Int, column: Int, reason: Reason)
    /// A speeds file (`--speeds`) has a bad row.
    case badSpeedTable(line: Int, reason: Reason)
    /// A boundary GeoJSON or bounding box is unusable.
    case badBoundary(reason: Reason)
    /// An ESRI shapefile (or its .shx/.dbf/.prj/.cpg) is unreadable.
    case badShapefile(file: String, offset: Int?, reason: Reason)
    /// An output file or directory cannot be written.
    case cannotWrite(path: String, reason: String)
    /// Nothing drivable is left after filtering.
    case emptyNetwork(reason: Reason)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): "\(path): cannot open: \(reason)"
        case let .corruptPBF(offset, block, reason): "corrupt PBF at byte \(offset) (block \(block)): \(reason)"
        case let .unsupportedPBF(offset, block, reason): "unsupported PBF at byte \(offset) (block \(block)): \(reason)"
        case let .malformedXML(line, column, reason): "malformed OSM XML at line \(line), column \(column): \(reason)"
        case let .badSpeedTable(line, reason): "speeds file line \(line): \(reason)"
        case let .badBoundary(reason): "boundary: \(reason)"
        case let .badShapefile(file, offset, reason):
            offset.map { "\(file) at byte \($0): \(reason)" } ?? "\(file): \(reason)"
        case let .cannotWrite(path, reason): "\(path): cannot write: \(reason)"
        case let .emptyNetwork(reason): "no drivable roads: \(reason)"
        }
    }
}
