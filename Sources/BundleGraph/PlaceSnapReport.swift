import ReserveModel
import RoadNetwork

/// Where each depot, area centroid and team base of a bundle meets the road
/// network: what `reserve import osm --into` prints after replacing a bundle's roads.
public struct PlaceSnap: Hashable, Sendable, Codable {
    /// What the place is.
    public enum Kind: String, Hashable, Sendable, Codable { case depot, area, team }

    /// Depot, area or team.
    public var kind: Kind
    /// The place's id.
    public var id: String
    /// Its name.
    public var name: String
    /// The road node it snaps to (bundle node id), nil when it cannot be snapped.
    public var node: String?
    /// Straight-line access leg to that node in metres.
    public var accessMetres: Double?
    /// The leg is longer than the threshold (or the place cannot be snapped).
    public var isFar: Bool
}

extension BundleNetwork {
    /// Every depot, area with a centroid and team of `bundle` (the bundle this
    /// network was built from) with the snap every phase uses (``snaps``), in file
    /// order, flagging legs longer than `warnAboveMetres`.
    public func placeSnaps(of bundle: ReserveBundle, warnAboveMetres: Double) -> [PlaceSnap] {
        func row(_ kind: PlaceSnap.Kind, _ id: String, _ name: String, _ snapped: SnappedPoint?) -> PlaceSnap {
            guard let s = snapped else { return PlaceSnap(kind: kind, id: id, name: name, node: nil, accessMetres: nil, isFar: true) }
            let metres = s.distanceKm * 1000
            return PlaceSnap(kind: kind, id: id, name: name, node: graph.name(of: s.node), accessMetres: metres, isFar: metres > warnAboveMetres)
        }
        var out: [PlaceSnap] = []
        for d in bundle.depots { out.append(row(.depot, d.id.rawValue, d.name, snaps.depots[d.id])) }
        for a in bundle.areas where a.centroid != nil { out.append(row(.area, a.id.rawValue, a.name, snaps.areas[a.id])) }
        for t in bundle.teams { out.append(row(.team, t.id.rawValue, t.name, snaps.teams[t.id])) }
        return out
    }
}
