import RoadNetwork

/// The nodes the kept ways reference, densely indexed: each way's refs as dense
/// indices in one flat array, how often each node is used, and (after the second
/// pass) each node's position and flags.
///
/// Dense indices follow the first use in way order, so the same ways always give
/// the same numbering. Flat arrays instead of `[Int64: …]` dictionaries: hashing
/// node ids was the largest cost of building a network (docs/decisions.md).
struct WayNodes: Sendable {
    /// Node id → dense index.
    private(set) var index: NodeIndex
    /// Every kept way's refs, dense, way after way.
    private(set) var refs: [Int32] = []
    /// Way `w`'s refs are `refs[refStart[w]..<refStart[w + 1]]`.
    private(set) var refStart: [Int] = [0]
    /// References per node by the kept ways (junctions have ≥ 2).
    private(set) var useCounts: [Int32] = []
    /// Position and flags per node; meaningful only where `present`.
    var nodes: [KeptNode] = []
    /// Whether the file held the node.
    var present: [Bool] = []

    init(refs wayRefs: WayRefs) {
        let total = wayRefs.ids.count
        index = NodeIndex(capacity: total / 2 + 16)
        refs.reserveCapacity(total)
        refStart.reserveCapacity(wayRefs.ends.count + 1)
        useCounts.reserveCapacity(total / 2 + 16)
        wayRefs.ids.withUnsafeBufferPointer { ids in
            var start = 0
            for end in wayRefs.ends {
                for i in start..<end {
                    // The table is tens of megabytes and most of the time went on waiting
                    // for each probe's line: the probe 16 references ahead is prefetched.
                    if i + 16 < ids.count { index.prefetch(ids[i + 16]) }
                    let k = index.insert(ids[i])
                    if Int(k) == useCounts.count { useCounts.append(0) }
                    useCounts[Int(k)] += 1
                    refs.append(k)
                }
                refStart.append(refs.count)
                start = end
            }
        }
        nodes = [KeptNode](repeating: KeptNode(coordinate: GeoCoordinate(latitude: 0, longitude: 0), blocks: false, ford: false),
                           count: index.count)
        present = [Bool](repeating: false, count: index.count)
        count = index.count
    }

    /// Number of distinct nodes referenced.
    private(set) var count = 0

    /// Frees the id → dense index table once nothing looks ids up any more (``id(_:)``
    /// keeps working; ``index`` must not be asked after).
    mutating func releaseIndex() { index.releaseTable() }

    /// The OSM id of dense node `k`.
    func id(_ k: Int32) -> Int64 { index.ids[Int(k)] }

    /// Records node `id` when a kept way uses it (later records win, as in a dictionary).
    mutating func set(_ node: KeptNode, id: Int64) {
        guard let k = index.find(id) else { return }
        nodes[Int(k)] = node
        present[Int(k)] = true
    }

    /// Records dense node `k`.
    mutating func set(_ node: KeptNode, at k: Int32) {
        nodes[Int(k)] = node
        present[Int(k)] = true
    }
}
