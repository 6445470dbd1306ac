/// A `PrimitiveBlock` (osmformat.proto) read straight from its wire bytes: the
/// string table as byte ranges, turned into `String`s only for the tags a caller
/// asks for, and each group's packed fields walked without building messages.
///
/// swift-protobuf still decodes the file's framing (`BlobHeader`, `Blob`,
/// `HeaderBlock`); these blocks are the bulk of a file, and decoding them into
/// messages (a `Data` per string, arrays per way, every DenseInfo field) was the
/// decoder's cost (docs/decisions.md, "OSM import speed").
struct PBFPrimitiveBlock: Sendable {
    let payload: [UInt8]
    let index: Int
    let offset: Int
    /// The string table's entries as ranges of `payload`.
    private var strings: [Range<Int>] = []
    private var groups: [Range<Int>] = []
    private var granularity: Int64 = 100
    private var latOffset: Int64 = 0, lonOffset: Int64 = 0
    private(set) var hasNodes = false
    private(set) var hasWays = false

    init(payload: [UInt8], block: PBFRawBlock) throws(RoadImportError) {
        self.payload = payload
        index = block.index
        offset = block.blobOffset
        do throws(ProtobufWire.Failure) {
            try payload.withUnsafeBufferPointer { (bytes) throws(ProtobufWire.Failure) in
                var wire = ProtobufWire(bytes, range: 0..<bytes.count)
                while !wire.atEnd {
                    let f = try wire.field()
                    switch (f.number, f.wireType) {
                    case (1, 2):
                        var table = ProtobufWire(bytes, range: f.range)
                        while !table.atEnd {
                            let s = try table.field()
                            if s.number == 1, s.wireType == 2 { strings.append(s.range) }
                        }
                    case (2, 2):
                        groups.append(f.range)
                        var group = ProtobufWire(bytes, range: f.range)
                        while !group.atEnd {
                            let g = try group.field()
                            if g.number == 1 || g.number == 2 { hasNodes = true }
                            if g.number == 3 { hasWays = true }
                        }
                    case (17, 0): granularity = Int64(Int32(truncatingIfNeeded: f.value))
                    case (19, 0): latOffset = Int64(bitPattern: f.value)
                    case (20, 0): lonOffset = Int64(bitPattern: f.value)
                    default: break
                    }
                }
            }
        } catch {
            throw Self.corrupt(error, offset: offset, block: index)
        }
    }

    private static func corrupt(_ failure: ProtobufWire.Failure, offset: Int, block: Int) -> RoadImportError {
        let reason: RoadImportError.Reason
        switch failure {
        case .truncated(let at): reason = .valueCutOff(at: at)
        case .overlongVarint(let at): reason = .overlongVarint(at: at)
        case .badWireType(let t, let at): reason = .badWireType(type: Int(t), at: at)
        case .lengthBeyondEnd(let at): reason = .lengthPastEnd(at: at)
        }
        return .corruptPBF(offset: offset, block: block, reason: reason)
    }

    /// Resolves string indices to `String`s once per block.
    private struct StringCache {
        var values: [String?]
        init(count: Int) { values = [String?](repeating: nil, count: count) }
    }

    /// String `i` of the block's table; an index outside it (negative ones included:
    /// DenseNodes' `keys_vals` are signed) is damage, reported with its value.
    private func string(_ i: Int64, _ cache: inout StringCache, _ bytes: UnsafeBufferPointer<UInt8>) throws(RoadImportError) -> String {
        guard i >= 0 && i < Int64(strings.count) else {
            throw .corruptPBF(offset: offset, block: index, reason: .stringIndex(index: Int(i), count: strings.count))
        }
        if let s = cache.values[Int(i)] { return s }
        let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[strings[Int(i)]]), as: UTF8.self)
        cache.values[Int(i)] = s
        return s
    }

    /// Whether string `i` is `key` (bytes compared; no `String` made).
    private func stringIs(_ i: UInt64, _ key: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let i = UInt64(UInt32(truncatingIfNeeded: i))
        guard i < UInt64(strings.count) else { return false }
        let r = strings[Int(i)]
        return r.count == key.count && bytes[r].elementsEqual(key)
    }

    private func tags(keys: [UInt64], values: [UInt64], _ cache: inout StringCache,
                      _ bytes: UnsafeBufferPointer<UInt8>) throws(RoadImportError) -> OSMTagList {
        var out = OSMTagList()
        try fillTags(&out, keys: keys, values: values, &cache, bytes)
        return out
    }

    /// ``tags(keys:values:_:_:)`` into `out`, whose storage is reused (one list per block,
    /// not two arrays allocated per way).
    private func fillTags(_ out: inout OSMTagList, keys: [UInt64], values: [UInt64], _ cache: inout StringCache,
                          _ bytes: UnsafeBufferPointer<UInt8>) throws(RoadImportError) {
        guard keys.count == values.count else {
            throw .corruptPBF(offset: offset, block: index, reason: .tagCounts(keys: keys.count, values: values.count))
        }
        out.keys.removeAll(keepingCapacity: true)
        out.values.removeAll(keepingCapacity: true)
        out.keys.reserveCapacity(keys.count)
        out.values.reserveCapacity(keys.count)
        // keys and vals are uint32 fields: a longer varint is truncated, as message decoders do.
        for (k, v) in zip(keys, values) {
            out.keys.append(try string(Int64(UInt32(truncatingIfNeeded: k)), &cache, bytes))
            out.values.append(try string(Int64(UInt32(truncatingIfNeeded: v)), &cache, bytes))
        }
    }

    private func values(_ runs: VarintRuns, _ bytes: UnsafeBufferPointer<UInt8>) throws(ProtobufWire.Failure) -> [UInt64] {
        var out: [UInt64] = []
        try values(runs, bytes, into: &out)
        return out
    }

    /// ``values(_:_:)`` into `out`, whose storage is reused.
    private func values(_ runs: VarintRuns, _ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt64]) throws(ProtobufWire.Failure) {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(runs.count(in: bytes))
        try runs.forEach(in: bytes) { out.append($0) }
    }

    /// Calls `body` with every way (refs delta-decoded, tags resolved) that has one of
    /// `keys` among its tag keys (all ways when `keys` is nil); returns how many
    /// ways were passed over without their tags being read.
    @discardableResult
    func forEachWay(withAnyKey keys: [String]? = nil, _ body: (OSMWay) throws(RoadImportError) -> Void) throws(RoadImportError) -> Int {
        try forEachTaggedWay(withAnyKey: keys) { (id, refs, tags) throws(RoadImportError) in
            try body(OSMWay(id: id, nodeRefs: refs, tags: tags.dictionary))
        }
    }

    /// ``forEachWay(withAnyKey:_:)`` with the tags as the file lists them (no dictionary made).
    @discardableResult
    func forEachTaggedWay(withAnyKey keys: [String]? = nil,
                          _ body: (_ id: Int64, _ refs: [Int64], _ tags: OSMTagList) throws(RoadImportError) -> Void) throws(RoadImportError) -> Int {
        let wantedKeys = keys?.map { Array($0.utf8) }
        var passed = 0
        try payload.withUnsafeBufferPointer { (bytes) throws(RoadImportError) in
            var cache = StringCache(count: strings.count)
            // One set of scratch lists per block: four arrays allocated and freed per way
            // were a tenth of the first pass (docs/decisions.md, "seventh round").
            var keyList: [UInt64] = [], valueList: [UInt64] = []
            var tagList = OSMTagList()
            var refs: [Int64] = []
            for group in groups {
                var g = ProtobufWire(bytes, range: group)
                while !g.atEnd {
                    let field: ProtobufWire.Field
                    do throws(ProtobufWire.Failure) { field = try g.field() } catch { throw Self.corrupt(error, offset: offset, block: index) }
                    guard field.number == 3, field.wireType == 2 else { continue }
                    var id: Int64 = 0
                    var keyRuns = VarintRuns(), valueRuns = VarintRuns(), refRuns = VarintRuns()
                    do throws(ProtobufWire.Failure) {
                        var w = ProtobufWire(bytes, range: field.range)
                        while !w.atEnd {
                            let f = try w.field()
                            switch f.number {
                            case 1 where f.wireType == 0: id = Int64(bitPattern: f.value)
                            case 2: keyRuns.add(f)
                            case 3: valueRuns.add(f)
                            case 8: refRuns.add(f)
                            default: break
                            }
                        }
                        try values(keyRuns, bytes, into: &keyList)
                        if let wantedKeys, !keyList.contains(where: { k in wantedKeys.contains { stringIs(k, $0, bytes) } }) {
                            passed += 1
                            continue
                        }
                        try values(valueRuns, bytes, into: &valueList)
                    } catch {
                        throw Self.corrupt(error, offset: offset, block: index)
                    }
                    refs.removeAll(keepingCapacity: true)
                    refs.reserveCapacity(refRuns.count(in: bytes))
                    var ref: Int64 = 0
                    var overflow = false
                    do throws(ProtobufWire.Failure) {
                        try refRuns.forEach(in: bytes) { raw in
                            let (sum, o) = ref.addingReportingOverflow(ProtobufWire.zigzag(raw))
                            overflow = overflow || o
                            ref = sum
                            refs.append(ref)
                        }
                    } catch {
                        throw Self.corrupt(error, offset: offset, block: index)
                    }
                    guard !overflow else { throw .corruptPBF(offset: offset, block: index, reason: .wayNodeOverflow(way: id)) }
                    try fillTags(&tagList, keys: keyList, values: valueList, &cache, bytes)
                    try body(id, refs, tagList)
                }
            }
        }
        return passed
    }

    /// Calls `body` with every node whose id `wanted` accepts, plain and dense;
    /// tags are resolved only for those.
    func forEachNode(where wanted: (Int64) -> Bool, _ body: (OSMNode) throws(RoadImportError) -> Void) throws(RoadImportError) {
        try forEachNode(lookup: { wanted($0) ? () : nil }) { (_: Void, node) throws(RoadImportError) in try body(node) }
    }

    /// Calls `body` with every node `lookup` finds (with what it found: one look-up
    /// per node, not one to filter and one to place), plain and dense; tags are
    /// resolved only for those.
    func forEachNode<Found>(lookup: (Int64) -> Found?,
                            _ body: (Found, OSMNode) throws(RoadImportError) -> Void) throws(RoadImportError) {
        let granularity = self.granularity, latOffset = self.latOffset, lonOffset = self.lonOffset
        let offset = self.offset, index = self.index
        // Integer nanodegrees first, one division last: 599990000 × 100 gives exactly
        // the double nearest 59.999, as the XML text does.
        func degrees(_ value: Int64, _ offsetNano: Int64) -> Double {
            let (scaled, o1) = value.multipliedReportingOverflow(by: granularity)
            let (nano, o2) = scaled.addingReportingOverflow(offsetNano)
            return o1 || o2 ? .infinity : Double(nano) / 1e9
        }
        func checked(_ node: OSMNode) throws(RoadImportError) -> OSMNode {
            guard (-90...90).contains(node.latitude), (-180...180).contains(node.longitude) else {
                throw .corruptPBF(offset: offset, block: index, reason: .nodeOutsideGlobe(node: node.id, latitude: node.latitude, longitude: node.longitude))
            }
            return node
        }
        try payload.withUnsafeBufferPointer { (bytes) throws(RoadImportError) in
            var cache = StringCache(count: strings.count)
            for group in groups {
                var g = ProtobufWire(bytes, range: group)
                while !g.atEnd {
                    let field: ProtobufWire.Field
                    do throws(ProtobufWire.Failure) { field = try g.field() } catch { throw Self.corrupt(error, offset: offset, block: index) }
                    guard field.wireType == 2, field.number == 1 || field.number == 2 else { continue }
                    if field.number == 1 {
                        // A plain Node: id 1, keys 2, vals 3, lat 8, lon 9 (sint64).
                        var id: Int64 = 0, lat: Int64 = 0, lon: Int64 = 0
                        var keyRuns = VarintRuns(), valueRuns = VarintRuns()
                        var keyList: [UInt64] = [], valueList: [UInt64] = []
                        var wantedNode: Found?
                        do throws(ProtobufWire.Failure) {
                            var w = ProtobufWire(bytes, range: field.range)
                            while !w.atEnd {
                                let f = try w.field()
                                switch (f.number, f.wireType) {
                                case (1, 0): id = ProtobufWire.zigzag(f.value)
                                case (2, _): keyRuns.add(f)
                                case (3, _): valueRuns.add(f)
                                case (8, 0): lat = ProtobufWire.zigzag(f.value)
                                case (9, 0): lon = ProtobufWire.zigzag(f.value)
                                default: break
                                }
                            }
                            wantedNode = lookup(id)
                            guard wantedNode != nil else { continue }
                            keyList = try values(keyRuns, bytes)
                            valueList = try values(valueRuns, bytes)
                        } catch {
                            throw Self.corrupt(error, offset: offset, block: index)
                        }
                        guard let found = wantedNode else { continue }
                        try body(found, try checked(OSMNode(id: id, latitude: degrees(lat, latOffset), longitude: degrees(lon, lonOffset),
                                                            tags: try tags(keys: keyList, values: valueList, &cache, bytes).dictionary)))
                        continue
                    }
                    // DenseNodes: id 1, lat 8, lon 9 (packed sint64, delta), keys_vals 10 (packed int32).
                    var idRuns = VarintRuns(), latRuns = VarintRuns(), lonRuns = VarintRuns(), kvRuns = VarintRuns()
                    let ids: [UInt64], lats: [UInt64], lons: [UInt64], keysVals: [UInt64]
                    do throws(ProtobufWire.Failure) {
                        var w = ProtobufWire(bytes, range: field.range)
                        while !w.atEnd {
                            let f = try w.field()
                            switch f.number {
                            case 1: idRuns.add(f)
                            case 8: latRuns.add(f)
                            case 9: lonRuns.add(f)
                            case 10: kvRuns.add(f)
                            default: break
                            }
                        }
                        ids = try values(idRuns, bytes)
                        lats = try values(latRuns, bytes)
                        lons = try values(lonRuns, bytes)
                        keysVals = try values(kvRuns, bytes)
                    } catch {
                        throw Self.corrupt(error, offset: offset, block: index)
                    }
                    guard !ids.isEmpty else { continue }
                    guard lats.count == ids.count, lons.count == ids.count else {
                        throw .corruptPBF(offset: offset, block: index,
                                          reason: .denseArrays(ids: ids.count, latitudes: lats.count, longitudes: lons.count))
                    }
                    var kv = 0 // position in keys_vals: ((key value)* 0)* per node
                    var id: Int64 = 0, lat: Int64 = 0, lon: Int64 = 0
                    for i in ids.indices {
                        let (a, o1) = id.addingReportingOverflow(ProtobufWire.zigzag(ids[i]))
                        let (b, o2) = lat.addingReportingOverflow(ProtobufWire.zigzag(lats[i]))
                        let (c, o3) = lon.addingReportingOverflow(ProtobufWire.zigzag(lons[i]))
                        guard !(o1 || o2 || o3) else { throw .corruptPBF(offset: offset, block: index, reason: .denseDeltaOverflow(node: i)) }
                        id = a; lat = b; lon = c
                        let found = lookup(id)
                        let take = found != nil
                        var nodeTags: [String: String] = [:]
                        // keys_vals holds int32 values: compare as the message decoder did.
                        while kv < keysVals.count, Int32(truncatingIfNeeded: keysVals[kv]) != 0 {
                            guard kv + 1 < keysVals.count else {
                                throw .corruptPBF(offset: offset, block: index, reason: .denseKeysValsCut(node: id))
                            }
                            if take {
                                nodeTags[try string(Self.int32Index(keysVals[kv]), &cache, bytes)]
                                    = try string(Self.int32Index(keysVals[kv + 1]), &cache, bytes)
                            }
                            kv += 2
                        }
                        kv += 1 // the 0 that ends this node's tags (absent when the block has no tags at all)
                        if let found { try body(found, try checked(OSMNode(id: id, latitude: degrees(lat, latOffset), longitude: degrees(lon, lonOffset), tags: nodeTags))) }
                    }
                }
            }
        }
    }

    /// An int32 string index as a table index (a negative one is out of any table).
    private static func int32Index(_ raw: UInt64) -> Int64 {
        Int64(Int32(truncatingIfNeeded: raw))
    }
}
