/// Columns that have no effect on any answer (issue 13): a planner who fills one in
/// expects it to change something, so the validator says when it cannot.
extension BundleValidator {
    func checkEffects(_ b: ReserveBundle, _ index: BundleIndex, _ c: inout ProblemCollector) {
        var trucksOf: [DepotID: Int] = [:]
        for entry in b.fleet { trucksOf[entry.depot, default: 0] += entry.trucks }
        for (i, d) in b.depots.enumerated() {
            func ref(_ column: String) -> RecordReference { RecordReference(table: .depots, index: i, column: column) }
            if d.mode != .productionCapacity {
                if let rate = d.terms.productionRateTonnesPerHour, rate > 0 {
                    c.warning(ref("production_rate_tonnes_per_hour"),
                              "effect.productionRate", ["depot": d.id.rawValue, "mode": d.mode.rawValue])
                }
                if d.terms.rampUpHours > 0 {
                    c.warning(ref("ramp_up_hours"),
                              "effect.rampUp", ["depot": d.id.rawValue, "mode": d.mode.rawValue])
                }
            }
            if !d.mutualAid, d.mutualAidLeadHours != nil {
                c.warning(ref("mutual_aid_lead_hours"),
                          "effect.mutualAidLead", ["depot": d.id.rawValue])
            }
            if d.mutualAid, d.mutualAidLeadHours != nil, d.terms.leadHours > 0 {
                c.warning(ref("lead_hours"),
                          "effect.leadOfMutualAid", ["depot": d.id.rawValue])
            }
            if d.mode == .household {
                if d.terms.leadHours > 0 {
                    c.warning(ref("lead_hours"), "effect.householdLead", ["depot": d.id.rawValue])
                }
                if (trucksOf[d.id] ?? 0) > 0 {
                    c.warning(RecordReference(table: .depots, index: i, column: "id"),
                              "effect.householdTrucks", ["depot": d.id.rawValue])
                }
            }
        }
        for (i, entry) in b.fleet.enumerated() where entry.trucks == 0 && entry.speedFactor != nil {
            c.warning(RecordReference(table: .fleet, index: i, column: "speed_factor"),
                      "effect.speedWithoutTrucks", ["depot": entry.depot.rawValue])
        }
    }
}
