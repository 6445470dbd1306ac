/// A uniform grid over node coordinates for nearest-node queries.
///
/// Coordinates are projected equirectangularly (longitude scaled by the cosine of
/// the mean latitude), which keeps distances within a region accurate to well under
/// a percent; cells are square with about two nodes each, stored in CSR form.
public struct SpatialGrid: Sendable {
    @usableFromInline let originX: Double
    @usableFromInline let originY: Double
    @usableFromInline let cellSize: Double
    @usableFromInline let columns: Int
    @usableFromInline let rows: Int
    @usableFromInline let lonScale: Double
    @usableFromInline let cellStart: [Int32]
    @usableFromInline let cellNodes: [Int32]
    @usableFromInline let xs: [Double]
    @usableFromInline let ys: [Double]

    /// Builds the grid. Invalid coordinates (NaN, out of range) are left out of it.
    /// - Complexity: O(n).
    public init(coordinates: [GeoCoordinate]) {
        let valid = coordinates.indices.filter { coordinates[$0].isValid }
        var meanLat = 0.0
        for i in valid { meanLat += coordinates[i].latitude }
        meanLat = valid.isEmpty ? 0 : meanLat / Double(valid.count)
        let scale = max(0.01, _cos(meanLat * .pi / 180))
        var xs = [Double](repeating: .nan, count: coordinates.count)
        var ys = [Double](repeating: .nan, count: coordinates.count)
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for i in valid {
            let x = coordinates[i].longitude * scale, y = coordinates[i].latitude
            xs[i] = x; ys[i] = y
            minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
        }
        if valid.isEmpty { minX = 0; minY = 0; maxX = 0; maxY = 0 }
        let width = max(maxX - minX, 1e-9), height = max(maxY - minY, 1e-9)
        let targetCells = max(1.0, Double(valid.count) / 2)
        // Cap the grid at 32768 cells a side so skewed extents cannot blow up memory.
        let size = max((width * height / targetCells).squareRoot(), width / 32000, height / 32000, 1e-9)
        let columns = Int(width / size) + 1
        let rows = Int(height / size) + 1
        var cellStart = [Int32](repeating: 0, count: columns * rows + 1)
        var cellOf = [Int](repeating: 0, count: coordinates.count)
        for i in valid {
            let cx = min(columns - 1, Int((xs[i] - minX) / size))
            let cy = min(rows - 1, Int((ys[i] - minY) / size))
            cellOf[i] = cy * columns + cx
            cellStart[cellOf[i] + 1] += 1
        }
        for c in 0..<(columns * rows) { cellStart[c + 1] += cellStart[c] }
        var next = cellStart
        var cellNodes = [Int32](repeating: 0, count: valid.count)
        for i in valid {
            cellNodes[Int(next[cellOf[i]])] = Int32(i)
            next[cellOf[i]] += 1
        }
        self.originX = minX; self.originY = minY; self.cellSize = size
        self.columns = columns; self.rows = rows; self.lonScale = scale
        self.cellStart = cellStart; self.cellNodes = cellNodes; self.xs = xs; self.ys = ys
    }

    /// Bytes held by the grid.
    public var memoryFootprint: Int { cellStart.count * 4 + cellNodes.count * 4 + xs.count * 16 }

    /// The node nearest to a point in the projected plane, or `nil` when the grid is empty
    /// or the point is invalid.
    ///
    /// Searches rings of cells outward from the point's cell and stops once the ring's
    /// lower distance bound exceeds the best node found.
    /// - Complexity: O(1) expected for points near the network.
    public func nearest(to point: GeoCoordinate) -> NodeID? {
        nearest(to: point, where: { _ in true })
    }

    /// The nearest node that satisfies `isAllowed`, or `nil` when none does.
    ///
    /// Use it to keep points off tiny islands of the network, e.g. only nodes of the
    /// largest strongly connected component.
    /// - Complexity: grows with the distance to the nearest allowed node.
    public func nearest(to point: GeoCoordinate, where isAllowed: (NodeID) -> Bool) -> NodeID? {
        guard !cellNodes.isEmpty, point.isValid else { return nil }
        let px = point.longitude * lonScale, py = point.latitude
        let cx = clamp(Int(((px - originX) / cellSize).rounded(.down)), columns)
        let cy = clamp(Int(((py - originY) / cellSize).rounded(.down)), rows)
        var best: Int32 = -1
        var bestD2 = Double.infinity
        var ring = 0
        let maxRing = max(columns, rows)
        while ring <= maxRing {
            visitRing(cx, cy, ring) { cell in
                for k in Int(cellStart[cell])..<Int(cellStart[cell + 1]) {
                    let i = Int(cellNodes[k])
                    guard isAllowed(NodeID(Int32(i))) else { continue }
                    let dx = xs[i] - px, dy = ys[i] - py
                    let d2 = dx * dx + dy * dy
                    if d2 < bestD2 || (d2 == bestD2 && Int32(i) < best) { bestD2 = d2; best = Int32(i) }
                }
            }
            let bound = Double(ring) * cellSize
            if best >= 0 && bestD2 <= bound * bound { break }
            ring += 1
        }
        return best >= 0 ? NodeID(best) : nil
    }

    private func clamp(_ v: Int, _ count: Int) -> Int { min(max(v, 0), count - 1) }

    private func visitRing(_ cx: Int, _ cy: Int, _ r: Int, _ body: (Int) -> Void) {
        if r == 0 { body(cy * columns + cx); return }
        let x0 = cx - r, x1 = cx + r, y0 = cy - r, y1 = cy + r
        // Each side only when it exists: looping over the cells first and testing the
        // side inside made a ring far outside a one-column (one-row) grid cost
        // O(rows) (O(columns)), and a far query O(rows²).
        let xa = max(x0, 0), xb = min(x1, columns - 1)
        if xa <= xb {
            if y0 >= 0 { for x in xa...xb { body(y0 * columns + x) } }
            if y1 < rows { for x in xa...xb { body(y1 * columns + x) } }
        }
        let ya = max(y0 + 1, 0), yb = min(y1 - 1, rows - 1)
        if ya <= yb {
            if x0 >= 0 { for y in ya...yb { body(y * columns + x0) } }
            if x1 < columns { for y in ya...yb { body(y * columns + x1) } }
        }
    }
}

/// A point snapped to its nearest node, with the access leg from the point to it.
public struct SnappedPoint: Hashable, Sendable {
    /// The point that was snapped.
    public var point: GeoCoordinate
    /// The nearest node.
    public var node: NodeID
    /// Great-circle distance from the point to the node in km.
    public var distanceKm: Double
    /// Time for the access leg in hours, at the access speed given to the snap.
    public var accessHours: Double
    /// Whether the snapping distance exceeded the warning threshold: the point is
    /// probably off the network (a wrong coordinate, or a missing road).
    public var isFar: Bool

    /// A snapped point from its parts.
    public init(point: GeoCoordinate, node: NodeID, distanceKm: Double, accessHours: Double, isFar: Bool) {
        self.point = point
        self.node = node
        self.distanceKm = distanceKm
        self.accessHours = accessHours
        self.isFar = isFar
    }

    /// A node of `graph` as a point on the network: no access leg.
    public init?(node: NodeID, in graph: RoadGraph) {
        guard graph.contains(node), let c = graph.coordinate(of: node) else { return nil }
        self.init(point: c, node: node, distanceKm: 0, accessHours: 0, isFar: false)
    }
}

extension RoadGraph {
    /// Snaps a point to the nearest node and prices the access leg.
    ///
    /// - Parameters:
    ///   - accessSpeedKmh: speed of the straight-line leg between point and node.
    ///   - warnBeyondKm: snapping distance above which ``SnappedPoint/isFar`` is set.
    /// - Throws: ``RoadGraphError/noCoordinates`` without coordinates,
    ///   ``RoadGraphError/invalidCoordinate(_:)`` for an invalid point.
    /// - Complexity: O(1) expected (grid search, not a scan).
    public func snap(_ point: GeoCoordinate, accessSpeedKmh: Double = 20,
                     warnBeyondKm: Double = 1) throws(RoadGraphError) -> SnappedPoint {
        try snap(point, accessSpeedKmh: accessSpeedKmh, warnBeyondKm: warnBeyondKm, where: { _ in true })
    }

    /// Snaps a point to the nearest node satisfying `isAllowed` and prices the access leg.
    ///
    /// ```swift
    /// // Keep depots and areas off islands that nothing can reach:
    /// let scc = graph.stronglyConnectedComponents()
    /// let snapped = try graph.snap(point, where: { scc.component(of: $0) == scc.largest })
    /// ```
    /// - Throws: as ``snap(_:accessSpeedKmh:warnBeyondKm:)``, and
    ///   ``RoadGraphError/noAllowedNode`` when no node is allowed.
    public func snap(_ point: GeoCoordinate, accessSpeedKmh: Double = 20, warnBeyondKm: Double = 1,
                     where isAllowed: (NodeID) -> Bool) throws(RoadGraphError) -> SnappedPoint {
        guard let spatialIndex, let coordinates else { throw .noCoordinates }
        guard point.isValid else { throw .invalidCoordinate(point) }
        guard accessSpeedKmh > 0, accessSpeedKmh.isFinite else { throw .invalidSpeed(accessSpeedKmh) }
        guard let node = spatialIndex.nearest(to: point, where: isAllowed) else { throw .noAllowedNode }
        let d = point.distanceKm(to: coordinates[node.index])
        return SnappedPoint(point: point, node: node, distanceKm: d, accessHours: d / accessSpeedKmh,
                            isFar: d > warnBeyondKm)
    }
}
