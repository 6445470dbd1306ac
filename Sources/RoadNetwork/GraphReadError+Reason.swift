/// What is wrong with one line of a graph file, as a stable code with its values:
/// the CLI renders it through the strings tables (`graph.reason.<code>`,
/// docs/formats.md) in the reader's language, and ``description`` is the English
/// sentence.
extension GraphReadError {
    public enum Reason: Hashable, Sendable, CustomStringConvertible {
        /// header needs columns from, to and length_km
        case edgeHeader
        /// expected at least `expected` fields, found `found`
        case fieldCount(expected: Int, found: Int)
        /// empty node id
        case emptyNodeID
        /// bad length_km '`value`' (need a finite number ≥ 0)
        case badLengthKm(value: String)
        /// bad speed_kmh '`value`' (need a number > 0, or empty for the class default)
        case badSpeed(value: String)
        /// unknown road class '`value`' (expected one of `known`, or any label with speed_kmh)
        case unknownClass(value: String, known: String)
        /// bad oneway '`value`' (expected true/false, yes/no or 1/0)
        case badOneway(value: String)
        /// node '`node`' is not in `nodesFile`
        case nodeNotInFile(node: String, nodesFile: String)
        /// header needs columns id, lat and lon
        case nodeHeader
        /// expected fields id,lat,lon, found `found`
        case nodeFieldCount(found: Int)
        /// bad coordinate '`latitude`', '`longitude`'
        case badCoordinate(latitude: String, longitude: String)
        /// coordinate `coordinate` is outside WGS-84 ranges (lat −90…90, lon −180…180)
        case coordinateOutOfRange(coordinate: String)
        /// duplicate node id '`node`'
        case duplicateNode(node: String)
        /// expected 4 fields 'edge_id from to length', found `found`
        case cedgeFieldCount(found: Int)
        /// bad node id '`value`'
        case badNodeID(value: String)
        /// bad length '`value`' (need a finite number ≥ 0)
        case badLength(value: String)
        /// bad edge id '`value`'
        case badEdgeID(value: String)
        /// node id `node` is far beyond the `segments` segments in the file; ids must be dense and 0-based
        case sparseNodeIDs(node: Int, segments: Int)
        /// second problem line
        case secondProblemLine
        /// expected problem line '`form`'
        case expectedProblemLine(form: String)
        /// arc before the problem line 'p sp NODES ARCS'
        case arcBeforeProblemLine
        /// expected '`form`', found `found` fields
        case lineFieldCount(form: String, found: Int)
        /// node '`node`' outside 1…`count`
        case nodeOutOfRange(node: String, count: Int)
        /// bad weight '`value`' (need a finite number ≥ 0)
        case badWeight(value: String)
        /// unknown line type '`type`' (expected c, p or a)
        case unknownArcLineType(type: String)
        /// unknown line type '`type`' (expected c, p or v)
        case unknownCoordinateLineType(type: String)
        /// no problem line '`form`'
        case noProblemLine(form: String)
        /// problem line declares `nodes` nodes, far more than `arcs` arcs can touch
        case tooManyNodes(nodes: Int, arcs: Int)
        /// problem line declares `declared` arcs but the file has `found`
        case arcCountMismatch(declared: Int, found: Int)
        /// declares `declared` nodes but the graph has `actual`
        case nodeCountMismatch(declared: Int, actual: Int)
        /// bad coordinate '`x` `y`'
        case badCoordinatePair(x: String, y: String)
        /// coordinate `coordinate` is outside WGS-84 ranges
        case coordinateOutsideWGS84(coordinate: String)
        /// `count` nodes have no coordinate (first: `first`)
        case missingCoordinates(count: Int, first: Int)
        /// feature `feature`: expected an object with "type": "Feature"
        case notFeature(feature: Int)
        /// feature `feature`: no geometry
        case noGeometry(feature: Int)
        /// feature `feature`: geometry must be a LineString or MultiLineString, not `type`
        case geometryType(feature: Int, type: String)
        /// feature `feature`: geometry must be a LineString or MultiLineString, not missing
        case geometryTypeMissing(feature: Int)
        /// feature `feature`: unknown road class '`value`'
        case unknownClassName(feature: Int, value: String)
        /// feature `feature`: unknown road class value
        case classNotText(feature: Int)
        /// feature `feature`: speed must be a number > 0
        case speedNotPositive(feature: Int)
        /// feature `feature`: oneway must be true/false, yes/no, 1/0 or -1
        case onewayValue(feature: Int)
        /// feature `feature`: length must be a number ≥ 0
        case lengthNotNumber(feature: Int)
        /// feature `feature`: a line needs at least two positions
        case lineTooShort(feature: Int)
        /// feature `feature`: a position must be [longitude, latitude]
        case positionShape(feature: Int)
        /// feature `feature`: position `coordinate` is outside WGS-84 ranges
        case positionOutOfRange(feature: Int, coordinate: String)
        /// expected a FeatureCollection with a 'features' array
        case notFeatureCollection
        /// cannot tell the format from the extension; name it (csv, geojson, dimacs, cedge)
        case unknownFormat
        /// cannot read the file (missing or not readable)
        case unreadable
        /// the file is not valid UTF-8
        case notUTF8
        /// invalid JSON: unexpected text after the JSON value
        case jsonTrailingText
        /// invalid JSON: nesting deeper than 512 levels
        case jsonTooDeep
        /// invalid JSON: unexpected end of file
        case jsonEnd
        /// invalid JSON: expected a member name in quotes
        case jsonMemberName
        /// invalid JSON: expected ':' after member name
        case jsonColon
        /// invalid JSON: unexpected end of file in an object
        case jsonObjectEnd
        /// invalid JSON: expected ',' or '`' in an object
        case jsonObjectSeparator
        /// invalid JSON: unexpected end of file in an array
        case jsonArrayEnd
        /// invalid JSON: expected ',' or ']' in an array
        case jsonArraySeparator
        /// invalid JSON: unexpected character
        case jsonCharacter
        /// invalid JSON: bad \u escape
        case jsonEscape
        /// invalid JSON: bad number
        case jsonNumber
        /// invalid JSON: line break inside a string
        case jsonLineBreak
        /// invalid JSON: unterminated string
        case jsonUnterminated

        /// The stable code: the case name, the key `graph.reason.<code>`.
        public var code: String { parts.code }

        /// The values the sentence names, by placeholder.
        public var arguments: [String: String] { parts.arguments }

        /// The English sentence (the same as the `en` table's).
        public var description: String {
            var text = Self.english[code] ?? code
            for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
            return text
        }

        private var parts: (code: String, arguments: [String: String]) {
            switch self {
            case .edgeHeader: ("edgeHeader", [:])
            case let .fieldCount(expected, found): ("fieldCount", ["expected": "\(expected)", "found": "\(found)"])
            case .emptyNodeID: ("emptyNodeID", [:])
            case let .badLengthKm(value): ("badLengthKm", ["value": "\(value)"])
            case let .badSpeed(value): ("badSpeed", ["value": "\(value)"])
            case let .unknownClass(value, known): ("unknownClass", ["value": "\(value)", "known": "\(known)"])
            case let .badOneway(value): ("badOneway", ["value": "\(value)"])
            case let .nodeNotInFile(node, nodesFile): ("nodeNotInFile", ["node": "\(node)", "nodesFile": "\(nodesFile)"])
            case .nodeHeader: ("nodeHeader", [:])
            case let .nodeFieldCount(found): ("nodeFieldCount", ["found": "\(found)"])
            case let .badCoordinate(latitude, longitude): ("badCoordinate", ["latitude": "\(latitude)", "longitude": "\(longitude)"])
            case let .coordinateOutOfRange(coordinate): ("coordinateOutOfRange", ["coordinate": "\(coordinate)"])
            case let .duplicateNode(node): ("duplicateNode", ["node": "\(node)"])
            case let .cedgeFieldCount(found): ("cedgeFieldCount", ["found": "\(found)"])
            case let .badNodeID(value): ("badNodeID", ["value": "\(value)"])
            case let .badLength(value): ("badLength", ["value": "\(value)"])
            case let .badEdgeID(value): ("badEdgeID", ["value": "\(value)"])
            case let .sparseNodeIDs(node, segments): ("sparseNodeIDs", ["node": "\(node)", "segments": "\(segments)"])
            case .secondProblemLine: ("secondProblemLine", [:])
            case let .expectedProblemLine(form): ("expectedProblemLine", ["form": "\(form)"])
            case .arcBeforeProblemLine: ("arcBeforeProblemLine", [:])
            case let .lineFieldCount(form, found): ("lineFieldCount", ["form": "\(form)", "found": "\(found)"])
            case let .nodeOutOfRange(node, count): ("nodeOutOfRange", ["node": "\(node)", "count": "\(count)"])
            case let .badWeight(value): ("badWeight", ["value": "\(value)"])
            case let .unknownArcLineType(type): ("unknownArcLineType", ["type": "\(type)"])
            case let .unknownCoordinateLineType(type): ("unknownCoordinateLineType", ["type": "\(type)"])
            case let .noProblemLine(form): ("noProblemLine", ["form": "\(form)"])
            case let .tooManyNodes(nodes, arcs): ("tooManyNodes", ["nodes": "\(nodes)", "arcs": "\(arcs)"])
            case let .arcCountMismatch(declared, found): ("arcCountMismatch", ["declared": "\(declared)", "found": "\(found)"])
            case let .nodeCountMismatch(declared, actual): ("nodeCountMismatch", ["declared": "\(declared)", "actual": "\(actual)"])
            case let .badCoordinatePair(x, y): ("badCoordinatePair", ["x": "\(x)", "y": "\(y)"])
            case let .coordinateOutsideWGS84(coordinate): ("coordinateOutsideWGS84", ["coordinate": "\(coordinate)"])
            case let .missingCoordinates(count, first): ("missingCoordinates", ["count": "\(count)", "first": "\(first)"])
            case let .notFeature(feature): ("notFeature", ["feature": "\(feature)"])
            case let .noGeometry(feature): ("noGeometry", ["feature": "\(feature)"])
            case let .geometryType(feature, type): ("geometryType", ["feature": "\(feature)", "type": "\(type)"])
            case let .geometryTypeMissing(feature): ("geometryTypeMissing", ["feature": "\(feature)"])
            case let .unknownClassName(feature, value): ("unknownClassName", ["feature": "\(feature)", "value": "\(value)"])
            case let .classNotText(feature): ("classNotText", ["feature": "\(feature)"])
            case let .speedNotPositive(feature): ("speedNotPositive", ["feature": "\(feature)"])
            case let .onewayValue(feature): ("onewayValue", ["feature": "\(feature)"])
            case let .lengthNotNumber(feature): ("lengthNotNumber", ["feature": "\(feature)"])
            case let .lineTooShort(feature): ("lineTooShort", ["feature": "\(feature)"])
            case let .positionShape(feature): ("positionShape", ["feature": "\(feature)"])
            case let .positionOutOfRange(feature, coordinate): ("positionOutOfRange", ["feature": "\(feature)", "coordinate": "\(coordinate)"])
            case .notFeatureCollection: ("notFeatureCollection", [:])
            case .unknownFormat: ("unknownFormat", [:])
            case .unreadable: ("unreadable", [:])
            case .notUTF8: ("notUTF8", [:])
            case .jsonTrailingText: ("jsonTrailingText", [:])
            case .jsonTooDeep: ("jsonTooDeep", [:])
            case .jsonEnd: ("jsonEnd", [:])
            case .jsonMemberName: ("jsonMemberName", [:])
            case .jsonColon: ("jsonColon", [:])
            case .jsonObjectEnd: ("jsonObjectEnd", [:])
            case .jsonObjectSeparator: ("jsonObjectSeparator", [:])
            case .jsonArrayEnd: ("jsonArrayEnd", [:])
            case .jsonArraySeparator: ("jsonArraySeparator", [:])
            case .jsonCharacter: ("jsonCharacter", [:])
            case .jsonEscape: ("jsonEscape", [:])
            case .jsonNumber: ("jsonNumber", [:])
            case .jsonLineBreak: ("jsonLineBreak", [:])
            case .jsonUnterminated: ("jsonUnterminated", [:])
            }
        }

        /// The English sentence of each code (a test holds it equal to the `en` table).
        static let english: [String: String] = [
            "edgeHeader": "header needs columns from, to and length_km",
            "fieldCount": "expected at least {expected} fields, found {found}",
            "emptyNodeID": "empty node id",
            "badLengthKm": "bad length_km '{value}' (need a finite number ≥ 0)",
            "badSpeed": "bad speed_kmh '{value}' (need a number > 0, or empty for the class default)",
            "unknownClass": "unknown road class '{value}' (expected one of {known}, or any label with speed_kmh)",
            "badOneway": "bad oneway '{value}' (expected true/false, yes/no or 1/0)",
            "nodeNotInFile": "node '{node}' is not in {nodesFile}",
            "nodeHeader": "header needs columns id, lat and lon",
            "nodeFieldCount": "expected fields id,lat,lon, found {found}",
            "badCoordinate": "bad coordinate '{latitude}', '{longitude}'",
            "coordinateOutOfRange": "coordinate {coordinate} is outside WGS-84 ranges (lat −90…90, lon −180…180)",
            "duplicateNode": "duplicate node id '{node}'",
            "cedgeFieldCount": "expected 4 fields 'edge_id from to length', found {found}",
            "badNodeID": "bad node id '{value}'",
            "badLength": "bad length '{value}' (need a finite number ≥ 0)",
            "badEdgeID": "bad edge id '{value}'",
            "sparseNodeIDs": "node id {node} is far beyond the {segments} segments in the file; ids must be dense and 0-based",
            "secondProblemLine": "second problem line",
            "expectedProblemLine": "expected problem line '{form}'",
            "arcBeforeProblemLine": "arc before the problem line 'p sp NODES ARCS'",
            "lineFieldCount": "expected '{form}', found {found} fields",
            "nodeOutOfRange": "node '{node}' outside 1…{count}",
            "badWeight": "bad weight '{value}' (need a finite number ≥ 0)",
            "unknownArcLineType": "unknown line type '{type}' (expected c, p or a)",
            "unknownCoordinateLineType": "unknown line type '{type}' (expected c, p or v)",
            "noProblemLine": "no problem line '{form}'",
            "tooManyNodes": "problem line declares {nodes} nodes, far more than {arcs} arcs can touch",
            "arcCountMismatch": "problem line declares {declared} arcs but the file has {found}",
            "nodeCountMismatch": "declares {declared} nodes but the graph has {actual}",
            "badCoordinatePair": "bad coordinate '{x} {y}'",
            "coordinateOutsideWGS84": "coordinate {coordinate} is outside WGS-84 ranges",
            "missingCoordinates": "{count} nodes have no coordinate (first: {first})",
            "notFeature": "feature {feature}: expected an object with \"type\": \"Feature\"",
            "noGeometry": "feature {feature}: no geometry",
            "geometryType": "feature {feature}: geometry must be a LineString or MultiLineString, not {type}",
            "geometryTypeMissing": "feature {feature}: geometry must be a LineString or MultiLineString, not missing",
            "unknownClassName": "feature {feature}: unknown road class '{value}'",
            "classNotText": "feature {feature}: unknown road class value",
            "speedNotPositive": "feature {feature}: speed must be a number > 0",
            "onewayValue": "feature {feature}: oneway must be true/false, yes/no, 1/0 or -1",
            "lengthNotNumber": "feature {feature}: length must be a number ≥ 0",
            "lineTooShort": "feature {feature}: a line needs at least two positions",
            "positionShape": "feature {feature}: a position must be [longitude, latitude]",
            "positionOutOfRange": "feature {feature}: position {coordinate} is outside WGS-84 ranges",
            "notFeatureCollection": "expected a FeatureCollection with a 'features' array",
            "unknownFormat": "cannot tell the format from the extension; name it (csv, geojson, dimacs, cedge)",
            "unreadable": "cannot read the file (missing or not readable)",
            "notUTF8": "the file is not valid UTF-8",
            "jsonTrailingText": "invalid JSON: unexpected text after the JSON value",
            "jsonTooDeep": "invalid JSON: nesting deeper than 512 levels",
            "jsonEnd": "invalid JSON: unexpected end of file",
            "jsonMemberName": "invalid JSON: expected a member name in quotes",
            "jsonColon": "invalid JSON: expected ':' after member name",
            "jsonObjectEnd": "invalid JSON: unexpected end of file in an object",
            "jsonObjectSeparator": "invalid JSON: expected ',' or '}' in an object",
            "jsonArrayEnd": "invalid JSON: unexpected end of file in an array",
            "jsonArraySeparator": "invalid JSON: expected ',' or ']' in an array",
            "jsonCharacter": "invalid JSON: unexpected character",
            "jsonEscape": "invalid JSON: bad \\u escape",
            "jsonNumber": "invalid JSON: bad number",
            "jsonLineBreak": "invalid JSON: line break inside a string",
            "jsonUnterminated": "invalid JSON: unterminated string",
        ]
    }
}
