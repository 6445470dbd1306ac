import FuzzSupport

// GeoJSONRoadReader. Every input first goes through the line-tracking JSON parser
// (LineJSON, RFC 8259 with line numbers), so this target fuzzes that parser too;
// its seeds include plain JSON documents as well as road GeoJSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRoadGeoJSON(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    if let graph = try? GeoJSONRoadReader.read(FuzzInput.text(start, count), file: "roads.geojson") {
        RoadGraphUse.exercise(graph)
    }
    return 0
}
