import FuzzSupport

// CEdgeReader (`edge_id from to length`, the California network's format).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRoadCEdge(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    if let graph = try? CEdgeReader.read(FuzzInput.text(start, count), file: "g.cedge") {
        RoadGraphUse.exercise(graph)
    }
    return 0
}
