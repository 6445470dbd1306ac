import RoadNetwork

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
/// therefore bounded by the network kept, not by the file. Both passes decode blocks
/// on all cores.
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
        for way in data.ways {
            if let attributes = OSMTagRules.attributes(of: way.tags, profile: options.profile) {
                ways.append(KeptWay(id: way.id, refs: way.nodeRefs, attributes: attributes))
                builder.report.waysByHighway[attributes.highway, default: 0] += 1
            } else {
                builder.report.waysSkipped += 1
            }
        }
        var wayNodes = WayNodes(ways: ways)
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

    private static func importPBF(_ reader: OSMPBFReader, options: OSMImportOptions) throws(RoadImportError) -> ImportedRoadNetwork {
        var builder = OSMNetworkBuilder(options: options)
        let profile = options.profile
        // Pass 1: drivable ways; remember which blocks hold nodes.
        struct WayBlock: Sendable { var ways: [KeptWay]; var highways: [String: Int] = [:]; var skipped: Int; var hasNodes: Bool; var index: Int }
        var ways: [KeptWay] = []
        var nodeBlocks = Set<Int>()
        try reader.scan({ (block: PBFPrimitiveBlock) throws(RoadImportError) -> WayBlock in
            var out = WayBlock(ways: [], skipped: 0, hasNodes: block.hasNodes, index: block.index)
            // A way with neither key is never drivable: its tags are not even read.
            out.skipped += try block.forEachTaggedWay(withAnyKey: OSMTagRules.roadKeys) { id, refs, tags in
                if let attributes = OSMTagRules.attributes(of: tags, profile: profile) {
                    out.ways.append(KeptWay(id: id, refs: refs, attributes: attributes))
                    out.highways[attributes.highway, default: 0] += 1
                } else {
                    out.skipped += 1
                }
            }
            return out
        }, consume: { part in
            // Counted per block on the workers, not per way here.
            for (highway, count) in part.highways { builder.report.waysByHighway[highway, default: 0] += count }
            ways += part.ways
            builder.report.waysSkipped += part.skipped
            if part.hasNodes { nodeBlocks.insert(part.index) }
        })
        var wayNodes = WayNodes(ways: ways)
        // Pass 2: only blocks with nodes, only nodes the kept ways use.
        let index = wayNodes.index
        let nodeBlockSet = nodeBlocks
        try reader.scan(skip: { !nodeBlockSet.contains($0) }, { (block: PBFPrimitiveBlock) throws(RoadImportError) -> [(Int32, KeptNode)] in
            var out: [(Int32, KeptNode)] = []
            try block.forEachNode(lookup: { index.find($0) }) { k, node in out.append((k, keptNode(node, profile: profile))) }
            return out
        }, consume: { part in
            for (k, node) in part { wayNodes.set(node, at: k) }
        })
        return try builder.build(ways: ways, nodes: wayNodes)
    }
}
