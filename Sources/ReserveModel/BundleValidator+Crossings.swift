// Checks of `road_disruptions.closed_crossings`: the words, the polygon, and whether
// the closure closes any road of the bundle at all.
extension BundleValidator {
    func checkCrossingClosures(_ closures: [CrossingClosure], _ base: String, _ ref: (String) -> RecordReference,
                               _ index: BundleIndex, _ b: ReserveBundle, _ c: inout ProblemCollector) {
        let known = RoadCrossingKind.allCases.map(\.rawValue).joined(separator: ", ")
        for (j, closure) in closures.enumerated() {
            let path = base + "[\(j)]"
            if closure.crossings.isEmpty {
                c.error(ref(path + ".crossings"), "crossings.none", ["known": known])
            }
            for (k, word) in closure.crossings.enumerated() where RoadCrossingKind(rawValue: word) == nil {
                c.error(ref(path + ".crossings[\(k)]"), "crossings.unknown", ["value": word, "known": known])
            }
            guard let ring = closure.polygon else {
                if let file = closure.polygonFile {
                    c.error(ref(path + ".polygon_file"), "crossings.fileNotRead", ["file": file])
                } else {
                    c.error(ref(path + ".polygon"), "crossings.noPolygon")
                }
                continue
            }
            let before = c.problems.count
            Self.checkRing(ring, ref(path + ".polygon"), &c)
            guard c.problems.count == before, !closure.kinds.isEmpty else { continue }
            let closed = b.roadEdges.indices.filter { i in
                let e = b.roadEdges[i]
                guard closure.selects(e.attributes) else { return false }
                if let g = e.attributes?.geometry, g.count >= 2 { return closure.meets(g) }
                let from = Int(index.roadFrom[i]), to = Int(index.roadTo[i])
                guard from >= 0, to >= 0 else { return false }
                return closure.meets([b.roadNodes[from].point, b.roadNodes[to].point])
            }
            if closed.isEmpty {
                let kinds = closure.crossings.joined(separator: ", ")
                c.warning(ref(path), "crossings.closesNothing", ["kinds": kinds])
            }
        }
    }
}
