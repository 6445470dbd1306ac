/// Reads the `.cedge` edge list of Li et al. (the California road network):
/// one line `edge_id from to length` per undirected segment, 0-based node ids, length
/// in the data set's own unit.
///
/// Every segment becomes two directed edges with ``RoadGraph/LengthUnit/fileUnit``
/// lengths (travel "time" = length). The node count is the largest id + 1. Blank
/// lines and lines starting with `#` are skipped.
public enum CEdgeReader {
    /// Parses `.cedge` text; `file` names it in error messages.
    /// - Throws: ``GraphReadError`` listing every malformed line.
    /// - Complexity: O(size of the text).
    public static func read(_ text: String, file: String = "<cedge>") throws(GraphReadError) -> RoadGraph {
        var log = ProblemLog(file: file)
        var edges: [(Int32, Int32, Double)] = []
        var maxNode: Int32 = -1
        for (number, line) in numberedLines(text) {
            let fields = whitespaceFields(line)
            if fields.isEmpty || fields[0].hasPrefix("#") { continue }
            guard fields.count == 4 else {
                log.add(number, .cedgeFieldCount(found: fields.count))
                continue
            }
            guard let from = Int32(fields[1]), from >= 0 else { log.add(number, .badNodeID(value: String(fields[1]))); continue }
            guard let to = Int32(fields[2]), to >= 0 else { log.add(number, .badNodeID(value: String(fields[2]))); continue }
            guard let length = Double(fields[3]), length >= 0, length.isFinite else {
                log.add(number, .badLength(value: String(fields[3])))
                continue
            }
            guard Int(fields[0]) != nil else { log.add(number, .badEdgeID(value: String(fields[0]))); continue }
            maxNode = max(maxNode, from, to)
            edges.append((from, to, length))
        }
        // Ids are dense in this format; a stray huge id would otherwise allocate billions
        // of empty nodes before anything could complain.
        if Int(maxNode) >= plausibleNodeLimit(edges: edges.count) {
            log.add(0, .sparseNodeIDs(node: Int(maxNode), segments: edges.count))
        }
        if !log.problems.isEmpty { throw GraphReadError(problems: log.problems) }
        var builder = RoadGraphBuilder(nodeCount: Int(maxNode) + 1, lengthUnit: .fileUnit)
        builder.reserveCapacity(edges: edges.count * 2)
        for (a, b, length) in edges {
            // Ids and lengths were validated above, so these cannot fail.
            try? builder.addRoad(from: NodeID(a), to: NodeID(b), lengthKm: length)
        }
        return builder.build()
    }
}
