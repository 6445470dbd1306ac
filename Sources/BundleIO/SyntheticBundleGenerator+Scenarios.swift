import ReserveModel

// Scenarios of a synthetic bundle: one to three concurrent incidents in nearby
// counties, with road closures, slow-downs and occasional depot damage.
extension SyntheticBundleGenerator {
    func makeScenarios(_ layout: Layout, _ grid: Grid, _ depots: [Depot], _ items: [Item], _ rng: inout SplitMix64) -> [Scenario] {
        let hazards: [HazardType] = [.flood, .flashFlood, .landslide, .earthquake, .forestFire, .blizzard, .waterlogging, .mine, .chemical]
        let seasons = Season.allCases
        let levels = ResponseLevel.allCases
        return (0..<preset.scenarios).map { s in
            let hazard = hazards[s % hazards.count]
            let incidentCount = 1 + rng.below(3)
            var incidents: [Incident] = []
            for k in 0..<incidentCount {
                let h = k == 0 ? hazard : hazards[rng.below(hazards.count)]
                let county = rng.below(layout.countySeats.count)
                let towns = layout.townships[county]
                var affected: [AffectedArea] = []
                var picked: Set<Int> = []
                for _ in 0..<min(towns.count, 2 + rng.below(6)) { picked.insert(rng.below(towns.count)) }
                for t in picked.sorted() {
                    let area = layout.areas[towns[t].area]
                    let affectedPop = (area.population * rng.uniform(0.1, 0.6)).rounded()
                    var demands: [ItemDemand] = []
                    if (h == .flood || h == .flashFlood), !items.isEmpty {
                        demands.append(ItemDemand(item: items[min(6, items.count - 1)].id, quantity: Double(2000 + rng.below(8000))))
                    }
                    // Drawn only when asked for: the named presets consume no extra random
                    // numbers, so their bundles do not change.
                    if preset.demandedItemsPerArea > 0 {
                        demands += spreadDemands(items, excluding: Set(demands.map(\.item)), affectedPopulation: affectedPop, &rng)
                    }
                    affected.append(AffectedArea(area: area.id, affectedPopulation: affectedPop,
                                                 displacedPopulation: (affectedPop * rng.uniform(0.05, 0.3)).rounded(),
                                                 reliefDays: Double(1 + rng.below(3)), demands: demands))
                }
                let needs = picked.sorted().prefix(2).map {
                    TeamRequirement(area: layout.areas[towns[$0].area].id, specialty: h, headcount: 20 + 10 * rng.below(10))
                }
                var closed: [NodePair] = []
                let seat = layout.countySeats[county]
                for _ in 0..<(1 + rng.below(3)) {
                    let r = min(grid.side - 1, max(0, seat.0 + rng.below(7) - 3))
                    let c = min(grid.side - 2, max(0, seat.1 + rng.below(7) - 3))
                    closed.append(NodePair(from: grid.id(r, c), to: grid.id(r, c + 1)))
                }
                let slowed = [SlowedEdge(from: grid.id(seat.0, seat.1), to: grid.id(seat.0, min(grid.side - 1, seat.1 + 1)), factor: 0.5)]
                let factors = h == .blizzard ? [AreaSpeedFactor(factor: 0.6, reason: "积雪结冰")] : []
                let damage = rng.chance(0.3) ? [DepotDamage(depot: DepotID("D-C\(county + 1)"), fractionLost: 0.3)] : []
                incidents.append(Incident(id: IncidentID("I\(k + 1)"), name: "\(h.rawValue) @ \(layout.areas[layout.countyAreaIndex[county]].name)",
                                          hazard: h, startOffsetHours: Double(k) * 2, affectedAreas: affected, teamNeeds: Array(needs),
                                          roadDisruptions: RoadDisruptions(closedEdges: closed, slowedEdges: slowed, areaFactors: factors),
                                          depotDamage: damage))
            }
            let month = 1 + (s * 5) % 12
            return Scenario(id: ScenarioID("S\(s + 1)"), name: "合成情景\(s + 1)（\(hazard.rawValue)）", hazard: hazard,
                            responseLevel: levels[rng.below(levels.count)],
                            start: "2025-\(month < 10 ? "0" : "")\(month)-15T08:00:00+08:00", season: seasons[(month % 12) / 3],
                            weight: Double(1 + rng.below(10)) / 10, incidents: incidents)
        }
    }

    /// `preset.demandedItemsPerArea` distinct items of the catalogue (minus those
    /// already asked for), by a partial Fisher–Yates shuffle so every item is equally
    /// likely, listed in catalogue order. Each asks for 0.05–0.2 kg of that item per
    /// affected person (a few kilograms a head over twenty items; heavy items come
    /// in few units), at least one unit.
    func spreadDemands(_ items: [Item], excluding taken: Set<ItemID>, affectedPopulation: Double,
                       _ rng: inout SplitMix64) -> [ItemDemand] {
        var candidates = items.indices.filter { !taken.contains(items[$0].id) }
        let count = min(preset.demandedItemsPerArea, candidates.count)
        for i in 0..<count { candidates.swapAt(i, i + rng.below(candidates.count - i)) }
        return candidates.prefix(count).sorted().map { k in
            let tonnes = affectedPopulation * rng.uniform(0.05, 0.2) / 1000
            let units = max(1, (tonnes * 1000 / max(items[k].unitWeightKg, 0.001)).rounded())
            return ItemDemand(item: items[k].id, quantity: units)
        }
    }
}
