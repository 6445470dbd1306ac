import FuzzSupport

// DIMACSReader: the `.gr` graph, and the `.co` coordinates after the first NUL byte.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRoadDIMACS(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let (graph, coordinates) = FuzzInput.twoTexts(FuzzInput.bytes(start, count))
    if let read = try? DIMACSReader.read(graph: graph, file: "g.gr", coordinates: coordinates, coordinatesFile: "g.co") {
        RoadGraphUse.exercise(read)
    }
    return 0
}
