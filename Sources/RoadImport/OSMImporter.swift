import Dispatch
import RoadNetwork
import Synchronization

/// Options of an OpenStreetMap import.
public struct OSMImportOptions: Hashable, Sendable {
    /// The vehicle (which roads, access tags and speed cap).
    public var profile: OSMProfile
    /// Class speeds (``OSMSpeeds/standard`` unless `--speeds`).
    public var speeds: OSMSpeeds
    /// Keep only what lies inside; nil = the whole file.
    public var boundary: ImportBoundary?

    /// Creates options.
    public init(profile: OSMProfile = OSMProfile(.truck), speeds: OSMSpeeds = .standard, boundary: ImportBoundary? = nil) {
        self.profile = profile
        self.speeds = speeds
        self.boundary = boundary
    }
}

/// Imports a drivable road network from OpenStreetMap data.
///
/// ```swift
/// let network = try OSMImporter.importPBF(path: "helsinki.osm.pbf", options: OSMImportOptions(profile: OSMProfile(.car)))
/// print(network.nodes.count, network.edges.count, network.report.droppedNodes)
/// ```
///
/// A PBF file is read twice, streaming: the first pass keeps the drivable ways, the
/// second only the coordinates and tags of the nodes they reference. Memory is
/// therefore bounded by the network kept, not by the file (plus at most 64 MB of
/// node blocks the first pass keeps inflated for the second). Both passes decode
/// blocks on all cores, and the second begins beside the node index (`NodesAhead`).
public enum OSMImporter {
    /// Imports a `.osm.pbf` file.
    public static func importPBF(path: String, options: OSMImportOptions = OSMImportOptions()) throws(RoadImportError) -> ImportedRoadNetwork {
        try importPBF(OSMPBFReader(path: path), options: options)
    }

    /// Imports PBF bytes held in memory.
    public static func importPBF(bytes: [UInt8], options: OSMImportOptions = OSMImportOptions()) throws(RoadImportError) -> ImportedRoadNetwork {
        try importPBF(OSMPBFReader(bytes: bytes), options: options)
    }

    /// Imports an `.osm` XML file.
    public static func importXML(path: String, options: OSMImportOptions = OSMImportOptions()) throws(RoadImportError) -> ImportedRoadNetwork {
        try importData(OSMXMLReader.read(path: path), options: options)
    }

    /// Imports a file by its extension: `.osm` / `.xml` as XML, anything else as PBF.
    public static func importFile(path: String, options: OSMImportOptions = OSMImportOptions()) throws(RoadImportError) -> ImportedRoadNetwork {
        let lower = path.lowercased()
        return lower.hasSuffix(".osm") || lower.hasSuffix(".xml")
            ? try importXML(path: path, options: options) : try importPBF(path: path, options: options)
    }

    /// Imports elements already in memory (from ``OSMXMLReader`` or ``OSMPBFReader/read(bytes:)``).
    public static func importData(_ data: OSMData, options: OSMImportOptions = OSMImportOptions()) throws(RoadImportError) -> ImportedRoadNetwork {
        try importData(data, options: options, parts: nil)
    }

    /// ``importData(_:options:)`` with the ways cut in `parts` concurrent parts (nil: by
    /// size and cores), for tests that check every count gives one network.
    static func importData(_ data: OSMData, options: OSMImportOptions, parts: Int?) throws(RoadImportError) -> ImportedRoadNetwork {
        var builder = OSMNetworkBuilder(options: options)
        builder.parts = parts
        var ways: [KeptWay] = []
        var refs = WayRefs()
        for way in data.ways {
            if let attributes = OSMTagRules.attributes(of: way.tags, profile: options.profile) {
                ways.append(KeptWay(id: way.id, attributes: attributes))
                refs.append(way.nodeRefs)
                builder.report.waysByHighway[attributes.highway, default: 0] += 1
            } else {
                builder.report.waysSkipped += 1
            }
        }
        var wayNodes = WayNodes(refs: refs)
        for node in data.nodes { wayNodes.set(keptNode(node, profile: options.profile), id: node.id) }
        return try builder.build(ways: ways, nodes: wayNodes)
    }

    static func keptNode(_ node: OSMNode, profile: OSMProfile) -> KeptNode {
        let coordinate = GeoCoordinate(latitude: node.latitude, longitude: node.longitude)
        // Most nodes have no tags; a look-up in an empty Dictionary still hashes its
        // key, two per node (docs/decisions.md, "OSM import speed, third round").
        guard !node.tags.isEmpty else { return KeptNode(coordinate: coordinate, blocks: false, ford: false) }
        return KeptNode(coordinate: coordinate, blocks: OSMTagRules.blocks(node.tags, profile: profile),
                        ford: OSMTagRules.isSet(node.tags["ford"]))
    }

    /// `importPBF` with pass 2's look-ahead limited as tests ask, and at most
    /// `inflatedBytes` of pass 1's node blocks kept for it (each split of the node blocks
    /// between the kept ones, the look-ahead and the pass must give one network and one
    /// error).
    static func importPBF(bytes: [UInt8], options: OSMImportOptions, lookAhead: LookAheadLimit,
                          inflatedBytes: Int = NodesAhead.inflatedByteLimit) throws(RoadImportError) -> ImportedRoadNetwork {
        try importPBF(OSMPBFReader(bytes: bytes), options: options, lookAhead: lookAhead, inflatedBytes: inflatedBytes)
    }

    private static func importPBF(_ reader: OSMPBFReader, options: OSMImportOptions, lookAhead limit: LookAheadLimit = .untilIndexBuilt,
                                  inflatedBytes byteLimit: Int = NodesAhead.inflatedByteLimit) throws(RoadImportError) -> ImportedRoadNetwork {
        var builder = OSMNetworkBuilder(options: options)
        let profile = options.profile
        // Pass 1: drivable ways; remember which blocks hold nodes.
        struct WayBlock: Sendable {
            var ways: [KeptWay]; var refs = WayRefs(); var highways: [String: Int] = [:]; var skipped: Int; var hasNodes: Bool; var index: Int
            /// The block itself when it holds nodes, inflated, for pass 2's look-ahead.
            var nodeBlock: PBFPrimitiveBlock?
        }
        var ways: [KeptWay] = []
        var wayRefs = WayRefs()
        var nodeBlocks = Set<Int>()
        // The first node blocks as pass 1 inflated them, up to a fixed size, so that the
        // look-ahead does not inflate them again (the first ones in file order only: the
        // look-ahead takes a prefix of the node blocks).
        var inflated: [PBFPrimitiveBlock] = [], inflatedBytes = 0, keepsInflated = true
        try reader.scan({ (block: PBFPrimitiveBlock) throws(RoadImportError) -> WayBlock in
            var out = WayBlock(ways: [], skipped: 0, hasNodes: block.hasNodes, index: block.index, nodeBlock: block.hasNodes ? block : nil)
            // A way with neither key is never drivable: its tags are not even read.
            out.skipped += try block.forEachTaggedWay(withAnyKey: OSMTagRules.roadKeys) { id, refs, tags in
                if let attributes = OSMTagRules.attributes(of: tags, profile: profile) {
                    out.ways.append(KeptWay(id: id, attributes: attributes))
                    out.refs.append(refs)
                    out.highways[attributes.highway, default: 0] += 1
                } else {
                    out.skipped += 1
                }
            }
            return out
        }, consume: { part in
            // Counted per block on the workers, not per way here.
            for (highway, count) in part.highways { builder.report.waysByHighway[highway, default: 0] += count }
            // Appended as each batch arrives, while the next one decodes.
            ways += part.ways
            wayRefs.append(contentsOf: part.refs)
            builder.report.waysSkipped += part.skipped
            if part.hasNodes { nodeBlocks.insert(part.index) }
            if keepsInflated, let block = part.nodeBlock {
                keepsInflated = inflatedBytes + block.payload.count <= byteLimit
                if keepsInflated {
                    inflated.append(block)
                    inflatedBytes += block.payload.count
                }
            }
        })
        let nodeBlockSet = nodeBlocks
        // Pass 2 begins on the other core while this one builds the node index.
        let stop = LookAheadStop()
        let budget = wayRefs.ids.count
        let firstBlocks = inflated
        inflated = []
        var wayNodes: WayNodes
        // The look-ahead's nodes are freed when this block ends, before the cutting takes
        // fresh memory: pages just freed are the cheap ones to take again.
        do {
            let lookAhead = BackgroundValue {
                NodesAhead.decode(reader, inflated: firstBlocks, nodeBlocks: nodeBlockSet, limit: limit, budget: budget, profile: profile, stop: stop)
            }
            wayNodes = WayNodes(refs: wayRefs)
            stop.set()
            // The OSM ids of the references (30 MB on the grid) are dense numbers now:
            // freed here, so that what follows can take their memory again.
            wayRefs = WayRefs()
            let ahead = lookAhead.value
            ahead.place(into: &wayNodes)
            let index = wayNodes.index, aheadBlocks = ahead.blocks
            // Pass 2: only blocks with nodes the look-ahead left, only nodes the kept ways use.
            try reader.scan(skip: { !nodeBlockSet.contains($0) || aheadBlocks.contains($0) }, { (block: PBFPrimitiveBlock) throws(RoadImportError) -> [(Int32, KeptNode)] in
                var out: [(Int32, KeptNode)] = []
                try block.forEachNode(lookup: { index.find($0) }) { k, node in out.append((k, keptNode(node, profile: profile))) }
                return out
            }, consume: { part in
                for (k, node) in part { wayNodes.set(node, at: k) }
            })
        }
        return try builder.build(ways: ways, nodes: consume wayNodes)
    }
}

/// Pass 2's first node blocks, decoded on the second core while the first builds the
/// node index (which they cannot use yet): the node index took 0.12 s on one core with
/// the other idle (docs/decisions.md, "OSM import speed, seventh round").
///
/// It holds every node of the blocks it decoded, in file order, and at most `budget`
/// of them (the kept ways' references, so memory stays bounded by the network kept);
/// it stops at the first block after the index is built, and at any damage, which the
/// pass that follows meets again and reports. The blocks it decoded are skipped by
/// that pass, and their nodes placed first: file order, so a later record wins as before.
struct NodesAhead: Sendable {
    /// Indices of the blocks decoded.
    var blocks: Set<Int> = []
    var ids: [Int64] = []
    var nodes: [KeptNode] = []

    /// Pass 1's node blocks kept inflated for the look-ahead, at most this many bytes
    /// (a fixed bound: on the grid all 212 node blocks take 20 MB, on Helsinki 0.55 MB).
    static let inflatedByteLimit = 64 << 20

    /// Decodes `inflated` (the first node blocks, as pass 1 inflated them), then the node
    /// blocks after them from the file, in file order, until `limit`.
    static func decode(_ reader: OSMPBFReader, inflated: [PBFPrimitiveBlock], nodeBlocks: Set<Int>, limit: LookAheadLimit,
                       budget: Int, profile: OSMProfile, stop: LookAheadStop) -> NodesAhead {
        var out = NodesAhead()
        // Room for the nodes the look-ahead is likely to read, reserved once: growing by
        // copying was a fifth of its time (the rest of the budget grows as needed).
        out.ids.reserveCapacity(min(budget, 1 << 22))
        out.nodes.reserveCapacity(min(budget, 1 << 22))
        // Decodes one block's nodes; false ends the look-ahead.
        func take(_ block: PBFPrimitiveBlock) -> Bool {
            switch limit {
            case .untilIndexBuilt: guard !stop.isSet, out.ids.count < budget else { return false }
            case .blocks(let count): guard out.blocks.count < count else { return false }
            }
            let before = out.ids.count
            do {
                try block.forEachNode(lookup: { _ in () }) { (_, node) in
                    out.ids.append(node.id)
                    out.nodes.append(OSMImporter.keptNode(node, profile: profile))
                }
            } catch {
                out.ids.removeSubrange(before...)
                out.nodes.removeSubrange(before...)
                return false
            }
            out.blocks.insert(block.index)
            return true
        }
        for block in inflated where !take(block) { return out }
        let last = inflated.last?.index ?? -1
        reader.decodeInOrder(skip: { !nodeBlocks.contains($0) || $0 <= last }, take)
        return out
    }

    /// Places the nodes the kept ways use, looked up on all cores. Ids in strictly
    /// increasing order (a sorted file's) are all different, so no two records land on
    /// one node and they are placed on all cores too; otherwise they are placed in file
    /// order, where a later record of an id wins, as in pass 2.
    func place(into wayNodes: inout WayNodes) {
        let index = wayNodes.index
        let count = ids.count
        guard count > 0 else { return }
        let chunk = 65_536, chunks = (count + chunk - 1) / chunk
        let increasing = ids.withUnsafeBufferPointer { ids in (1..<ids.count).allSatisfy { ids[$0 - 1] < ids[$0] } }
        if increasing {
            ids.withUnsafeBufferPointer { ids in
            nodes.withUnsafeBufferPointer { records in
            wayNodes.nodes.withUnsafeMutableBufferPointer { placed in
            wayNodes.present.withUnsafeMutableBufferPointer { present in
                let ids = UncheckedSendable(ids), records = UncheckedSendable(records)
                let placed = UncheckedSendable(placed), present = UncheckedSendable(present)
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    for i in c * chunk..<min(count, (c + 1) * chunk) {
                        guard let k = index.find(ids.value[i]) else { continue }
                        placed.value[Int(k)] = records.value[i]
                        present.value[Int(k)] = true
                    }
                }
            } } } }
            return
        }
        let found = [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = UncheckedSendable(buffer.baseAddress!)
            ids.withUnsafeBufferPointer { ids in
                let ids = UncheckedSendable(ids)
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    for i in c * chunk..<min(count, (c + 1) * chunk) {
                        (slots.value + i).initialize(to: index.find(ids.value[i]) ?? -1)
                    }
                }
            }
            initialized = count
        }
        for i in 0..<count where found[i] >= 0 { wayNodes.set(nodes[i], at: found[i]) }
    }
}

/// How far pass 2's look-ahead goes.
enum LookAheadLimit: Sendable {
    /// Until the node index is built, within the budget (imports).
    case untilIndexBuilt
    /// This many node blocks, or until damage (tests).
    case blocks(Int)
}

/// Tells pass 2's look-ahead that the node index is built.
final class LookAheadStop: Sendable {
    private let flag = Atomic<Bool>(false)
    func set() { flag.store(true, ordering: .releasing) }
    var isSet: Bool { flag.load(ordering: .acquiring) }
}
