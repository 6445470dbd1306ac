import ReserveModel
import RoadNetwork

extension BundleNetwork {
    /// The disruption overlay of all of a scenario's incidents (closures, slowed
    /// roads, area-wide factors, bridges and fords closed inside a polygon), and a
    /// sentence for each disruption that names no road of the network.
    ///
    /// Bundles give *speed* multipliers (0.5 = half speed); the overlay scales travel
    /// *time*, so each factor f becomes 1 / f, and f = 0 closes the roads. A closure
    /// without a polygon (a whole road class, or every road) cannot be expressed and
    /// is an error, as is a factor that is not a finite number ≥ 0.
    ///
    /// - Throws: ``BundleNetworkError/invalidDisruptionFactor(incident:factor:)``.
    public func overlay(for scenario: Scenario) throws(BundleNetworkError) -> (overlay: DisruptionOverlay, warnings: [String]) {
        var overlay = DisruptionOverlay(for: graph)
        var warnings: [String] = []
        for incident in scenario.incidents {
            let d = incident.roadDisruptions
            func timeFactor(_ speedFactor: Double) throws(BundleNetworkError) -> Double {
                guard speedFactor >= 0, speedFactor.isFinite else {
                    throw .invalidDisruptionFactor(incident: incident.id, factor: speedFactor)
                }
                return speedFactor > 0 ? 1 / speedFactor : .infinity
            }
            for pair in d.closedEdges {
                guard let a = node(pair.from), let b = node(pair.to),
                      let closed = try? overlay.closeRoad(between: a, and: b, in: graph), closed > 0 else {
                    warnings.append("incident \(incident.id): closed road \(pair.from)–\(pair.to) is not in the network")
                    continue
                }
            }
            for slowed in d.slowedEdges {
                let factor = try timeFactor(slowed.factor)
                guard let a = node(slowed.from), let b = node(slowed.to),
                      let count = try? overlay.scaleRoad(between: a, and: b, by: factor, in: graph), count > 0 else {
                    warnings.append("incident \(incident.id): slowed road \(slowed.from)–\(slowed.to) is not in the network")
                    continue
                }
            }
            for area in d.areaFactors {
                let factor = try timeFactor(area.factor)
                let classes = area.roadClasses.flatMap { $0.isEmpty ? nil : $0 }
                if let polygon = area.polygon, polygon.count >= 3 {
                    let ring = polygon.compactMap { $0.count >= 2 ? GeoCoordinate(latitude: $0[1], longitude: $0[0]) : nil }
                    let wanted = classes.map { Set($0.compactMap { RoadClass(parsing: $0) }) }
                    do {
                        try overlay.scale(inside: GeoPolygon(outer: ring), by: factor, in: graph, classes: wanted)
                    } catch {
                        throw .invalidDisruptionFactor(incident: incident.id, factor: area.factor)
                    }
                    continue
                }
                guard factor.isFinite else { throw .invalidDisruptionFactor(incident: incident.id, factor: area.factor) }
                if let classes {
                    for name in classes {
                        if let roadClass = RoadClass(parsing: name) {
                            do { try overlay.scale(roadClass, by: factor) } catch {
                                throw .invalidDisruptionFactor(incident: incident.id, factor: area.factor)
                            }
                        } else {
                            warnings.append("incident \(incident.id): unknown road class '\(name)' in an area factor")
                        }
                    }
                } else {
                    do { try overlay.scaleAll(by: factor) } catch {
                        throw .invalidDisruptionFactor(incident: incident.id, factor: area.factor)
                    }
                }
            }
            for (j, closure) in d.closedCrossings.enumerated() {
                let closed = close(closure, in: &overlay)
                if closed == 0 {
                    warnings.append("incident \(incident.id): closed crossings [\(j)] (\(closure.crossings.joined(separator: ", "))) meet no road of the network")
                }
            }
        }
        return (overlay, warnings)
    }
}

extension BundleNetwork {
    /// Closes, in both directions the road was built, every road of ``crossings``
    /// that `closure` selects and whose polyline meets its polygon.
    /// - Returns: the number of directed edges closed.
    @discardableResult
    public func close(_ closure: CrossingClosure, in overlay: inout DisruptionOverlay) -> Int {
        var count = 0
        for road in crossings.roads where closure.closes(road.attributes, polyline: road.polyline) {
            for edge in crossings.edges(of: road, in: graph) {
                // The edge ids come from this graph, so closing cannot fail.
                try? overlay.close(edge)
                count += 1
            }
        }
        return count
    }

    /// The road-table rows (as `from`/`to` node ids) that `closure` closes, in table
    /// order: what a report lists or draws.
    public func roads(closedBy closure: CrossingClosure) -> [NodePair] {
        crossings.roads.filter { closure.closes($0.attributes, polyline: $0.polyline) }.compactMap { road in
            guard let names = graph.nodeNames else { return nil }
            return NodePair(from: RoadNodeID(names[road.from.index]), to: RoadNodeID(names[road.to.index]))
        }
    }
}
