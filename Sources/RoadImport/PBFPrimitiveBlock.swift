/// A decoded `PrimitiveBlock` with its string table resolved: the view the two
/// import passes read nodes and ways through.
struct PBFPrimitiveBlock {
    let strings: [String]
    let message: OSMPBF_PrimitiveBlock
    let index: Int
    let offset: Int

    init(payload: [UInt8], block: PBFRawBlock) throws(RoadImportError) {
        do { message = try OSMPBF_PrimitiveBlock(serializedBytes: payload) } catch {
            throw .corruptPBF(offset: block.blobOffset, block: block.index, reason: "PrimitiveBlock does not decode: \(error)")
        }
        strings = message.stringtable.s.map { String(decoding: $0, as: UTF8.self) }
        index = block.index
        offset = block.blobOffset
    }

    var hasNodes: Bool { message.primitivegroup.contains { !$0.nodes.isEmpty || !$0.dense.id.isEmpty } }
    var hasWays: Bool { message.primitivegroup.contains { !$0.ways.isEmpty } }

    private func string(_ i: Int) throws(RoadImportError) -> String {
        guard i >= 0, i < strings.count else {
            throw .corruptPBF(offset: offset, block: index, reason: "string index \(i) outside the table of \(strings.count)")
        }
        return strings[i]
    }

    private func tags(keys: [UInt32], values: [UInt32]) throws(RoadImportError) -> [String: String] {
        guard keys.count == values.count else {
            throw .corruptPBF(offset: offset, block: index, reason: "\(keys.count) tag keys but \(values.count) values")
        }
        var out: [String: String] = [:]
        for (k, v) in zip(keys, values) { out[try string(Int(k))] = try string(Int(v)) }
        return out
    }

    /// Calls `body` with every way (refs delta-decoded, tags resolved).
    func forEachWay(_ body: (OSMWay) throws(RoadImportError) -> Void) throws(RoadImportError) {
        for group in message.primitivegroup {
            for way in group.ways {
                var refs: [Int64] = []
                refs.reserveCapacity(way.refs.count)
                var id: Int64 = 0
                for delta in way.refs {
                    let (sum, overflow) = id.addingReportingOverflow(delta)
                    guard !overflow else { throw .corruptPBF(offset: offset, block: index, reason: "way \(way.id): node id overflows") }
                    id = sum
                    refs.append(id)
                }
                try body(OSMWay(id: way.id, nodeRefs: refs, tags: try tags(keys: way.keys, values: way.vals)))
            }
        }
    }

    /// Calls `body` with every node whose id `wanted` accepts, plain and dense;
    /// tags are resolved only for those.
    func forEachNode(where wanted: (Int64) -> Bool, _ body: (OSMNode) throws(RoadImportError) -> Void) throws(RoadImportError) {
        let granularity = Int64(message.granularity) // nanodegrees per unit (default 100)
        let latOffset = message.latOffset, lonOffset = message.lonOffset
        // Integer nanodegrees first, one division last: 599990000 × 100 gives exactly
        // the double nearest 59.999, as the XML text does.
        func degrees(_ value: Int64, _ offsetNano: Int64) -> Double {
            let (scaled, o1) = value.multipliedReportingOverflow(by: granularity)
            let (nano, o2) = scaled.addingReportingOverflow(offsetNano)
            return o1 || o2 ? .infinity : Double(nano) / 1e9
        }
        func checked(_ node: OSMNode) throws(RoadImportError) -> OSMNode {
            guard (-90...90).contains(node.latitude), (-180...180).contains(node.longitude) else {
                throw .corruptPBF(offset: offset, block: index, reason: "node \(node.id) at \(node.latitude), \(node.longitude) is outside the globe")
            }
            return node
        }
        for group in message.primitivegroup {
            for node in group.nodes where wanted(node.id) {
                try body(try checked(OSMNode(id: node.id, latitude: degrees(node.lat, latOffset), longitude: degrees(node.lon, lonOffset),
                                             tags: try tags(keys: node.keys, values: node.vals))))
            }
            let dense = group.dense
            guard !dense.id.isEmpty else { continue }
            guard dense.lat.count == dense.id.count, dense.lon.count == dense.id.count else {
                throw .corruptPBF(offset: offset, block: index,
                                  reason: "dense nodes: \(dense.id.count) ids, \(dense.lat.count) lats, \(dense.lon.count) lons")
            }
            let keysVals = dense.keysVals
            var kv = 0 // position in keys_vals: ((key value)* 0)* per node
            var id: Int64 = 0, lat: Int64 = 0, lon: Int64 = 0
            for i in dense.id.indices {
                let (a, o1) = id.addingReportingOverflow(dense.id[i])
                let (b, o2) = lat.addingReportingOverflow(dense.lat[i])
                let (c, o3) = lon.addingReportingOverflow(dense.lon[i])
                guard !(o1 || o2 || o3) else { throw .corruptPBF(offset: offset, block: index, reason: "dense node \(i): delta overflows") }
                id = a; lat = b; lon = c
                let take = wanted(id)
                var nodeTags: [String: String] = [:]
                while kv < keysVals.count, keysVals[kv] != 0 {
                    guard kv + 1 < keysVals.count else {
                        throw .corruptPBF(offset: offset, block: index, reason: "dense node \(id): keys_vals ends after a key")
                    }
                    if take { nodeTags[try string(Int(keysVals[kv]))] = try string(Int(keysVals[kv + 1])) }
                    kv += 2
                }
                kv += 1 // the 0 that ends this node's tags (absent when the block has no tags at all)
                if take { try body(try checked(OSMNode(id: id, latitude: degrees(lat, latOffset), longitude: degrees(lon, lonOffset), tags: nodeTags))) }
            }
        }
    }
}
