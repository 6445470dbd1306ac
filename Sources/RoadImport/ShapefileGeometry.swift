import RoadNetwork

/// Byte access with bounds checks: a short read is a thrown error, never a trap.
struct ByteCursor {
    let bytes: [UInt8]
    let file: String

    func need(_ offset: Int, _ count: Int) throws(RoadImportError) {
        guard offset >= 0, count >= 0, offset <= bytes.count - count else {
            throw .badShapefile(file: file, offset: offset, reason: .recordCut(needed: count, left: max(0, bytes.count - offset)))
        }
    }

    func int32BE(_ o: Int) throws(RoadImportError) -> Int {
        try need(o, 4)
        return Int(Int32(bitPattern: UInt32(bytes[o]) << 24 | UInt32(bytes[o + 1]) << 16 | UInt32(bytes[o + 2]) << 8 | UInt32(bytes[o + 3])))
    }

    func int32LE(_ o: Int) throws(RoadImportError) -> Int {
        try need(o, 4)
        return Int(Int32(bitPattern: UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16 | UInt32(bytes[o + 3]) << 24))
    }

    func doubleLE(_ o: Int) throws(RoadImportError) -> Double {
        try need(o, 8)
        var bits: UInt64 = 0
        for k in 0..<8 { bits |= UInt64(bytes[o + k]) << (8 * k) }
        return Double(bitPattern: bits)
    }
}

/// The `.shp` records (checked against the `.shx` index).
enum ShapefileGeometry {
    /// One entry per record: the parts of a PolyLine, or nil for a Null shape.
    static func parse(_ shp: [UInt8], index shx: [UInt8], shpPath: String, shxPath: String) throws(RoadImportError) -> [[[GeoCoordinate]]?] {
        let c = ByteCursor(bytes: shp, file: shpPath)
        guard try c.int32BE(0) == 9994 else { throw .badShapefile(file: shpPath, offset: 0, reason: .notShapefile) }
        let fileType = try c.int32LE(32)
        guard [3, 13, 23].contains(fileType) else {
            throw .badShapefile(file: shpPath, offset: 32, reason: .fileShapeType(type: Int(fileType)))
        }
        let x = ByteCursor(bytes: shx, file: shxPath)
        guard try x.int32BE(0) == 9994 else { throw .badShapefile(file: shxPath, offset: 0, reason: .notShapefileIndex) }
        guard shx.count >= 100, (shx.count - 100) % 8 == 0 else {
            throw .badShapefile(file: shxPath, offset: 100, reason: .indexLength(length: shx.count))
        }
        let count = (shx.count - 100) / 8
        var out: [[[GeoCoordinate]]?] = []
        out.reserveCapacity(count)
        for r in 0..<count {
            let offset = try x.int32BE(100 + 8 * r) * 2
            let length = try x.int32BE(104 + 8 * r) * 2
            guard offset >= 100, length >= 4 else {
                throw .badShapefile(file: shxPath, offset: 100 + 8 * r, reason: .indexEntry(record: r + 1, offset: Int(offset), length: Int(length)))
            }
            try c.need(offset, 8 + length)
            guard try c.int32BE(offset) == r + 1, try c.int32BE(offset + 4) * 2 == length else {
                throw .badShapefile(file: shpPath, offset: offset, reason: .recordMismatch(record: r + 1))
            }
            out.append(try polyline(c, at: offset + 8, length: length, record: r + 1))
        }
        return out
    }

    private static func polyline(_ c: ByteCursor, at start: Int, length: Int, record: Int) throws(RoadImportError) -> [[GeoCoordinate]]? {
        let type = try c.int32LE(start)
        if type == 0 { return nil }
        guard [3, 13, 23].contains(type) else {
            throw .badShapefile(file: c.file, offset: start, reason: .recordShapeType(record: record, type: Int(type)))
        }
        let numParts = try c.int32LE(start + 36), numPoints = try c.int32LE(start + 40)
        // Each part takes 4 bytes and each point 16 (more with Z/M): bounds before allocating.
        guard numParts >= 1, numPoints >= 2, 44 + 4 * numParts + 16 * numPoints <= length else {
            throw .badShapefile(file: c.file, offset: start + 36, reason: .partsDoNotFit(record: record, parts: Int(numParts), points: Int(numPoints), length: Int(length)))
        }
        var partStarts: [Int] = []
        for p in 0..<numParts { partStarts.append(try c.int32LE(start + 44 + 4 * p)) }
        guard partStarts[0] == 0, zip(partStarts, partStarts.dropFirst()).allSatisfy({ $0 < $1 }), partStarts.last! < numPoints else {
            throw .badShapefile(file: c.file, offset: start + 44, reason: .partStarts(record: record, starts: partStarts.map { Int($0) }, points: Int(numPoints)))
        }
        let pointsAt = start + 44 + 4 * numParts
        var parts: [[GeoCoordinate]] = []
        for (p, first) in partStarts.enumerated() {
            let end = p + 1 < partStarts.count ? partStarts[p + 1] : numPoints
            var line: [GeoCoordinate] = []
            for k in first..<end {
                let lon = try c.doubleLE(pointsAt + 16 * k), lat = try c.doubleLE(pointsAt + 16 * k + 8)
                guard (-180...180).contains(lon), (-90...90).contains(lat) else {
                    throw .badShapefile(file: c.file, offset: pointsAt + 16 * k,
                                        reason: .pointNotDegrees(record: record, longitude: lon, latitude: lat))
                }
                line.append(GeoCoordinate(latitude: lat, longitude: lon))
            }
            if line.count >= 2 { parts.append(line) }
        }
        return parts
    }
}

/// A dBASE III/IV attribute table.
struct DBFTable {
    var rows: [[String: String]]
    var encoding: TextEncoding

    static func parse(_ bytes: [UInt8], path: String, encoding requested: TextEncoding?) throws(RoadImportError) -> DBFTable {
        let c = ByteCursor(bytes: bytes, file: path)
        try c.need(0, 32)
        let count = Int(UInt32(bytes[4]) | UInt32(bytes[5]) << 8 | UInt32(bytes[6]) << 16 | UInt32(bytes[7]) << 24)
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        let recordLength = Int(bytes[10]) | Int(bytes[11]) << 8
        guard headerLength >= 33, recordLength >= 1, headerLength <= bytes.count else {
            throw .badShapefile(file: path, offset: 8, reason: .dbfLengths(header: Int(headerLength), record: Int(recordLength)))
        }
        var fields: [(name: String, offset: Int, length: Int)] = []
        var position = 1 // after the deletion flag
        var d = 32
        while d + 32 <= headerLength, bytes[d] != 0x0D {
            let nameBytes = bytes[d..<d + 11].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            let length = Int(bytes[d + 16])
            fields.append((name, position, length))
            position += length
            d += 32
        }
        guard position <= recordLength else {
            throw .badShapefile(file: path, offset: 32, reason: .dbfFieldsTooLong(fields: Int(position), record: Int(recordLength)))
        }
        guard headerLength + count * recordLength <= bytes.count else {
            throw .badShapefile(file: path, offset: headerLength, reason: .dbfRecordsDoNotFit(count: Int(count), length: Int(recordLength)))
        }
        var raw: [[[UInt8]]] = []
        raw.reserveCapacity(count)
        for r in 0..<count {
            let start = headerLength + r * recordLength
            raw.append(fields.map { f in
                var cell = Array(bytes[(start + f.offset)..<(start + f.offset + f.length)])
                while let last = cell.last, last == 0x20 || last == 0 { cell.removeLast() }
                while let first = cell.first, first == 0x20 { cell.removeFirst() }
                return cell
            })
        }
        let encoding = requested ?? TextEncoding.detect(raw.flatMap { $0 })
        var rows: [[String: String]] = []
        rows.reserveCapacity(count)
        for (r, cells) in raw.enumerated() {
            var row: [String: String] = [:]
            for (f, cell) in zip(fields, cells) {
                guard let text = encoding.decode(cell) else {
                    throw .badShapefile(file: path, offset: headerLength + r * recordLength + f.offset,
                                        reason: .dbfText(record: r + 1, field: f.name, encoding: encoding.rawValue))
                }
                row[f.name] = text
            }
            rows.append(row)
        }
        return DBFTable(rows: rows, encoding: encoding)
    }
}
