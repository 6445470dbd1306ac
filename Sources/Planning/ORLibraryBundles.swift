import BundleIO
import Foundation
import ReserveModel

/// Turns OR-Library instances into bundles that `BundleReader` loads and
/// ``BundleSiting`` sites (docs/formats.md, "Siting files").
public enum ORLibraryBundles {
    /// Synthetic position of pmed node `k` (0-based): a square grid 0.01° apart from
    /// 30° N 110° E, so that every area centroid snaps exactly onto its own node.
    public static func syntheticPoint(_ k: Int, nodeCount: Int) -> GeoPoint {
        let side = max(1, Int(Double(nodeCount).squareRoot().rounded(.up)))
        return GeoPoint(lat: 30 + Double(k / side) * 0.01, lon: 110 + Double(k % side) * 0.01)
    }

    /// A p-median bundle: road nodes `v1…vn` at synthetic positions, one two-way road
    /// per edge (after OR-Library's overwrite rule, self-loops dropped) whose length
    /// in km is the edge cost at a speed of 1 km/h, so hours equal the OR-Library
    /// distance; areas `n1…nn` (village level, population 1) at the nodes. Every area
    /// is a candidate (no `candidates.csv`: leaf-area centroids are the default).
    public static func pMedianBundle(_ instance: ORLibraryPMedian, name: String) -> ReserveBundle {
        var manifest = BundleManifest(name: name)
        manifest.description = "OR-Library p-median instance \(name) (Beasley 1985): n = \(instance.nodeCount), p = \(instance.p). "
            + "Edge costs are road lengths in km at 1 km/h; node positions are synthetic. Solve with: reserve site DIR --objective p-median --count \(instance.p)"
        let n = instance.nodeCount
        let nodes = (0..<n).map { k -> RoadNodeRecord in
            let p = syntheticPoint(k, nodeCount: n)
            return RoadNodeRecord(id: RoadNodeID("v\(k + 1)"), lat: p.lat, lon: p.lon)
        }
        let edges = instance.edges.filter { $0.0 != $0.1 }.map {
            RoadEdgeRecord(from: RoadNodeID("v\($0.0 + 1)"), to: RoadNodeID("v\($0.1 + 1)"), lengthKm: $0.2, roadClass: "county", speedKmh: 1)
        }
        let areas = (0..<n).map {
            AdministrativeArea(id: AreaID("n\($0 + 1)"), name: "node \($0 + 1)", level: .village, population: 1,
                               centroid: syntheticPoint($0, nodeCount: n))
        }
        return ReserveBundle(manifest: manifest, areas: areas, roadNodes: nodes, roadEdges: edges)
    }

    /// A capacitated-location bundle: customers become areas `C1…Cn` (village level,
    /// population = demand, no position); `candidates.csv` lists warehouses `W1…Wm`
    /// with capacity and fixed cost; `od.csv` holds every warehouse–customer pair with
    /// `cost` = the cost of serving all of the customer's demand and `hours` = cost ÷
    /// demand. Returns the bundle and the two extra files (name, text).
    public static func capacitatedBundle(_ instance: ORLibraryCapacitated, name: String) -> (ReserveBundle, [(String, String)]) {
        var manifest = BundleManifest(name: name)
        manifest.description = "OR-Library capacitated warehouse location instance \(name) (Beasley 1988): \(instance.warehouseCount) warehouses, "
            + "\(instance.customerCount) customers. Solve with: reserve site DIR --objective fixed-charge"
        let areas = (0..<instance.customerCount).map {
            AdministrativeArea(id: AreaID("C\($0 + 1)"), name: "customer \($0 + 1)", level: .village, population: instance.demands[$0])
        }
        var candidates = "id,name,fixed_cost,capacity,existing,excluded\n"
        for j in 0..<instance.warehouseCount {
            candidates += "W\(j + 1),warehouse \(j + 1),\(instance.fixedCosts[j]),\(instance.capacities[j]),false,false\n"
        }
        var od = "from,to,hours,cost\n"
        let m = instance.warehouseCount
        for j in 0..<m {
            for i in 0..<instance.customerCount {
                let c = instance.costs[i * m + j]
                let d = instance.demands[i]
                od += "W\(j + 1),C\(i + 1),\(d > 0 ? c / d : c),\(c)\n"
            }
        }
        return (ReserveBundle(manifest: manifest, areas: areas), [("candidates.csv", candidates), ("od.csv", od)])
    }

    /// Writes a bundle and its extra siting files to `directory`.
    public static func write(_ bundle: ReserveBundle, extraFiles: [(String, String)] = [], to directory: String) throws(SitingInputError) {
        do { try BundleWriter.write(bundle, toDirectory: directory) } catch { throw SitingInputError(.cannotWrite(path: directory, detail: "\(error)")) }
        for (name, text) in extraFiles {
            let path = (directory as NSString).appendingPathComponent(name)
            do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
                throw SitingInputError(.cannotWrite(path: path, detail: error.localizedDescription))
            }
        }
    }
}
