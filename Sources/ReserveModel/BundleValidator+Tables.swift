// Checks of the flat tables: ids, references, numbers, coordinates, dates, units.
extension BundleValidator {
    func checkManifest(_ b: ReserveBundle, _ index: BundleIndex, _ c: inout ProblemCollector) {
        let m = b.manifest
        func ref(_ path: String) -> RecordReference { RecordReference(table: .manifest, path: path) }
        if m.schemaVersion != 1 {
            c.error(ref("schema_version"), "manifest.schemaVersion", ["version": "\(m.schemaVersion)"])
        }
        if m.name.allSatisfy(\.isWhitespace) { c.error(ref("name"), "manifest.noName") }
        if m.units != .standard {
            let s = BundleUnits.standard
            let pairs = [("distance", m.units.distance, s.distance), ("weight", m.units.weight, s.weight),
                         ("item_weight", m.units.itemWeight, s.itemWeight), ("volume", m.units.volume, s.volume),
                         ("time", m.units.time, s.time), ("speed", m.units.speed, s.speed),
                         ("currency", m.units.currency, s.currency)]
            for (key, got, want) in pairs where got != want {
                c.error(ref("units.\(key)"), "manifest.unit", ["unit": got, "quantityKey": "quantity.\(key)", "expected": want])
            }
        }
        c.number(m.maxSnapKm, ref("max_snap_km"), "manifest.max_snap_km", positive: true)
        c.number(m.personsPerHousehold, ref("persons_per_household"), "manifest.persons_per_household", positive: true)
        if let p = m.planning {
            c.number(p.holdingRate, ref("planning.holding_rate"), "manifest.planning.holding_rate")
            c.number(p.contractFeeRate, ref("planning.contract_fee_rate"), "manifest.planning.contract_fee_rate")
            c.number(p.moveYuanPerTonneKm, ref("planning.move_yuan_per_tonne_km"), "manifest.planning.move_yuan_per_tonne_km")
            c.number(p.moveHandlingYuanPerTonne, ref("planning.move_handling_yuan_per_tonne"), "manifest.planning.move_handling_yuan_per_tonne")
        }
        if m.policies.isEmpty {
            c.warning(ref("policies"), "manifest.noPolicy")
        }
        c.duplicates(m.policies.map(\.id), .manifest, column: nil, owner: "policy", pathPrefix: "policies")
        for (i, p) in m.policies.enumerated() {
            let base = "policies[\(i)]"
            if !p.hasAnyTarget {
                c.error(ref(base), "policy.noTarget", ["policy": p.id.rawValue])
            }
            c.optionalNumber(p.arrivalHours, ref(base + ".arrival_hours"), "policy.arrival_hours", ["policy": p.id.rawValue], positive: true)
            c.optionalNumber(p.reliefHours, ref(base + ".relief_hours"), "policy.relief_hours", ["policy": p.id.rawValue], positive: true)
            for (j, o) in p.overrides.enumerated() {
                let path = base + ".overrides[\(j)]"
                if o.arrivalHours == nil && o.reliefHours == nil {
                    c.error(ref(path), "policy.overrideNoTarget", ["override": "\(j + 1)", "policy": p.id.rawValue])
                }
                c.optionalNumber(o.arrivalHours, ref(path + ".arrival_hours"), "override.arrival_hours", positive: true)
                c.optionalNumber(o.reliefHours, ref(path + ".relief_hours"), "override.relief_hours", positive: true)
            }
        }
        if let d = m.defaultPolicy, index.policies[d] == nil {
            c.error(ref("default_policy"), "manifest.unknownDefaultPolicy", ["policy": d.rawValue])
        }
        if let h = m.headlineScenario, index.scenarios[h] == nil {
            c.error(ref("headline_scenario"), "manifest.unknownHeadlineScenario", ["scenario": h.rawValue])
        }
    }

    func checkAreas(_ b: ReserveBundle, _ index: BundleIndex, _ c: inout ProblemCollector) {
        c.duplicates(b.areas.map(\.id), .areas, owner: "area")
        for (i, a) in b.areas.enumerated() {
            func ref(_ column: String) -> RecordReference { RecordReference(table: .areas, index: i, column: column) }
            if a.name.isEmpty { c.error(ref("name"), "area.noName", ["area": a.id.rawValue]) }
            if let p = a.parent, index.areas[p] == nil {
                c.error(ref("parent"), "area.unknownParent", ["area": a.id.rawValue, "parent": p.rawValue])
            }
            c.number(a.population, ref("population"), "area.population", ["area": a.id.rawValue])
            if let p = a.centroid { c.point(p, .areas, i, owner: "area", id: a.id.rawValue) }
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
                        "area.parentCycle", ["cycle": (cycle + [cycle[0]]).joined(separator: " → ")])
            }
            for k in path { state[k] = 2 }
        }
    }

    func checkDepots(_ b: ReserveBundle, _ index: BundleIndex, _ c: inout ProblemCollector) {
        c.duplicates(b.depots.map(\.id), .depots, owner: "depot")
        let stocked = Set(b.stock.filter { $0.quantity > 0 }.map(\.depot))
        for (i, d) in b.depots.enumerated() {
            func ref(_ column: String) -> RecordReference { RecordReference(table: .depots, index: i, column: column) }
            let what = ["depot": d.id.rawValue]
            if d.name.isEmpty { c.error(ref("name"), "depot.noName", what) }
            if let a = d.area, index.areas[a] == nil {
                c.error(ref("area"), "depot.unknownArea", ["depot": d.id.rawValue, "area": a.rawValue])
            }
            c.point(d.location, .depots, i, owner: "depot", id: d.id.rawValue)
            c.number(d.capacityM3, ref("capacity_m3"), "depot.capacity_m3", what)
            c.number(d.capacityTonnes, ref("capacity_tonnes"), "depot.capacity_tonnes", what)
            c.number(d.handlingHours, ref("handling_hours"), "depot.handling_hours", what)
            c.number(d.throughputTonnesPerHour, ref("throughput_tonnes_per_hour"), "depot.throughput_tonnes_per_hour", what)
            c.number(d.terms.leadHours, ref("lead_hours"), "depot.lead_hours", what)
            c.optionalNumber(d.terms.contractCapTonnes, ref("contract_cap_tonnes"), "depot.contract_cap_tonnes", what)
            c.optionalNumber(d.terms.productionRateTonnesPerHour, ref("production_rate_tonnes_per_hour"), "depot.production_rate_tonnes_per_hour", what)
            c.number(d.terms.rampUpHours, ref("ramp_up_hours"), "depot.ramp_up_hours", what)
            c.optionalNumber(d.mutualAidLeadHours, ref("mutual_aid_lead_hours"), "depot.mutual_aid_lead_hours", what)
            if d.mode == .productionCapacity && (d.terms.productionRateTonnesPerHour ?? 0) <= 0 {
                c.error(ref("production_rate_tonnes_per_hour"), "depot.noProductionRate", what)
            }
            if d.mutualAid && d.mutualAidLeadHours == nil {
                c.warning(ref("mutual_aid_lead_hours"), "depot.noMutualAidLead", what)
            }
            if d.throughputTonnesPerHour == 0 && d.mode != .household {
                c.warning(ref("throughput_tonnes_per_hour"), "depot.zeroThroughput", what)
            }
            if (d.mode == .physical || d.mode == .delegated) && !stocked.contains(d.id) {
                c.warning(ref("id"), "depot.noStock", what)
            }
        }
    }

    func checkItems(_ b: ReserveBundle, _ c: inout ProblemCollector) {
        c.duplicates(b.items.map(\.id), .items, owner: "item")
        for (i, it) in b.items.enumerated() {
            func ref(_ column: String) -> RecordReference { RecordReference(table: .items, index: i, column: column) }
            let what = ["item": it.id.rawValue]
            if it.name.isEmpty { c.error(ref("name"), "item.noName", what) }
            if it.unit.allSatisfy(\.isWhitespace) { c.error(ref("unit"), "item.noUnit", what) }
            c.number(it.unitWeightKg, ref("unit_weight_kg"), "item.unit_weight_kg", what)
            c.number(it.unitVolumeM3, ref("unit_volume_m3"), "item.unit_volume_m3", what)
            c.optionalNumber(it.shelfLifeDays, ref("shelf_life_days"), "item.shelf_life_days", what, positive: true)
            c.number(it.unitPriceYuan, ref("unit_price_yuan"), "item.unit_price_yuan", what)
            c.number(it.norms.perPersonDay, ref("norm_per_person_day"), "item.norm_per_person_day", what)
            c.number(it.norms.perHousehold, ref("norm_per_household"), "item.norm_per_household", what)
            c.number(it.norms.perIncident, ref("norm_per_incident"), "item.norm_per_incident", what)
            c.number(it.criticality, ref("criticality"), "item.criticality", what)
            if !it.norms.isEmpty && it.norms.source.isEmpty {
                c.warning(ref("norm_source"), "item.noNormSource", what)
            }
        }
    }

    func checkStock(_ b: ReserveBundle, _ index: BundleIndex, _ c: inout ProblemCollector) {
        let today = referenceDate ?? b.manifest.referenceDate
        for (i, lot) in b.stock.enumerated() {
            func ref(_ column: String) -> RecordReference { RecordReference(table: .stock, index: i, column: column) }
            if index.depots[lot.depot] == nil {
                c.error(ref("depot"), "stock.unknownDepot", ["depot": lot.depot.rawValue])
            }
            let item = index.items[lot.item].map { b.items[$0] }
            if item == nil { c.error(ref("item"), "stock.unknownItem", ["item": lot.item.rawValue]) }
            c.number(lot.quantity, ref("quantity"), "stock.quantity", ["item": lot.item.rawValue, "depot": lot.depot.rawValue])
            if let unit = lot.unit, !unit.isEmpty, let item, unit != item.unit {
                c.error(ref("unit"), "stock.unitMismatch", ["item": lot.item.rawValue, "unit": unit, "itemUnit": item.unit])
            }
            if let r = lot.received, let e = lot.expiry, e < r {
                c.error(ref("expiry"), "stock.expiresBeforeReceived", ["batch": lot.batch, "item": lot.item.rawValue, "expiry": "\(e)", "received": "\(r)"])
            }
            if let today, let e = lot.expiry {
                let left = today.days(until: e)
                if left < 0 {
                    c.warning(ref("expiry"), "stock.expired", ["batch": lot.batch, "item": lot.item.rawValue, "depot": lot.depot.rawValue, "expiry": "\(e)"])
                } else if left <= expiryWarningDays {
                    c.warning(ref("expiry"), "stock.expiresSoon", ["batch": lot.batch, "item": lot.item.rawValue, "depot": lot.depot.rawValue, "expiry": "\(e)", "days": "\(expiryWarningDays)"])
                }
            }
        }
    }

    func checkTeams(_ b: ReserveBundle, _ index: BundleIndex, _ c: inout ProblemCollector) {
        c.duplicates(b.teams.map(\.id), .teams, owner: "team")
        for (i, t) in b.teams.enumerated() {
            func ref(_ column: String) -> RecordReference { RecordReference(table: .teams, index: i, column: column) }
            if t.name.isEmpty { c.error(ref("name"), "team.noName", ["team": t.id.rawValue]) }
            if let a = t.area, index.areas[a] == nil {
                c.error(ref("area"), "team.unknownArea", ["team": t.id.rawValue, "area": a.rawValue])
            }
            c.point(t.location, .teams, i, owner: "team", id: t.id.rawValue)
            if t.headcount <= 0 { c.error(ref("headcount"), "team.headcount", ["team": t.id.rawValue, "value": "\(t.headcount)"]) }
            if t.vehicles < 0 { c.error(ref("vehicles"), "team.vehicles", ["team": t.id.rawValue, "value": "\(t.vehicles)"]) }
            c.number(t.mobilisationMinutes, ref("mobilisation_minutes"), "team.mobilisation_minutes", ["team": t.id.rawValue])
            if t.specialties.isEmpty { c.warning(ref("specialties"), "team.noSpecialty", ["team": t.id.rawValue]) }
        }
    }

    func checkFleet(_ b: ReserveBundle, _ index: BundleIndex, _ c: inout ProblemCollector) {
        for (i, f) in b.fleet.enumerated() {
            func ref(_ column: String) -> RecordReference { RecordReference(table: .fleet, index: i, column: column) }
            if index.depots[f.depot] == nil {
                c.error(ref("depot"), "fleet.unknownDepot", ["depot": f.depot.rawValue])
            }
            if f.trucks < 0 { c.error(ref("trucks"), "fleet.trucks", ["depot": f.depot.rawValue, "value": "\(f.trucks)"]) }
            c.number(f.capacityTonnes, ref("capacity_tonnes"), "fleet.capacity_tonnes", ["depot": f.depot.rawValue], positive: true)
            c.number(f.capacityM3, ref("capacity_m3"), "fleet.capacity_m3", ["depot": f.depot.rawValue], positive: true)
            c.optionalNumber(f.speedFactor, ref("speed_factor"), "fleet.speed_factor", ["depot": f.depot.rawValue], positive: true)
        }
    }

    func checkRoads(_ b: ReserveBundle, _ index: BundleIndex, _ c: inout ProblemCollector) {
        // The same messages as `c.duplicates`, from the repeats the index found.
        for (i, first) in index.repeatedNodes {
            c.error(RecordReference(table: .roadNodes, index: i, column: "id"),
                    "id.repeated", ["nounKey": "noun.node", "id": b.roadNodes[i].id.rawValue, "first": "\(first + 1)"])
        }
        for (i, n) in b.roadNodes.enumerated() { c.point(n.point, .roadNodes, i, owner: "node", id: n.id.rawValue) }
        // A linear scan of the seven class names beats hashing the class of every row.
        let classes = Array(RoadEdgeRecord.defaultSpeedKmh.keys)
        for (i, e) in b.roadEdges.enumerated() {
            func ref(_ column: String) -> RecordReference { RecordReference(table: .roadEdges, index: i, column: column) }
            if index.roadFrom[i] < 0 { c.error(ref("from"), "road.unknownFrom", ["node": e.from.rawValue]) }
            if index.roadTo[i] < 0 { c.error(ref("to"), "road.unknownTo", ["node": e.to.rawValue]) }
            c.number(e.lengthKm, ref("length_km"), "road.length_km", ["from": e.from.rawValue, "to": e.to.rawValue])
            c.optionalNumber(e.speedKmh, ref("speed_kmh"), "road.speed_kmh", ["from": e.from.rawValue, "to": e.to.rawValue], positive: true)
            if e.speedKmh == nil && !classes.contains(e.roadClass) {
                c.error(ref("class"), "road.unknownClass", ["class": e.roadClass, "classes": RoadEdgeRecord.defaultSpeedKmh.keys.sorted().joined(separator: ", ")])
            }
        }
        if b.roadNodes.isEmpty {
            c.warning(RecordReference(table: .roadNodes), "road.none")
        }
    }

    func checkSnapping(_ b: ReserveBundle, _ c: inout ProblemCollector) {
        guard !b.roadNodes.isEmpty else { return }
        let maxKm = b.manifest.maxSnapKm.isFinite && b.manifest.maxSnapKm > 0 ? b.manifest.maxSnapKm : BundleManifest.defaultMaxSnapKm
        let snapper = self.snapper ?? NearestNodeIndex(points: b.roadNodes.map(\.point))
        func check(_ p: GeoPoint?, _ table: BundleTable, _ i: Int, _ owner: String, _ id: String) {
            guard let p, p.isValid else { return }
            if snapper.snapDistanceKm(to: p, maxKm: maxKm) == nil {
                c.error(RecordReference(table: table, index: i, column: "lat"),
                        "snap.tooFar", ["ownerKey": "owner." + owner, "id": id, "km": ProblemCollector.format(maxKm)])
            }
        }
        for (i, a) in b.areas.enumerated() { check(a.centroid, .areas, i, "area", a.id.rawValue) }
        for (i, d) in b.depots.enumerated() { check(d.location, .depots, i, "depot", d.id.rawValue) }
        for (i, t) in b.teams.enumerated() { check(t.location, .teams, i, "team", t.id.rawValue) }
    }
}

extension ProblemCollector {
    /// Duplicate check for lists inside JSON records (policies in the manifest).
    mutating func duplicates<ID: Hashable & CustomStringConvertible>(_ ids: [ID], _ table: BundleTable, column: String?, owner: String, pathPrefix: String) {
        var seen: Set<ID> = []
        for (i, id) in ids.enumerated() where !seen.insert(id).inserted {
            error(RecordReference(table: table, path: "\(pathPrefix)[\(i)].id"), "id.repeatedInList", ["nounKey": "noun." + owner, "id": "\(id)"])
        }
    }
}
