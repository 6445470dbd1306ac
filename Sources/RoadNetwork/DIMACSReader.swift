/// Reads the 9th DIMACS Implementation Challenge shortest-path formats: `.gr`
/// (`p sp n m`, then `a u v w` arcs, 1-based) and optionally `.co`
/// (`p aux sp co n`, then `v id x y` with longitude/latitude in millionths of a degree).
///
/// Arcs are directed, as in the challenge files (which list both directions of a
/// two-way road). Lengths keep the file's unit (``RoadGraph/LengthUnit/fileUnit``).
/// Node names are the 1-based DIMACS ids.
public enum DIMACSReader {
    /// Parses `.gr` text and optional `.co` text.
    /// - Throws: ``GraphReadError`` listing every malformed line of both files.
    /// - Complexity: O(size of the texts).
    public static func read(graph text: String, file: String = "<gr>", coordinates coText: String? = nil,
                            coordinatesFile: String = "<co>") throws(GraphReadError) -> RoadGraph {
        var log = ProblemLog(file: file)
        var nodeCount: Int?
        var declaredArcs = 0, problemLine = 0
        var arcs: [(Int32, Int32, Double)] = []
        for (number, line) in numberedLines(text) {
            let f = whitespaceFields(line)
            guard let kind = f.first else { continue }
            switch kind {
            case "c": continue
            case "p":
                guard nodeCount == nil else { log.add(number, .secondProblemLine); continue }
                guard f.count == 4, f[1] == "sp", let n = Int(f[2]), let m = Int(f[3]), n >= 0, m >= 0, n < Int(Int32.max) else {
                    log.add(number, .expectedProblemLine(form: "p sp NODES ARCS"))
                    nodeCount = 0
                    continue
                }
                nodeCount = n; declaredArcs = m; problemLine = number
                // The header is a claim, not data: reserve no more arcs than the text
                // can hold (an arc line is at least "a 1 1 0\n", 8 bytes).
                arcs.reserveCapacity(min(m, text.utf8.count / 8))
            case "a":
                guard let n = nodeCount else { log.add(number, .arcBeforeProblemLine); continue }
                guard f.count == 4 else { log.add(number, .lineFieldCount(form: "a FROM TO WEIGHT", found: f.count)); continue }
                guard let u = Int(f[1]), (1...max(n, 1)).contains(u), u <= n else { log.add(number, .nodeOutOfRange(node: String(f[1]), count: n)); continue }
                guard let v = Int(f[2]), (1...max(n, 1)).contains(v), v <= n else { log.add(number, .nodeOutOfRange(node: String(f[2]), count: n)); continue }
                guard let w = Double(f[3]), w >= 0, w.isFinite else { log.add(number, .badWeight(value: String(f[3]))); continue }
                arcs.append((Int32(u - 1), Int32(v - 1), w))
            default:
                log.add(number, .unknownArcLineType(type: String(kind)))
            }
            if log.isFull { break }
        }
        if nodeCount == nil { log.add(0, .noProblemLine(form: "p sp NODES ARCS")) }
        if let n = nodeCount, n >= plausibleNodeLimit(edges: arcs.count) {
            log.add(problemLine, .tooManyNodes(nodes: n, arcs: arcs.count))
        }
        if log.problems.isEmpty && arcs.count != declaredArcs {
            log.add(problemLine, .arcCountMismatch(declared: declaredArcs, found: arcs.count))
        }
        var problems = log.problems
        var coordinates: [GeoCoordinate]?
        // An implausible node count is already a problem; reading coordinates for it
        // would allocate one per claimed node.
        let plausible = nodeCount.map { $0 < plausibleNodeLimit(edges: arcs.count) } ?? true
        if let coText, plausible {
            do throws(GraphReadError) {
                coordinates = try readCoordinates(coText, file: coordinatesFile, nodeCount: nodeCount ?? 0)
            } catch { problems += error.problems }
        }
        if !problems.isEmpty { throw GraphReadError(problems: problems) }
        let n = nodeCount ?? 0
        var builder = RoadGraphBuilder(lengthUnit: .fileUnit)
        for v in 0..<n { builder.addNode(named: String(v + 1), at: coordinates?[v]) }
        builder.reserveCapacity(edges: arcs.count)
        for (u, v, w) in arcs { try? builder.addEdge(from: NodeID(u), to: NodeID(v), length: w) } // validated above
        return builder.build()
    }

    static func readCoordinates(_ text: String, file: String, nodeCount: Int) throws(GraphReadError) -> [GeoCoordinate] {
        var log = ProblemLog(file: file)
        var coordinates = [GeoCoordinate?](repeating: nil, count: nodeCount)
        var sawProblem = false
        for (number, line) in numberedLines(text) {
            let f = whitespaceFields(line)
            guard let kind = f.first else { continue }
            switch kind {
            case "c": continue
            case "p":
                sawProblem = true
                guard f.count == 5, f[1] == "aux", f[2] == "sp", f[3] == "co", let n = Int(f[4]) else {
                    log.add(number, .expectedProblemLine(form: "p aux sp co NODES")); continue
                }
                if n != nodeCount { log.add(number, .nodeCountMismatch(declared: n, actual: nodeCount)) }
            case "v":
                guard f.count == 4 else { log.add(number, .lineFieldCount(form: "v ID X Y", found: f.count)); continue }
                guard let id = Int(f[1]), id >= 1, id <= nodeCount else { log.add(number, .nodeOutOfRange(node: String(f[1]), count: nodeCount)); continue }
                guard let x = Double(f[2]), let y = Double(f[3]) else { log.add(number, .badCoordinatePair(x: String(f[2]), y: String(f[3]))); continue }
                let c = GeoCoordinate(latitude: y / 1e6, longitude: x / 1e6)
                guard c.isValid else { log.add(number, .coordinateOutsideWGS84(coordinate: "\(c)")); continue }
                coordinates[id - 1] = c
            default:
                log.add(number, .unknownCoordinateLineType(type: String(kind)))
            }
            if log.isFull { break }
        }
        if !sawProblem { log.add(0, .noProblemLine(form: "p aux sp co NODES")) }
        let missing = coordinates.indices.filter { coordinates[$0] == nil }
        if let first = missing.first, log.problems.isEmpty {
            log.add(0, .missingCoordinates(count: missing.count, first: first + 1))
        }
        if !log.problems.isEmpty { throw GraphReadError(problems: log.problems) }
        return coordinates.compactMap { $0 }
    }
}
