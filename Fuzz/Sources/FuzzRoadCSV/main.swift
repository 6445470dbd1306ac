import FuzzSupport

// CSVEdgeListReader: the edge list, and the nodes CSV after the first NUL byte.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRoadCSV(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let (edges, nodes) = FuzzInput.twoTexts(FuzzInput.bytes(start, count))
    if let graph = try? CSVEdgeListReader.read(edges: edges, file: "roads.csv", nodes: nodes, nodesFile: "nodes.csv") {
        RoadGraphUse.exercise(graph)
    }
    return 0
}
