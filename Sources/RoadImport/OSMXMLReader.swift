import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads `.osm` XML (OSM API 0.6, as exported by JOSM, Overpass or `osmium cat`)
/// into memory: meant for small extracts; use PBF for anything large.
///
/// Elements JOSM marks `action="delete"` and those with `visible="false"` are
/// skipped. Relations are ignored.
public enum OSMXMLReader {
    /// Parses XML bytes. Throws ``RoadImportError/malformedXML(line:column:reason:)``
    /// with the parser's position for malformed XML or a node/way that lacks its id
    /// or coordinates.
    public static func read(bytes: [UInt8]) throws(RoadImportError) -> OSMData {
        let parser = XMLParser(data: Data(bytes))
        let delegate = Delegate()
        parser.delegate = delegate
        let ok = parser.parse()
        if let problem = delegate.problem { throw problem }
        guard ok else {
            throw .malformedXML(line: parser.lineNumber, column: parser.columnNumber,
                                reason: parser.parserError.map { .xmlSyntax(detail: "\($0.localizedDescription)") } ?? .xmlParserFailed)
        }
        guard delegate.sawRoot else { throw .malformedXML(line: 1, column: 1, reason: .noOSMRoot) }
        return delegate.data
    }

    /// Reads an `.osm` file.
    public static func read(path: String) throws(RoadImportError) -> OSMData {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .cannotOpen(path: path, reason: FileManager.default.fileExists(atPath: path) ? .notReadable : .noSuchFile)
        }
        return try read(bytes: [UInt8](data))
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var data = OSMData()
        var problem: RoadImportError?
        var sawRoot = false
        var node: OSMNode?
        var way: OSMWay?
        var skipping = false

        func fail(_ parser: XMLParser, _ reason: RoadImportError.Reason) {
            if problem == nil { problem = .malformedXML(line: parser.lineNumber, column: parser.columnNumber, reason: reason) }
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes a: [String: String] = [:]) {
            switch name {
            case "osm":
                sawRoot = true
            case "node", "way":
                skipping = a["action"] == "delete" || a["visible"] == "false"
                guard let id = a["id"].flatMap({ Int64($0) }) else { return fail(parser, .elementWithoutID(element: name)) }
                if name == "way" {
                    way = OSMWay(id: id, nodeRefs: [], tags: [:])
                    return
                }
                guard let lat = a["lat"].flatMap(Double.init), let lon = a["lon"].flatMap(Double.init),
                      (-90...90).contains(lat), (-180...180).contains(lon) else {
                    if skipping { return }
                    return fail(parser, .nodeWithoutCoordinates(node: id))
                }
                node = OSMNode(id: id, latitude: lat, longitude: lon)
            case "nd":
                guard way != nil else { return }
                guard let ref = a["ref"].flatMap({ Int64($0) }) else { return fail(parser, .ndWithoutRef) }
                way?.nodeRefs.append(ref)
            case "tag":
                guard let k = a["k"], let v = a["v"] else { return fail(parser, .tagWithoutKeyOrValue) }
                if node != nil { node?.tags[k] = v } else if way != nil { way?.tags[k] = v }
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "node":
                if let node, !skipping { data.nodes.append(node) }
                node = nil
            case "way":
                if let way, !skipping { data.ways.append(way) }
                way = nil
            default:
                break
            }
        }
    }
}
