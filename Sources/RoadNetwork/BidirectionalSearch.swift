extension RoadGraph {
    /// Point-to-point travel time by bidirectional Dijkstra: a forward search from
    /// `source` and a backward one from `target`, alternating by the smaller heap key,
    /// until the two frontiers' keys sum to at least the best meeting found. Settles
    /// roughly half the nodes of a one-directional search for the same route.
    ///
    /// Returns the best meeting node and total hours, or `nil` when unreachable; the
    /// two workspaces then hold the two halves of the route.
    func _bidirectional<Cost: _EdgeCost>(from source: Int, to target: Int, cost: Cost,
                                         forward wsF: inout SearchWorkspace,
                                         backward wsB: inout SearchWorkspace) -> (meet: Int, hours: Double)? {
        wsF.nextGeneration(); wsB.nextGeneration()
        wsF.direction = .forward; wsB.direction = .backward
        wsF.hasRoutes = true; wsB.hasRoutes = true
        let genF = wsF.generation, genB = wsB.generation
        let stateF = wsF.state, stateB = wsB.state
        var heapF = _QuaternaryHeap(keys: wsF.heapKeys, items: wsF.heapItems, state: stateF)
        var heapB = _QuaternaryHeap(keys: wsB.heapKeys, items: wsB.heapItems, state: stateB)
        for (state, gen, ws, v) in [(stateF, genF, wsF.parentNode, source), (stateB, genB, wsB.parentNode, target)] {
            state[v].stamp = gen
            state[v].dist = 0
            ws[v] = -1
        }
        wsF.parentEdge[source] = -1
        wsB.parentEdge[target] = -1
        heapF.push(Int32(source), 0)
        heapB.push(Int32(target), 0)
        var best = source == target ? 0.0 : Double.infinity
        var meet = source == target ? source : -1

        firstOut.withUnsafeBufferPointer { firstOut in
        head.withUnsafeBufferPointer { head in
        firstIn.withUnsafeBufferPointer { firstIn in
        inTail.withUnsafeBufferPointer { inTail in
        inEdge.withUnsafeBufferPointer { inEdge in
            while heapF.count > 0 && heapB.count > 0 {
                let topF = heapF.keys[0], topB = heapB.keys[0]
                if topF + topB >= best { break }
                // Expand the side whose frontier is closer: it keeps the two balls even.
                let forward = topF <= topB
                let (u32, du) = forward ? heapF.popMin() : heapB.popMin()
                let u = Int(u32)
                let offsets = forward ? firstOut.start : firstIn.start
                let neighbours = forward ? head.start : inTail.start
                let mine = forward ? stateF : stateB, other = forward ? stateB : stateF
                let myGen = forward ? genF : genB, otherGen = forward ? genB : genF
                let parentNode = forward ? wsF.parentNode : wsB.parentNode
                let parentEdge = forward ? wsF.parentEdge : wsB.parentEdge
                for i in Int(offsets[u])..<Int(offsets[u + 1]) {
                    let v = Int(neighbours[i])
                    let e = forward ? i : Int(inEdge[i])
                    let d = du + cost.cost(e)
                    guard d < best else { continue } // also skips closed edges (∞)
                    let sv = mine + v
                    if sv.pointee.stamp != myGen {
                        sv.pointee.stamp = myGen
                        sv.pointee.dist = d
                        parentNode[v] = u32
                        parentEdge[v] = Int32(truncatingIfNeeded: e)
                        if forward { heapF.push(Int32(truncatingIfNeeded: v), d) } else { heapB.push(Int32(truncatingIfNeeded: v), d) }
                    } else if d < sv.pointee.dist && sv.pointee.heapPosition >= 0 {
                        sv.pointee.dist = d
                        parentNode[v] = u32
                        parentEdge[v] = Int32(truncatingIfNeeded: e)
                        if forward { heapF.decrease(Int32(truncatingIfNeeded: v), to: d) } else { heapB.decrease(Int32(truncatingIfNeeded: v), to: d) }
                    } else {
                        continue
                    }
                    if other[v].stamp == otherGen {
                        let total = d + other[v].dist
                        if total < best { best = total; meet = v }
                    }
                }
            }
        }}}}}
        return meet >= 0 ? (meet, best) : nil
    }

    /// The route found by ``_bidirectional(from:to:cost:forward:backward:)``.
    func _joinedRoute(meet: Int, hours: Double, forward wsF: borrowing SearchWorkspace,
                      backward wsB: borrowing SearchWorkspace) -> Route {
        var nodes = [NodeID(meet)], edges: [EdgeID] = []
        var length = 0.0
        var v = meet
        while wsF.parentNode[v] >= 0 {
            let e = Int(wsF.parentEdge[v])
            edges.append(EdgeID(e)); length += lengths[e]
            v = Int(wsF.parentNode[v])
            nodes.append(NodeID(v))
        }
        nodes.reverse(); edges.reverse()
        v = meet
        while wsB.parentNode[v] >= 0 {
            let e = Int(wsB.parentEdge[v])
            edges.append(EdgeID(e)); length += lengths[e]
            v = Int(wsB.parentNode[v])
            nodes.append(NodeID(v))
        }
        return Route(nodes: nodes, edges: edges, length: length, hours: hours)
    }

    /// The fastest route between two nodes by bidirectional Dijkstra, reusing two
    /// workspaces (one per direction) so that repeated queries allocate only the route.
    /// - Throws: ``RoadGraphError`` for unknown nodes, an overlay made for another
    ///   graph, or a workspace too small for the graph.
    public func shortestPath(from source: NodeID, to target: NodeID, overlay: DisruptionOverlay? = nil,
                             forward wsF: inout SearchWorkspace,
                             backward wsB: inout SearchWorkspace) throws(RoadGraphError) -> Route? {
        guard wsF.capacity >= nodeCount, wsB.capacity >= nodeCount else { throw .tooLarge("graph for this workspace") }
        guard contains(source) else { throw .unknownNode(source.index) }
        guard contains(target) else { throw .unknownNode(target.index) }
        if let overlay, overlay.edgeCount != edgeCount {
            throw .overlayMismatch(expectedEdges: edgeCount, actualEdges: overlay.edgeCount)
        }
        let s = source.index, t = target.index
        let found: (meet: Int, hours: Double)? = baseHours.withUnsafeBufferPointer { hours in
            guard let overlay, !overlay.isEmpty else {
                return _bidirectional(from: s, to: t, cost: _BaseCost(hours: hours.start), forward: &wsF, backward: &wsB)
            }
            return overlay.classFactors.withUnsafeBufferPointer { factors in
                roadClasses.withUnsafeBufferPointer { classes in
                    let classCost = _ClassCost(hours: hours.start, classes: classes.start, factors: factors.start)
                    if overlay.edgeFactors.isEmpty {
                        return _bidirectional(from: s, to: t, cost: classCost, forward: &wsF, backward: &wsB)
                    }
                    return overlay.marked.withUnsafeBufferPointer { marked in
                        _bidirectional(from: s, to: t, cost: _OverlayCost(base: classCost, marked: marked.start,
                                                                          edgeFactors: overlay.edgeFactors),
                                       forward: &wsF, backward: &wsB)
                    }
                }
            }
        }
        guard let found else { return nil }
        return _joinedRoute(meet: found.meet, hours: found.hours, forward: wsF, backward: wsB)
    }
}
