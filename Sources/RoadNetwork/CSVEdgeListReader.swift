/// Reads a road network from a CSV edge list and an optional nodes CSV.
///
/// Edges: `from,to,length_km,class,speed_kmh,oneway`. With a header row the columns
/// may come in any order and only `from`, `to` and `length_km` (or `length`) are
/// required; without one they are positional. `class` defaults to county when empty;
/// an empty `speed_kmh` means the class default; `oneway` accepts
/// `true/false/yes/no/1/0/y/n` (empty: two-way).
///
/// Nodes: `id,lat,lon` (header optional). Node ids are strings, mapped to dense ids in
/// order of first appearance (nodes file first); ``RoadGraph/nodeNames`` keeps them.
/// With a nodes file, every edge endpoint must be listed in it.
///
/// Fields may be quoted (`"a, b"`, with `""` for a quote); a field cannot span lines.
public enum CSVEdgeListReader {
    /// Parses the edge list and optional nodes text.
    /// - Throws: ``GraphReadError`` listing every malformed line of both files.
    /// - Complexity: O(size of the texts).
    public static func read(edges text: String, file: String = "<edges.csv>", nodes nodesText: String? = nil,
                            nodesFile: String = "<nodes.csv>", speeds: SpeedTable = .standard) throws(GraphReadError) -> RoadGraph {
        var builder = RoadGraphBuilder()
        var nodeLog = ProblemLog(file: nodesFile)
        if let nodesText { readNodes(nodesText, into: &builder, log: &nodeLog) }
        let knownNodes = builder.nodeCount
        var log = ProblemLog(file: file)
        let lines = numberedLines(text)
        var columns = EdgeColumns.positional
        var start = 0
        if let first = lines.first, let header = EdgeColumns(header: splitCSV(first.text)) {
            columns = header
            start = 1
        } else if let first = lines.first, EdgeColumns.looksLikeHeader(splitCSV(first.text)) {
            log.add(first.number, .edgeHeader)
            start = 1
        }
        for (number, line) in lines.dropFirst(start) {
            if isBlankCSVRow(line) { continue }
            let f = splitCSV(line)
            guard f.count > max(columns.from, columns.to, columns.length) else {
                log.add(number, .fieldCount(expected: max(columns.from, columns.to, columns.length) + 1, found: f.count))
                continue
            }
            let field = { (i: Int?) -> Substring in i.map { $0 < f.count ? f[$0] : "" } ?? "" }
            let fromName = String(f[columns.from]), toName = String(f[columns.to])
            if fromName.isEmpty || toName.isEmpty { log.add(number, .emptyNodeID); continue }
            guard let length = Double(field(columns.length)), length >= 0, length.isFinite else {
                log.add(number, .badLengthKm(value: String(field(columns.length)))); continue
            }
            var speed: Double?
            let speedText = field(columns.speed)
            if !speedText.isEmpty {
                guard let s = Double(speedText), s > 0, s.isFinite else {
                    log.add(number, .badSpeed(value: String(speedText))); continue
                }
                speed = s
            }
            var roadClass = RoadClass.county
            let classText = field(columns.roadClass)
            if !classText.isEmpty {
                // Any label with its own speed, as in a bundle's roads.csv (an import's
                // `ferry`); without one the class must give the speed.
                if let parsed = RoadClass(parsing: classText) {
                    roadClass = parsed
                } else if speed == nil {
                    log.add(number, .unknownClass(value: String(classText), known: RoadClass.allCases.map(\.rawValue).joined(separator: ", ")))
                    continue
                }
            }
            guard let oneWay = parseBool(field(columns.oneWay)) else {
                log.add(number, .badOneway(value: String(field(columns.oneWay)))); continue
            }
            let a: NodeID, b: NodeID
            if nodesText != nil {
                guard let x = builder.node(named: fromName), x.index < knownNodes else { log.add(number, .nodeNotInFile(node: fromName, nodesFile: nodesFile)); continue }
                guard let y = builder.node(named: toName), y.index < knownNodes else { log.add(number, .nodeNotInFile(node: toName, nodesFile: nodesFile)); continue }
                a = x; b = y
            } else {
                a = builder.addNode(named: fromName); b = builder.addNode(named: toName)
            }
            // Values were validated above, so the builder cannot reject them.
            try? builder.addRoad(from: a, to: b, lengthKm: length, roadClass: roadClass, speedKmh: speed, oneWay: oneWay)
            if log.isFull { break }
        }
        let problems = nodeLog.problems + log.problems
        if !problems.isEmpty { throw GraphReadError(problems: problems) }
        return builder.build(speeds: speeds)
    }

    static func readNodes(_ text: String, into builder: inout RoadGraphBuilder, log: inout ProblemLog) {
        var seen: Set<String> = []
        var idColumn = 0, latColumn = 1, lonColumn = 2
        var lines = numberedLines(text)[...]
        if let first = lines.first {
            let names = splitCSV(first.text).map { $0.lowercased() }
            if let i = names.firstIndex(of: "id"), let la = names.firstIndex(where: { $0 == "lat" || $0 == "latitude" }),
               let lo = names.firstIndex(where: { $0 == "lon" || $0 == "lng" || $0 == "longitude" }) {
                idColumn = i; latColumn = la; lonColumn = lo
                lines = lines.dropFirst()
            } else if Double(splitCSV(first.text).dropFirst().first ?? "") == nil {
                log.add(first.number, .nodeHeader)
                lines = lines.dropFirst()
            }
        }
        for (number, line) in lines {
            if isBlankCSVRow(line) { continue }
            let f = splitCSV(line)
            guard f.count > max(idColumn, latColumn, lonColumn) else { log.add(number, .nodeFieldCount(found: f.count)); continue }
            let id = String(f[idColumn])
            guard !id.isEmpty else { log.add(number, .emptyNodeID); continue }
            guard let lat = Double(f[latColumn]), let lon = Double(f[lonColumn]) else {
                log.add(number, .badCoordinate(latitude: String(f[latColumn]), longitude: String(f[lonColumn]))); continue
            }
            let c = GeoCoordinate(latitude: lat, longitude: lon)
            guard c.isValid else { log.add(number, .coordinateOutOfRange(coordinate: "\(c)")); continue }
            guard seen.insert(id).inserted else { log.add(number, .duplicateNode(node: id)); continue }
            builder.addNode(named: id, at: c)
            if log.isFull { break }
        }
    }

    static func parseBool(_ text: Substring) -> Bool? {
        switch text { // the common spellings without lowercasing a copy
        case "", "false", "no", "0": return false
        case "true", "yes", "1": return true
        default: break
        }
        return switch text.lowercased() {
        case "", "false", "no", "n", "0", "f": false
        case "true", "yes", "y", "1", "t": true
        default: nil
        }
    }
}

/// Where each edge attribute lives in a row.
struct EdgeColumns {
    var from = 0, to = 1, length = 2
    var roadClass: Int? = 3, speed: Int? = 4, oneWay: Int? = 5

    static let positional = EdgeColumns()

    init() {}

    init?(header fields: [Substring]) {
        let names = fields.map { $0.lowercased() }
        func index(_ options: String...) -> Int? { names.firstIndex { options.contains($0) } }
        guard let from = index("from", "source", "u"), let to = index("to", "target", "v"),
              let length = index("length_km", "length", "km") else { return nil }
        self.from = from; self.to = to; self.length = length
        roadClass = index("class", "road_class", "highway")
        speed = index("speed_kmh", "speed", "maxspeed")
        oneWay = index("oneway", "one_way")
    }

    /// A first row whose length column is not a number is a header, even a broken one.
    static func looksLikeHeader(_ fields: [Substring]) -> Bool {
        fields.count > 2 && Double(fields[2]) == nil
    }
}

/// Splits one CSV line into fields, honouring double quotes.
///
/// By bytes, as RFC 4180 defines the format: an imported roads.csv quotes a WKT cell
/// on every line, and walking those lines by Characters (grapheme breaking) was most of
/// reading one (docs/decisions.md, "Reading imported roads"). A quoted field without
/// doubled quotes is a slice of the line; only one with `""` inside is rebuilt.
func splitCSV(_ line: Substring) -> [Substring] {
    let utf8 = line.utf8
    guard utf8.contains(0x22) else {
        return utf8.split(separator: 0x2C, omittingEmptySubsequences: false).map { trimSpaces(Substring($0)) }
    }
    var fields: [Substring] = []
    var unquoted: [UInt8] = []
    var inQuotes = false, rebuilt = false
    var quotes = 0
    var fieldStart = utf8.startIndex
    var i = utf8.startIndex
    func finish(_ end: String.Index) {
        let field = utf8[fieldStart..<end]
        if quotes == 0 {
            fields.append(Substring(field))
        } else if !rebuilt && quotes == 2 && field.first == 0x22 && field.last == 0x22 {
            fields.append(Substring(field.dropFirst().dropLast())) // "…": the text between
        } else {
            fields.append(Substring(String(decoding: unquoted, as: UTF8.self)))
        }
        unquoted.removeAll(keepingCapacity: true)
        rebuilt = false
        quotes = 0
    }
    while i != utf8.endIndex {
        let c = utf8[i]
        let next = utf8.index(after: i)
        if c == 0x22 { quotes += 1 }
        if inQuotes {
            if c == 0x22 {
                if next != utf8.endIndex && utf8[next] == 0x22 {
                    unquoted.append(0x22)
                    rebuilt = true
                    i = utf8.index(after: next)
                    continue
                }
                inQuotes = false
            } else {
                unquoted.append(c)
            }
        } else if c == 0x22 {
            inQuotes = true
        } else if c == 0x2C {
            finish(i)
            fieldStart = next
        } else {
            unquoted.append(c)
        }
        i = next
    }
    finish(utf8.endIndex)
    return fields.map { trimSpaces($0) }
}

func trimSpaces(_ s: Substring) -> Substring {
    var v = s.utf8
    while let b = v.first, b == 0x20 || b == 0x09 { v = v.dropFirst() }
    while let b = v.last, b == 0x20 || b == 0x09 { v = v.dropLast() }
    return Substring(v)
}
