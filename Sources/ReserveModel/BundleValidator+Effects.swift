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
                              "Depot '\(d.id)' is not production capacity (mode \(d.mode.rawValue)), so its production rate has no effect.")
                }
                if d.terms.rampUpHours > 0 {
                    c.warning(ref("ramp_up_hours"),
                              "Depot '\(d.id)' is not production capacity (mode \(d.mode.rawValue)), so its ramp-up time has no effect.")
                }
            }
            if !d.mutualAid, d.mutualAidLeadHours != nil {
                c.warning(ref("mutual_aid_lead_hours"),
                          "Depot '\(d.id)' is not a mutual-aid depot (mutual_aid is false), so its mutual-aid lead time has no effect.")
            }
            if d.mutualAid, d.mutualAidLeadHours != nil, d.terms.leadHours > 0 {
                c.warning(ref("lead_hours"),
                          "Mutual-aid depot '\(d.id)' is released after its mutual_aid_lead_hours; its lead_hours has no effect.")
            }
            if d.mode == .household {
                if d.terms.leadHours > 0 {
                    c.warning(ref("lead_hours"), "Household reserves of '\(d.id)' lower their area's need and are never shipped, so a lead time has no effect.")
                }
                if (trucksOf[d.id] ?? 0) > 0 {
                    c.warning(RecordReference(table: .depots, index: i, column: "id"),
                              "Household reserves of '\(d.id)' are never shipped, so the trucks fleet.csv gives them have no effect.")
                }
            }
        }
        for (i, entry) in b.fleet.enumerated() where entry.trucks == 0 && entry.speedFactor != nil {
            c.warning(RecordReference(table: .fleet, index: i, column: "speed_factor"),
                      "Fleet row of '\(entry.depot)' has no trucks, so its speed factor has no effect.")
        }
    }
}
