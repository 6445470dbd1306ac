import RoadNetwork

/// An ``ImportedRoadStore``'s arrays opened as raw buffers for one block of table rows.
///
/// Every core formats rows at once, and reading an array through the store object
/// retains and releases its buffer at each access: one reference count written from
/// every core, millions of times (the third round measured such a count at 6 % of an
/// import). Opened once per block, the rows read plain memory.
struct StoreRows {
    let pieces: UnsafeBufferPointer<OSMNetworkBuilder.Piece>
    let nodeVertex: UnsafeBufferPointer<Int32>
    let vertexOSMID: UnsafeBufferPointer<Int64>, vertexCopy: UnsafeBufferPointer<Int32>
    let vertexPoint: UnsafeBufferPointer<Int32>
    let ways: UnsafeBufferPointer<KeptWay>, wayClass: UnsafeBufferPointer<RoadClass>, waySpeed: UnsafeBufferPointer<Double>
    let refs: UnsafeBufferPointer<Int32>, mergedPoints: UnsafeBufferPointer<Int32>, points: UnsafeBufferPointer<KeptNode>
    let wayLists: [[Int64]]
    /// The node id prefix's bytes (`n`, `s`; at most 16).
    let prefix: SIMD16<UInt8>, prefixCount: Int

    /// Calls `body` with `store`'s arrays open.
    static func open<R>(_ store: ImportedRoadStore, _ body: (StoreRows) -> R) -> R {
        store.pieces.withUnsafeBufferPointer { pieces in
        store.nodeVertex.withUnsafeBufferPointer { nodeVertex in
        store.vertexOSMID.withUnsafeBufferPointer { vertexOSMID in
        store.vertexCopy.withUnsafeBufferPointer { vertexCopy in
        store.vertexPoint.withUnsafeBufferPointer { vertexPoint in
        store.ways.withUnsafeBufferPointer { ways in
        store.wayClass.withUnsafeBufferPointer { wayClass in
        store.waySpeed.withUnsafeBufferPointer { waySpeed in
        store.refs.withUnsafeBufferPointer { refs in
        store.mergedPoints.withUnsafeBufferPointer { mergedPoints in
        store.points.withUnsafeBufferPointer { points in
            var prefix = SIMD16<UInt8>()
            let bytes = Array(store.nodePrefix.utf8.prefix(16))
            for (k, byte) in bytes.enumerated() { prefix[k] = byte }
            return body(StoreRows(pieces: pieces, nodeVertex: nodeVertex, vertexOSMID: vertexOSMID,
                                  vertexCopy: vertexCopy, vertexPoint: vertexPoint, ways: ways, wayClass: wayClass, waySpeed: waySpeed,
                                  refs: refs, mergedPoints: mergedPoints, points: points, wayLists: store.wayLists,
                                  prefix: prefix, prefixCount: bytes.count))
        } } } } } } } } } } }
    }

    /// Vertex `v`'s position.
    @inline(__always) func position(vertex v: Int) -> GeoCoordinate { points[Int(vertexPoint[v])].coordinate }

    /// A vertex's node id, `<prefix><id>` or `<prefix><id>b<copy>`, written from its
    /// digits (``OSMNetworkBuilder/writeVertexName(prefix:id:copy:to:)``; never quoted: no
    /// comma, quote or line break can occur in it). At most 16 + 20 + 1 + 11 bytes. Only
    /// for ids the position text could not keep (``NodeCoordinateText/putName(_:_:to:)``).
    func putName(vertex v: Int, to row: inout RowCursor) {
        let (id, copy) = (vertexOSMID[v], vertexCopy[v])
        withUnsafeBytes(of: prefix) { bytes in
            let head = UnsafeRawBufferPointer(rebasing: bytes[0..<prefixCount])
            row.put(writing: { OSMNetworkBuilder.writeVertexName(prefix: head, id: id, copy: copy, to: $0) })
        }
    }
}
