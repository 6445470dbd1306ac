// Checks of the flat tables: ids, references, numbers, coordinates, dates, units.
extension BundleValidator {
    func checkManifest(_ b: ReserveBundle, _ index: BundleIndex, _ c: inout ProblemCollector) {
        let m = b.manifest
        func ref(_ path: String) -> RecordReference { RecordReference(table: .manifest, path: path) }
        if m.schemaVersion != 1 {
            c.error(ref("schema_version"), "Schema version \(m.schemaVersion) is not supported; this program reads version 1.")
        }
        if m.name.allSatisfy(\.isWhitespace) { c.error(ref("name"), "The bundle has no name.") }
        if m.units != .standard {
            let s = BundleUnits.standard
            let pairs = [("distance", m.units.distance, s.distance), ("weight", m.units.weight, s.weight),
                         ("item_weight", m.units.itemWeight, s.itemWeight), ("volume", m.units.volume, s.volume),
                         ("time", m.units.time, s.time), ("speed", m.units.speed, s.speed),
                         ("currency", m.units.currency, s.currency)]
            for (key, got, want) in pairs where got != want {
                c.error(ref("units.\(key)"), "Unit '\(got)' for \(String(key.map { $0 == "_" ? " " : $0 })) is not supported; write values in '\(want)'.")
            }
        }
        c.number(m.maxSnapKm, ref("max_snap_km"), "The snapping distance", positive: true)
        c.number(m.personsPerHousehold, ref("persons_per_household"), "Persons per household", positive: true)
        if let p = m.planning {
            c.number(p.holdingRate, ref("planning.holding_rate"), "The holding rate")
            c.number(p.contractFeeRate, ref("planning.contract_fee_rate"), "The contract fee rate")
            c.number(p.moveYuanPerTonneKm, ref("planning.move_yuan_per_tonne_km"), "The cost of moving stock per tonne-kilometre")
            c.number(p.moveHandlingYuanPerTonne, ref("planning.move_handling_yuan_per_tonne"), "The handling cost of moving stock per tonne")
        }
        if m.policies.isEmpty {
            c.warning(ref("policies"), "The bundle has no policy; the national 2 h / 10 h targets will be used.")
        }
        c.duplicates(m.policies.map(\.id), .manifest, column: nil, noun: "Policy", pathPrefix: "policies")
        for (i, p) in m.policies.enumerated() {
            let base = "policies[\(i)]"
            if !p.hasAnyTarget {
                c.error(ref(base), "Policy '\(p.id)' sets no target: give arrival_hours or relief_hours.")
            }
            c.optionalNumber(p.arrivalHours, ref(base + ".arrival_hours"), "Arrival target of policy '\(p.id)'", positive: true)
            c.optionalNumber(p.reliefHours, ref(base + ".relief_hours"), "Relief target of policy '\(p.id)'", positive: true)
            for (j, o) in p.overrides.enumerated() {
                let path = base + ".overrides[\(j)]"
                if o.arrivalHours == nil && o.reliefHours == nil {
                    c.error(ref(path), "Override \(j + 1) of policy '\(p.id)' sets no target.")
                }
                c.optionalNumber(o.arrivalHours, ref(path + ".arrival_hours"), "Arrival target", positive: true)
                c.optionalNumber(o.reliefHours, ref(path + ".relief_hours"), "Relief target", positive: true)
            }
        }
        if let d = m.defaultPolicy, index.policies[d] == nil {
            c.error(ref("default_policy"), "Default policy '\(d)' is not among the policies.")
        }
        if let h = m.headlineScenario, index.scenarios[h] == nil {
            c.error(ref("headline_scenario"), "Headline scenario '\(h)' is not among the scenarios.")
        }
    }

    func checkAreas(_ b: ReserveBundle, _ index: BundleIndex, _ c: inout ProblemCollector) {
        c.duplicates(b.areas.map(\.id), .areas, noun: "Area")
        for (i, a) in b.areas.enumerated() {
            func ref(_ column: String) -> RecordReference { RecordReference(table: .areas, index: i, column: column) }
            if a.name.isEmpty { c.error(ref("name"), "Area '\(a.id)' has no name.") }
            if let p = a.parent, index.areas[p] == nil {
                c.error(ref("parent"), "Area '\(a.id)' names parent '\(p)', which is not in the areas table.")
            }
            c.number(a.population, ref("population"), "Population of area '\(a.id)'")
            if let p = a.centroid { c.point(p, .areas, i, "Area '\(a.id)'") }
        }
        // Parent cycles: walk up from each area; colour marks avoid re-walking.
        var state = [UInt8](repeating: 0, count: b.areas.count)  // 0 new, 1 on path, 2 done
        for start in b.areas.indices where state[start] == 0 {
            var path: [Int] = []
            var i: Int? = start
            while let k = i, state[k] == 0 {
                state[k] = 1
                path.append(k)
                i = b.areas[k].parent.flatMap { index.areas[$0] }
            }
            if let k = i, state[k] == 1, let at = path.firstIndex(of: k) {
                let cycle = path[at...].map { b.areas[$0].id.rawValue }
                c.error(RecordReference(table: .areas, index: k, column: "parent"),
                        "Areas form a parent cycle: \((cycle + [cycle[0]]).joined(separator: " → ")).")
            }
            for k in path { state[k] = 2 }
        }
    }

    func checkDepots(_ b: ReserveBundle, _ index: BundleIndex, _ c: inout ProblemCollector) {
        c.duplicates(b.depots.map(\.id), .depots, noun: "Depot")
        let stocked = Set(b.stock.filter { $0.quantity > 0 }.map(\.depot))
        for (i, d) in b.depots.enumerated() {
            func ref(_ column: String) -> RecordReference { RecordReference(table: .depots, index: i, column: column) }
            let what = "depot '\(d.id)'"
            if d.name.isEmpty { c.error(ref("name"), "Depot '\(d.id)' has no name.") }
            if let a = d.area, index.areas[a] == nil {
                c.error(ref("area"), "Depot '\(d.id)' is in area '\(a)', which is not in the areas table.")
            }
            c.point(d.location, .depots, i, "Depot '\(d.id)'")
            c.number(d.capacityM3, ref("capacity_m3"), "Volume capacity of \(what)")
            c.number(d.capacityTonnes, ref("capacity_tonnes"), "Weight capacity of \(what)")
            c.number(d.handlingHours, ref("handling_hours"), "Handling time of \(what)")
            c.number(d.throughputTonnesPerHour, ref("throughput_tonnes_per_hour"), "Throughput of \(what)")
            c.number(d.terms.leadHours, ref("lead_hours"), "Lead time of \(what)")
            c.optionalNumber(d.terms.contractCapTonnes, ref("contract_cap_tonnes"), "Contract cap of \(what)")
            c.optionalNumber(d.terms.productionRateTonnesPerHour, ref("production_rate_tonnes_per_hour"), "Production rate of \(what)")
            c.number(d.terms.rampUpHours, ref("ramp_up_hours"), "Ramp-up time of \(what)")
            c.optionalNumber(d.mutualAidLeadHours, ref("mutual_aid_lead_hours"), "Mutual-aid lead time of \(what)")
            if d.mode == .productionCapacity && (d.terms.productionRateTonnesPerHour ?? 0) <= 0 {
                c.error(ref("production_rate_tonnes_per_hour"), "Production-capacity depot '\(d.id)' needs a production rate above 0.")
            }
            if d.mutualAid && d.mutualAidLeadHours == nil {
                c.warning(ref("mutual_aid_lead_hours"), "Mutual-aid depot '\(d.id)' has no approval lead time; 0 h is assumed.")
            }
            if d.throughputTonnesPerHour == 0 && d.mode != .household {
                c.warning(ref("throughput_tonnes_per_hour"), "Depot '\(d.id)' has an outbound throughput of 0 t/h and can send nothing.")
            }
            if (d.mode == .physical || d.mode == .delegated) && !stocked.contains(d.id) {
                c.warning(ref("id"), "Depot '\(d.id)' holds no stock.")
            }
        }
    }

    func checkItems(_ b: ReserveBundle, _ c: inout ProblemCollector) {
        c.duplicates(b.items.map(\.id), .items, noun: "Item")
        for (i, it) in b.items.enumerated() {
            func ref(_ column: String) -> RecordReference { RecordReference(table: .items, index: i, column: column) }
            let what = "item '\(it.id)'"
            if it.name.isEmpty { c.error(ref("name"), "Item '\(it.id)' has no name.") }
            if it.unit.allSatisfy(\.isWhitespace) { c.error(ref("unit"), "Item '\(it.id)' has no unit.") }
            c.number(it.unitWeightKg, ref("unit_weight_kg"), "Unit weight of \(what)")
            c.number(it.unitVolumeM3, ref("unit_volume_m3"), "Unit volume of \(what)")
            c.optionalNumber(it.shelfLifeDays, ref("shelf_life_days"), "Shelf life of \(what)", positive: true)
            c.number(it.unitPriceYuan, ref("unit_price_yuan"), "Unit price of \(what)")
            c.number(it.norms.perPersonDay, ref("norm_per_person_day"), "Per-person-day norm of \(what)")
            c.number(it.norms.perHousehold, ref("norm_per_household"), "Per-household norm of \(what)")
            c.number(it.norms.perIncident, ref("norm_per_incident"), "Per-incident norm of \(what)")
            c.number(it.criticality, ref("criticality"), "Criticality of \(what)")
            if !it.norms.isEmpty && it.norms.source.isEmpty {
                c.warning(ref("norm_source"), "Item '\(it.id)' has consumption norms but no source note.")
            }
        }
    }

    func checkStock(_ b: ReserveBundle, _ index: BundleIndex, _ c: inout ProblemCollector) {
        let today = referenceDate ?? b.manifest.referenceDate
        for (i, lot) in b.stock.enumerated() {
            func ref(_ column: String) -> RecordReference { RecordReference(table: .stock, index: i, column: column) }
            if index.depots[lot.depot] == nil {
                c.error(ref("depot"), "Stock names depot '\(lot.depot)', which is not in the depots table.")
            }
            let item = index.items[lot.item].map { b.items[$0] }
            if item == nil { c.error(ref("item"), "Stock names item '\(lot.item)', which is not in the items table.") }
            c.number(lot.quantity, ref("quantity"), "Quantity of \(lot.item) at \(lot.depot)")
            if let unit = lot.unit, !unit.isEmpty, let item, unit != item.unit {
                c.error(ref("unit"), "Stock of '\(lot.item)' is counted in '\(unit)' but the item is counted in '\(item.unit)'.")
            }
            if let r = lot.received, let e = lot.expiry, e < r {
                c.error(ref("expiry"), "Lot '\(lot.batch)' of '\(lot.item)' expires on \(e), before it was received on \(r).")
            }
            if let today, let e = lot.expiry {
                let left = today.days(until: e)
                if left < 0 {
                    c.warning(ref("expiry"), "Lot '\(lot.batch)' of '\(lot.item)' at '\(lot.depot)' expired on \(e); scrap and replace it.")
                } else if left <= expiryWarningDays {
                    c.warning(ref("expiry"), "Lot '\(lot.batch)' of '\(lot.item)' at '\(lot.depot)' expires on \(e), within \(expiryWarningDays) days; rotate it.")
                }
            }
        }
    }

    func checkTeams(_ b: ReserveBundle, _ index: BundleIndex, _ c: inout ProblemCollector) {
        c.duplicates(b.teams.map(\.id), .teams, noun: "Team")
        for (i, t) in b.teams.enumerated() {
            func ref(_ column: String) -> RecordReference { RecordReference(table: .teams, index: i, column: column) }
            if t.name.isEmpty { c.error(ref("name"), "Team '\(t.id)' has no name.") }
            if let a = t.area, index.areas[a] == nil {
                c.error(ref("area"), "Team '\(t.id)' is based in area '\(a)', which is not in the areas table.")
            }
            c.point(t.location, .teams, i, "Team '\(t.id)'")
            if t.headcount <= 0 { c.error(ref("headcount"), "Team '\(t.id)' must have at least 1 person, not \(t.headcount).") }
            if t.vehicles < 0 { c.error(ref("vehicles"), "Team '\(t.id)' cannot have \(t.vehicles) vehicles.") }
            c.number(t.mobilisationMinutes, ref("mobilisation_minutes"), "Mobilisation time of team '\(t.id)'")
            if t.specialties.isEmpty { c.warning(ref("specialties"), "Team '\(t.id)' lists no specialty and will never be assigned.") }
        }
    }

    func checkFleet(_ b: ReserveBundle, _ index: BundleIndex, _ c: inout ProblemCollector) {
        for (i, f) in b.fleet.enumerated() {
            func ref(_ column: String) -> RecordReference { RecordReference(table: .fleet, index: i, column: column) }
            if index.depots[f.depot] == nil {
                c.error(ref("depot"), "Fleet names depot '\(f.depot)', which is not in the depots table.")
            }
            if f.trucks < 0 { c.error(ref("trucks"), "Depot '\(f.depot)' cannot have \(f.trucks) trucks.") }
            c.number(f.capacityTonnes, ref("capacity_tonnes"), "Truck payload at '\(f.depot)'", positive: true)
            c.number(f.capacityM3, ref("capacity_m3"), "Truck volume at '\(f.depot)'", positive: true)
            c.optionalNumber(f.speedFactor, ref("speed_factor"), "Speed factor at '\(f.depot)'", positive: true)
        }
    }

    func checkRoads(_ b: ReserveBundle, _ index: BundleIndex, _ c: inout ProblemCollector) {
        // The same messages as `c.duplicates`, from the repeats the index found.
        for (i, first) in index.repeatedNodes {
            c.error(RecordReference(table: .roadNodes, index: i, column: "id"),
                    "Road node id '\(b.roadNodes[i].id)' is used twice (first at record \(first + 1)).")
        }
        for (i, n) in b.roadNodes.enumerated() { c.point(n.point, .roadNodes, i, "Road node '\(n.id)'") }
        // A linear scan of the seven class names beats hashing the class of every row.
        let classes = Array(RoadEdgeRecord.defaultSpeedKmh.keys)
        for (i, e) in b.roadEdges.enumerated() {
            func ref(_ column: String) -> RecordReference { RecordReference(table: .roadEdges, index: i, column: column) }
            if index.roadFrom[i] < 0 { c.error(ref("from"), "Road starts at node '\(e.from)', which is not in the nodes table.") }
            if index.roadTo[i] < 0 { c.error(ref("to"), "Road ends at node '\(e.to)', which is not in the nodes table.") }
            c.number(e.lengthKm, ref("length_km"), "Length of road \(e.from)–\(e.to)")
            c.optionalNumber(e.speedKmh, ref("speed_kmh"), "Speed of road \(e.from)–\(e.to)", positive: true)
            if e.speedKmh == nil && !classes.contains(e.roadClass) {
                c.error(ref("class"), "Road class '\(e.roadClass)' has no default speed; give speed_kmh or use one of \(RoadEdgeRecord.defaultSpeedKmh.keys.sorted().joined(separator: ", ")).")
            }
        }
        if b.roadNodes.isEmpty {
            c.warning(RecordReference(table: .roadNodes), "The bundle has no road network; travel times cannot be computed.")
        }
    }

    func checkSnapping(_ b: ReserveBundle, _ c: inout ProblemCollector) {
        guard !b.roadNodes.isEmpty else { return }
        let maxKm = b.manifest.maxSnapKm.isFinite && b.manifest.maxSnapKm > 0 ? b.manifest.maxSnapKm : BundleManifest.defaultMaxSnapKm
        let snapper = self.snapper ?? NearestNodeIndex(points: b.roadNodes.map(\.point))
        func check(_ p: GeoPoint?, _ table: BundleTable, _ i: Int, _ what: String) {
            guard let p, p.isValid else { return }
            if snapper.snapDistanceKm(to: p, maxKm: maxKm) == nil {
                c.error(RecordReference(table: table, index: i, column: "lat"),
                        "\(what) cannot be snapped to the road network: no road node within \(ProblemCollector.format(maxKm)) km.")
            }
        }
        for (i, a) in b.areas.enumerated() { check(a.centroid, .areas, i, "Area '\(a.id)'") }
        for (i, d) in b.depots.enumerated() { check(d.location, .depots, i, "Depot '\(d.id)'") }
        for (i, t) in b.teams.enumerated() { check(t.location, .teams, i, "Team '\(t.id)'") }
    }
}

extension ProblemCollector {
    /// Duplicate check for lists inside JSON records (policies in the manifest).
    mutating func duplicates<ID: Hashable & CustomStringConvertible>(_ ids: [ID], _ table: BundleTable, column: String?, noun: String, pathPrefix: String) {
        var seen: Set<ID> = []
        for (i, id) in ids.enumerated() where !seen.insert(id).inserted {
            error(RecordReference(table: table, path: "\(pathPrefix)[\(i)].id"), "\(noun) id '\(id)' is used twice.")
        }
    }
}
