import FuzzSupport

// The OpenStreetMap PBF reader, as `reserve import osm` uses it: the framing
// (length prefixes, BlobHeader, Blob sizes), zlib inflation against raw_size, the
// header's required features, PrimitiveBlocks with their string tables, plain and
// dense nodes, ways; then the importer's two streaming passes and the network
// builder (tag rules, barriers, component filter, contraction) and the road tables
// it writes.
//
// The input is the whole file. Seeds include uncompressed blobs, so that mutations
// reach the protobuf decoding of blocks and not only zlib's checksum.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOSMPBF(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    // Every node and way, every tag resolved (the in-memory reader).
    do {
        let data = try OSMPBFReader.read(bytes: bytes)
        _ = (data.nodes.count, data.ways.count)
    } catch {
        _ = error.description
    }
    // The import: pass 1 keeps drivable ways, pass 2 reads only their nodes.
    let network: ImportedRoadNetwork
    do {
        network = try OSMImporter.importPBF(bytes: bytes)
    } catch {
        // Every failure must be describable: its byte offset and block are what users see.
        _ = error.description
        return 0
    }
    // What the import writes must read back as a road graph that routes: an import
    // that succeeds and leaves tables the readers refuse is a bug, so it stops the run.
    let roads = RoadTableWriter.roadsCSV(network), nodes = RoadTableWriter.nodesCSV(network)
    do {
        let graph = try CSVEdgeListReader.read(edges: roads, file: "roads.csv", nodes: nodes, nodesFile: "nodes.csv")
        RoadGraphUse.exercise(graph)
    } catch {
        fatalError("imported network does not read back: \(error)")
    }
    return 0
}
