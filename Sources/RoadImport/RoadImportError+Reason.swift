extension RoadImportError {
    /// What is wrong, as a stable code with its values: the CLI renders it through the
    /// strings tables (`import.reason.<code>`, docs/formats.md) in the reader's
    /// language, and ``description`` is the English sentence for logs and tests.
    ///
    /// A text that comes from another library (swift-protobuf, zlib, Foundation's XML
    /// parser) is kept in a `detail` value, quoted as it is: only its own authors know
    /// every sentence it can say.
    public enum Reason: Hashable, Sendable, CustomStringConvertible {
        // Opening a file.
        /// The file does not exist.
        case noSuchFile
        /// The file exists but cannot be read.
        case notReadable
        /// The system's own reason for a failed open.
        case openFailed(detail: String)

        // PBF framing and blobs.
        /// The file ends inside a block's 4-byte length prefix.
        case lengthPrefixCut(bytesLeft: Int)
        /// A BlobHeader length outside what the format allows.
        case blobHeaderLength(length: Int, maximum: Int)
        /// The file ends inside a BlobHeader.
        case blobHeaderCut(read: Int, length: Int)
        /// A protobuf message (`BlobHeader`, `Blob`, `HeaderBlock`) does not decode.
        case undecodable(message: String, detail: String)
        /// A BlobHeader without its required `type` or `datasize`.
        case blobHeaderIncomplete
        /// A Blob size outside what the format allows.
        case blobSize(size: Int, maximum: Int)
        /// The file ends inside a Blob.
        case blobCut(read: Int, size: Int)
        /// A zlib Blob without `raw_size`.
        case zlibWithoutRawSize
        /// A `raw_size` outside what the format allows.
        case rawSize(size: Int, maximum: Int)
        /// zlib could not be started.
        case zlibCannotStart
        /// The Blob inflated to another size than `raw_size` says.
        case inflatedSize(actual: Int, expected: Int)
        /// The zlib stream is cut short or longer than `raw_size`.
        case zlibTruncated(expected: Int)
        /// zlib's own message for a damaged stream.
        case zlibFailed(detail: String)
        /// LZMA, LZ4, zstd or bzip2 compression.
        case unsupportedCompression
        /// A Blob with no data field.
        case blobWithoutData
        /// A second OSMHeader block.
        case secondHeader
        /// OSMData before the OSMHeader block.
        case dataBeforeHeader
        /// No OSMHeader block at all.
        case noHeader
        /// Required features this reader lacks.
        case requiredFeatures([String])

        // PBF primitive blocks (byte positions are in the inflated block).
        /// A value is cut off.
        case valueCutOff(at: Int)
        /// A varint longer than 10 bytes.
        case overlongVarint(at: Int)
        /// An unknown protobuf wire type.
        case badWireType(type: Int, at: Int)
        /// A length-delimited field runs past its message.
        case lengthPastEnd(at: Int)
        /// A string-table index outside the table.
        case stringIndex(index: Int, count: Int)
        /// Tag keys and values of different counts.
        case tagCounts(keys: Int, values: Int)
        /// A way's delta-coded node id overflows.
        case wayNodeOverflow(way: Int64)
        /// A node outside latitude ±90°, longitude ±180°.
        case nodeOutsideGlobe(node: Int64, latitude: Double, longitude: Double)
        /// Dense-node arrays of different lengths.
        case denseArrays(ids: Int, latitudes: Int, longitudes: Int)
        /// A dense node's delta-coded value overflows.
        case denseDeltaOverflow(node: Int)
        /// `keys_vals` ends after a key.
        case denseKeysValsCut(node: Int64)

        // OSM XML.
        /// Foundation's XML parser refused the text (its own message as detail).
        case xmlSyntax(detail: String)
        /// The XML parser failed without saying why.
        case xmlParserFailed
        /// No `<osm>` root element.
        case noOSMRoot
        /// A `<node>` or `<way>` without a numeric id.
        case elementWithoutID(element: String)
        /// A node without a valid lat/lon.
        case nodeWithoutCoordinates(node: Int64)
        /// An `<nd>` without a numeric ref.
        case ndWithoutRef
        /// A `<tag>` without k or v.
        case tagWithoutKeyOrValue

        // Speeds file.
        /// The header is not `highway,speed_kmh`.
        case speedHeader(found: String)
        /// A row without two cells.
        case speedCells(found: Int)
        /// A speed that is not a number of km/h in (0, 200].
        case speedValue(value: String)
        /// An unknown highway class.
        case speedClass(value: String, known: String)
        /// Every bad row of a speeds file.
        indirect case speedRows([RoadImportError])

        // Boundary.
        /// A bounding box with W ≥ E or S ≥ N.
        case bboxOrder(west: Double, south: Double, east: Double, north: Double)
        /// `--bbox` text that is not four numbers.
        case bboxSyntax(text: String)
        /// A boundary file that is not JSON (Foundation's message as detail).
        case boundaryNotJSON(detail: String)
        /// No Polygon or MultiPolygon.
        case boundaryNoPolygon
        /// A GeoJSON value without a `type`.
        case boundaryNoType(path: String)
        /// A polygon without rings.
        case boundaryNoRing(path: String)
        /// A position that is not [lon, lat].
        case boundaryPosition(path: String)
        /// A ring with fewer than 4 positions.
        case boundaryRingTooShort(path: String)

        // Shapefile, index and dBASE table.
        /// The file ends inside a record.
        case recordCut(needed: Int, left: Int)
        /// The .shp file code is not 9994.
        case notShapefile
        /// The file's shape type is not a polyline.
        case fileShapeType(type: Int)
        /// The .shx file code is not 9994.
        case notShapefileIndex
        /// The .shx length is not 100 + 8 × records.
        case indexLength(length: Int)
        /// An index entry with an impossible offset or length.
        case indexEntry(record: Int, offset: Int, length: Int)
        /// A record that does not match the index.
        case recordMismatch(record: Int)
        /// A record whose shape type is not a polyline.
        case recordShapeType(record: Int, type: Int)
        /// A record's parts and points do not fit its bytes.
        case partsDoNotFit(record: Int, parts: Int, points: Int, length: Int)
        /// A record's part starts are not increasing.
        case partStarts(record: Int, starts: [Int], points: Int)
        /// A point that is not longitude/latitude in degrees.
        case pointNotDegrees(record: Int, longitude: Double, latitude: Double)
        /// A dBASE header with impossible lengths.
        case dbfLengths(header: Int, record: Int)
        /// dBASE fields longer than a record.
        case dbfFieldsTooLong(fields: Int, record: Int)
        /// dBASE records that do not fit the file.
        case dbfRecordsDoNotFit(count: Int, length: Int)
        /// A dBASE text field not valid in its encoding.
        case dbfText(record: Int, field: String, encoding: String)
        /// An unknown .cpg code page.
        case codePage(name: String)
        /// Attribute rows and shapes of different counts.
        case rowCount(rows: Int, shapes: Int)
        /// A projected coordinate system.
        case projected(name: String)
        /// A .prj that is not WKT.
        case notWKT
        /// A geographic system other than WGS-84 or CGCS2000.
        case datum(name: String)
        /// The class field named by `--class-field` is missing.
        case noClassField(field: String, fields: String)

        // The network.
        /// No drivable way is left after clipping and the component filter.
        case nothingLeft(ways: Int)
        /// More arcs than 32-bit offsets hold.
        case tooManyArcs(arcs: Int)
    }
}

extension RoadImportError.Reason {
    /// The stable code: the case name, the key `import.reason.<code>` of the strings
    /// tables.
    public var code: String { parts.code }

    /// The values the sentence names, by placeholder.
    public var arguments: [String: String] { parts.arguments }

    /// The English sentence (the same as the `en` table's).
    public var description: String {
        if case let .speedRows(rows) = self { return rows.map(\.description).joined(separator: "; ") }
        var text = Self.english[code] ?? code
        for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    private var parts: (code: String, arguments: [String: String]) {
        switch self {
        case .noSuchFile: ("noSuchFile", [:])
        case .notReadable: ("notReadable", [:])
        case let .openFailed(d): ("openFailed", ["detail": d])
        case let .lengthPrefixCut(n): ("lengthPrefixCut", ["left": "\(n)"])
        case let .blobHeaderLength(l, m): ("blobHeaderLength", ["length": "\(l)", "maximum": "\(m)"])
        case let .blobHeaderCut(r, l): ("blobHeaderCut", ["read": "\(r)", "length": "\(l)"])
        case let .undecodable(m, d): ("undecodable", ["message": m, "detail": d])
        case .blobHeaderIncomplete: ("blobHeaderIncomplete", [:])
        case let .blobSize(s, m): ("blobSize", ["size": "\(s)", "maximum": "\(m)"])
        case let .blobCut(r, s): ("blobCut", ["read": "\(r)", "size": "\(s)"])
        case .zlibWithoutRawSize: ("zlibWithoutRawSize", [:])
        case let .rawSize(s, m): ("rawSize", ["size": "\(s)", "maximum": "\(m)"])
        case .zlibCannotStart: ("zlibCannotStart", [:])
        case let .inflatedSize(a, e): ("inflatedSize", ["actual": "\(a)", "expected": "\(e)"])
        case let .zlibTruncated(e): ("zlibTruncated", ["expected": "\(e)"])
        case let .zlibFailed(d): ("zlibFailed", ["detail": d])
        case .unsupportedCompression: ("unsupportedCompression", [:])
        case .blobWithoutData: ("blobWithoutData", [:])
        case .secondHeader: ("secondHeader", [:])
        case .dataBeforeHeader: ("dataBeforeHeader", [:])
        case .noHeader: ("noHeader", [:])
        case let .requiredFeatures(f): ("requiredFeatures", ["features": f.joined(separator: ", ")])
        case let .valueCutOff(at): ("valueCutOff", ["at": "\(at)"])
        case let .overlongVarint(at): ("overlongVarint", ["at": "\(at)"])
        case let .badWireType(t, at): ("badWireType", ["type": "\(t)", "at": "\(at)"])
        case let .lengthPastEnd(at): ("lengthPastEnd", ["at": "\(at)"])
        case let .stringIndex(i, c): ("stringIndex", ["index": "\(i)", "count": "\(c)"])
        case let .tagCounts(k, v): ("tagCounts", ["keys": "\(k)", "values": "\(v)"])
        case let .wayNodeOverflow(w): ("wayNodeOverflow", ["way": "\(w)"])
        case let .nodeOutsideGlobe(n, lat, lon): ("nodeOutsideGlobe", ["node": "\(n)", "latitude": "\(lat)", "longitude": "\(lon)"])
        case let .denseArrays(i, la, lo): ("denseArrays", ["ids": "\(i)", "latitudes": "\(la)", "longitudes": "\(lo)"])
        case let .denseDeltaOverflow(n): ("denseDeltaOverflow", ["node": "\(n)"])
        case let .denseKeysValsCut(n): ("denseKeysValsCut", ["node": "\(n)"])
        case let .xmlSyntax(d): ("xmlSyntax", ["detail": d])
        case .xmlParserFailed: ("xmlParserFailed", [:])
        case .noOSMRoot: ("noOSMRoot", [:])
        case let .elementWithoutID(e): ("elementWithoutID", ["element": e])
        case let .nodeWithoutCoordinates(n): ("nodeWithoutCoordinates", ["node": "\(n)"])
        case .ndWithoutRef: ("ndWithoutRef", [:])
        case .tagWithoutKeyOrValue: ("tagWithoutKeyOrValue", [:])
        case let .speedHeader(f): ("speedHeader", ["found": f])
        case let .speedCells(f): ("speedCells", ["found": "\(f)"])
        case let .speedValue(v): ("speedValue", ["value": v])
        case let .speedClass(v, k): ("speedClass", ["value": v, "known": k])
        case let .speedRows(rows): ("speedRows", ["count": "\(rows.count)"])
        case let .bboxOrder(w, s, e, n): ("bboxOrder", ["west": "\(w)", "south": "\(s)", "east": "\(e)", "north": "\(n)"])
        case let .bboxSyntax(t): ("bboxSyntax", ["text": t])
        case let .boundaryNotJSON(d): ("boundaryNotJSON", ["detail": d])
        case .boundaryNoPolygon: ("boundaryNoPolygon", [:])
        case let .boundaryNoType(p): ("boundaryNoType", ["path": p])
        case let .boundaryNoRing(p): ("boundaryNoRing", ["path": p])
        case let .boundaryPosition(p): ("boundaryPosition", ["path": p])
        case let .boundaryRingTooShort(p): ("boundaryRingTooShort", ["path": p])
        case let .recordCut(n, l): ("recordCut", ["needed": "\(n)", "left": "\(l)"])
        case .notShapefile: ("notShapefile", [:])
        case let .fileShapeType(t): ("fileShapeType", ["type": "\(t)"])
        case .notShapefileIndex: ("notShapefileIndex", [:])
        case let .indexLength(l): ("indexLength", ["length": "\(l)"])
        case let .indexEntry(r, o, l): ("indexEntry", ["record": "\(r)", "offset": "\(o)", "length": "\(l)"])
        case let .recordMismatch(r): ("recordMismatch", ["record": "\(r)"])
        case let .recordShapeType(r, t): ("recordShapeType", ["record": "\(r)", "type": "\(t)"])
        case let .partsDoNotFit(r, p, n, l): ("partsDoNotFit", ["record": "\(r)", "parts": "\(p)", "points": "\(n)", "length": "\(l)"])
        case let .partStarts(r, s, n): ("partStarts", ["record": "\(r)", "starts": "\(s)", "points": "\(n)"])
        case let .pointNotDegrees(r, lon, lat): ("pointNotDegrees", ["record": "\(r)", "longitude": "\(lon)", "latitude": "\(lat)"])
        case let .dbfLengths(h, r): ("dbfLengths", ["header": "\(h)", "record": "\(r)"])
        case let .dbfFieldsTooLong(f, r): ("dbfFieldsTooLong", ["fields": "\(f)", "record": "\(r)"])
        case let .dbfRecordsDoNotFit(c, l): ("dbfRecordsDoNotFit", ["count": "\(c)", "length": "\(l)"])
        case let .dbfText(r, f, e): ("dbfText", ["record": "\(r)", "field": f, "encoding": e])
        case let .codePage(n): ("codePage", ["name": n])
        case let .rowCount(r, s): ("rowCount", ["rows": "\(r)", "shapes": "\(s)"])
        case let .projected(n): ("projected", ["name": n])
        case .notWKT: ("notWKT", [:])
        case let .datum(n): ("datum", ["name": n])
        case let .noClassField(f, fs): ("noClassField", ["field": f, "fields": fs])
        case let .nothingLeft(w): ("nothingLeft", ["ways": "\(w)"])
        case let .tooManyArcs(a): ("tooManyArcs", ["arcs": "\(a)"])
        }
    }
}
