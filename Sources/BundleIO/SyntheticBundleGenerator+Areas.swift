import ReserveModel

// Areas, depots, stock and teams of a synthetic bundle.
extension SyntheticBundleGenerator {
    struct Layout {
        var areas: [AdministrativeArea]
        /// Grid cell (row, col) of each county seat, by county index.
        var countySeats: [(Int, Int)]
        /// Township area index and grid cell, grouped by county.
        var townships: [[(area: Int, r: Int, c: Int)]]
        var countyAreaIndex: [Int]
    }

    func makeAreas(_ grid: Grid, _ rng: inout SplitMix64) -> Layout {
        var areas: [AdministrativeArea] = []
        let rootLevel: AdministrativeLevel = preset.provinces > 1 ? .national : preset.provinces == 1 ? .province : .city
        let root = AreaID("R")
        let rootNode = grid.node(grid.side / 2, grid.side / 2)
        areas.append(AdministrativeArea(id: root, name: "合成\(rootLevel == .city ? "市" : rootLevel == .province ? "省" : "全国")",
                                        nameEn: "Synthetic \(rootLevel.rawValue)", level: rootLevel, population: 0,
                                        centroid: rootNode.point))
        var provinceIDs: [AreaID] = []
        if preset.provinces > 1 {
            for p in 0..<preset.provinces {
                let id = AreaID("P\(p + 1)")
                provinceIDs.append(id)
                areas.append(AdministrativeArea(id: id, name: "合成省\(p + 1)", level: .province, parent: root))
            }
        }
        let blocks = Int((Double(preset.counties)).squareRoot().rounded(.up))
        let blockSize = grid.side / blocks
        var seats: [(Int, Int)] = [], townships: [[(area: Int, r: Int, c: Int)]] = [], countyIndex: [Int] = []
        let hazards = HazardType.allCases.filter { $0 != .other }
        for k in 0..<preset.counties {
            let br = k / blocks, bc = k % blocks
            let r0 = br * blockSize, c0 = bc * blockSize
            let seat = (r0 + blockSize / 2, c0 + blockSize / 2)
            let parent = preset.provinces > 1 ? provinceIDs[k * preset.provinces / preset.counties] : root
            let countyID = AreaID("C\(k + 1)")
            countyIndex.append(areas.count)
            seats.append(seat)
            areas.append(AdministrativeArea(id: countyID, name: "合成县\(k + 1)", nameEn: "County \(k + 1)", level: .county,
                                            parent: parent, population: 0, centroid: grid.node(seat.0, seat.1).point,
                                            hazards: [HazardExposure(hazard: hazards[rng.below(hazards.count)], risk: .high)]))
            var list: [(area: Int, r: Int, c: Int)] = []
            var used: Set<Int> = [seat.0 * grid.side + seat.1]
            for t in 0..<preset.townshipsPerCounty {
                var r = r0 + 1 + rng.below(max(1, blockSize - 2)), c = c0 + 1 + rng.below(max(1, blockSize - 2))
                while used.contains(r * grid.side + c) { r = r0 + rng.below(blockSize); c = c0 + rng.below(blockSize) }
                used.insert(r * grid.side + c)
                let pop = Double(8_000 + rng.below(60_000))
                let h = hazards[rng.below(hazards.count)]
                let major = rng.chance(0.2)
                list.append((areas.count, r, c))
                areas.append(AdministrativeArea(id: AreaID("T\(k + 1)-\(t + 1)"), name: "合成县\(k + 1)乡镇\(t + 1)", level: .township,
                                                parent: countyID, population: pop, centroid: grid.node(r, c).point,
                                                hazards: [HazardExposure(hazard: h, risk: major ? .major : .medium)],
                                                majorRiskArea: major))
            }
            townships.append(list)
            areas[countyIndex[k]].population = list.reduce(0) { $0 + areas[$1.area].population }
        }
        for i in countyIndex { areas[0].population += areas[i].population }
        return Layout(areas: areas, countySeats: seats, townships: townships, countyAreaIndex: countyIndex)
    }

    func makeDepots(_ layout: Layout, _ grid: Grid, _ rng: inout SplitMix64) -> [Depot] {
        var depots: [Depot] = []
        let centre = grid.node(grid.side / 2, grid.side / 2)
        depots.append(Depot(id: "D-ROOT", name: "合成中心储备库", level: preset.provinces >= 1 ? .province : .city, area: "R",
                            location: centre.point, owner: "应急管理部门", capacityM3: 60_000, capacityTonnes: 12_000,
                            handlingHours: 1.5, throughputTonnesPerHour: 120))
        for (k, seat) in layout.countySeats.enumerated() {
            let a = layout.areas[layout.countyAreaIndex[k]]
            depots.append(Depot(id: DepotID("D-C\(k + 1)"), name: "\(a.name)储备库", level: .county, area: a.id,
                                location: grid.node(seat.0, seat.1).point, owner: "\(a.name)应急管理局",
                                capacityM3: 8_000, capacityTonnes: 1_500, handlingHours: 1, throughputTonnesPerHour: 40))
        }
        var tIndex = 0
        for list in layout.townships {
            for t in list {
                tIndex += 1
                if tIndex % 20 == 0 { continue }  // not every township has a point yet (the plans' gap)
                let a = layout.areas[t.area]
                depots.append(Depot(id: DepotID("D-\(a.id.rawValue)"), name: "\(a.name)储备点", level: .township, area: a.id,
                                    location: grid.node(t.r, t.c).point, owner: "乡镇政府", capacityM3: 300, capacityTonnes: 60,
                                    handlingHours: 0.5, throughputTonnesPerHour: 8))
            }
        }
        let enterprises = max(3, tIndex / 50)
        for e in 0..<enterprises {
            let county = rng.below(layout.countySeats.count)
            let seat = layout.countySeats[county]
            let production = e % 3 == 2
            depots.append(Depot(
                id: DepotID("D-E\(e + 1)"), name: production ? "合成生产企业\(e + 1)" : "合成协议供应商\(e + 1)", level: .enterprise,
                area: layout.areas[layout.countyAreaIndex[county]].id,
                location: grid.node(min(grid.side - 1, seat.0 + 2), seat.1).point, owner: "企业",
                capacityM3: 5_000, capacityTonnes: 800, handlingHours: 1, throughputTonnesPerHour: 30,
                mode: production ? .productionCapacity : .agreement,
                terms: ReserveModeTerms(leadHours: production ? 0 : Double(2 + rng.below(4)),
                                        contractCapTonnes: production ? nil : 200,
                                        productionRateTonnesPerHour: production ? 2 : nil,
                                        rampUpHours: production ? Double(6 + rng.below(12)) : 0)))
        }
        return depots
    }

    func makeStock(_ depots: [Depot], _ items: [Item], _ rng: inout SplitMix64) -> [StockLot] {
        var lots: [StockLot] = []
        let received = CalendarDate(year: 2024, month: 10, day: 1)
        for d in depots {
            let count = d.level == .township ? 6 : d.level == .enterprise ? 3 : 15
            var chosen: Set<Int> = []
            for _ in 0..<count { chosen.insert(rng.below(items.count)) }
            for i in chosen.sorted() {
                let item = items[i]
                let scale = d.level == .township ? 1.0 : d.level == .county ? 8.0 : 40.0
                let base = item.unitWeightKg > 50 ? 5.0 : 100.0
                let expiry = item.shelfLifeDays.map { _ in CalendarDate(year: 2026 + rng.below(3), month: 1 + rng.below(12), day: 1) } ?? nil
                lots.append(StockLot(depot: d.id, item: item.id, quantity: (base * scale * rng.uniform(0.5, 1.5)).rounded(),
                                     unit: item.unit, batch: "B\(2024)-\(lots.count + 1)", received: received, expiry: expiry ?? nil))
            }
        }
        return lots
    }

    func makeTeams(_ layout: Layout, _ grid: Grid, _ rng: inout SplitMix64) -> [Team] {
        let kinds = TeamKind.allCases
        let hazards = HazardType.allCases.filter { $0 != .other }
        return (0..<preset.teams).map { i in
            let county = i % layout.countySeats.count
            let seat = layout.countySeats[county]
            let kind = kinds[rng.below(kinds.count)]
            let s1 = hazards[rng.below(hazards.count)], s2 = hazards[rng.below(hazards.count)]
            return Team(id: TeamID("TM\(i + 1)"), name: "合成救援队\(i + 1)", kind: kind,
                        area: layout.areas[layout.countyAreaIndex[county]].id,
                        location: grid.node(max(0, seat.0 - 1), seat.1).point,
                        specialties: s1 == s2 ? [s1] : [s1, s2].sorted(), headcount: 10 + rng.below(200),
                        vehicles: 1 + rng.below(20), mobilisationMinutes: Double(10 + 5 * rng.below(10)))
        }
    }
}
