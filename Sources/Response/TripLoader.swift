/// Splits one group of loads (a source's goods for one area over one route) into the
/// trips of its trucks, each carrying whole pieces of items that are not divisible
/// (docs/formulation.md, "Whole pieces").
///
/// The group's batches are laid end to end, in the order they become ready, each as
/// long as the truckloads it needs (the larger of its tonnes over the payload and its
/// cubic metres over the volume, as [D8] counts them). Trip i of n takes the stretch
/// i/n…(i+1)/n of that line and, of each batch it covers part of, that share of every
/// item: exactly for divisible items, and for pieces the whole pieces the cumulative
/// share rounds to, so that the trips of a batch together carry all of it. A stretch
/// is at most one truckload, so only the rounding of pieces can overfill a trip; then
/// the group takes one trip more, and if a few more do not help (many kinds of bulky
/// pieces in one batch), the trucks are filled one after the other instead.
struct TripLoader {
    let problem: GoodsProblem
    let fleet: GoodsProblem.Fleet

    /// One trip's load.
    struct Load {
        var cargo: [GoodsPlan.Load]
        var tons: Double
        var cubicMetres: Double
        /// Indices into the group's parts that this trip carries some of.
        var parts: [Int]
    }

    /// Below this a load is solver noise (the scheduler's own tolerance).
    static let tolerance = 1e-6
    /// Trips more than the truckloads that the even split may try before filling
    /// trucks one after the other.
    static let extraTrips = 8

    /// One item of one batch: units, and whether they go in whole pieces.
    private struct Units {
        var item: Int
        var units: Double
        var pieces: Bool
    }

    func loads(of group: FleetScheduler.Group) -> [Load] {
        let batches: [[Units]] = group.parts.map { part in
            part.units.sorted { $0.key < $1.key }.compactMap { item, units in
                guard units > Self.tolerance else { return nil }
                let whole = units.rounded()
                let pieces = !problem.items[item].divisible && abs(units - whole) <= Self.tolerance
                return Units(item: item, units: pieces ? whole : units, pieces: pieces)
            }
        }
        let lengths = group.parts.map { max($0.tons / fleet.capacityTons, $0.cubicMetres / fleet.capacityCubicMetres) }
        let length = lengths.reduce(0, +)
        let first = max(1, Int((max(group.tons / fleet.capacityTons, group.cubicMetres / fleet.capacityCubicMetres)
                                - Self.tolerance).rounded(.up)))
        for count in first...(first + Self.extraTrips) {
            let loads = evenSplit(batches, lengths: lengths, length: length, into: count)
            if loads.allSatisfy(fits) { return loads }
            if let repaired = repaired(loads) { return repaired }
        }
        return filledInTurn(batches)
    }

    /// `loads` with what overfills a trip moved to trips with room: one piece at a
    /// time, or as much of a divisible item as the overflow is; nil when a trip stays
    /// over. The even split leaves each trip within the rounding of a few pieces of a
    /// full truck, so a few moves usually save the extra trip (Manzhouli's port
    /// blizzard: 3.99 truckloads of 11 items go on 4 trucks, not 5).
    private func repaired(_ loads: [Load]) -> [Load]? {
        var units = loads.map { Dictionary(uniqueKeysWithValues: $0.cargo.map { ($0.item, $0.quantity) }) }
        var parts = loads.map { Set($0.parts) }
        var tons = loads.map(\.tons), cubicMetres = loads.map(\.cubicMetres)
        let capacity = (fleet.capacityTons, fleet.capacityCubicMetres)
        func over(_ t: Int) -> (Double, Double) { (tons[t] - capacity.0, cubicMetres[t] - capacity.1) }
        var moves = 0
        for t in loads.indices {
            while !fits(Load(cargo: [], tons: tons[t], cubicMetres: cubicMetres[t], parts: [])) {
                moves += 1
                guard moves <= 10_000 else { return nil }
                let (dw, dv) = over(t)
                var best: (item: Int, amount: Double, to: Int, room: Double)?
                for (item, have) in units[t].sorted(by: { $0.key < $1.key }) where have > Self.tolerance {
                    let w = problem.items[item].unitWeightTons, v = problem.items[item].unitVolumeCubicMetres
                    let relieves = (dw > 0 && w > 0) || (dv > 0 && v > 0)
                    guard relieves else { continue }
                    let pieces = !problem.items[item].divisible && abs(have - have.rounded()) <= Self.tolerance
                    let wanted = pieces ? 1 : min(have, max(dw > 0 && w > 0 ? dw / w : 0, dv > 0 && v > 0 ? dv / v : 0))
                    for u in loads.indices where u != t {
                        let room = min(w > 0 ? (capacity.0 - tons[u]) / w : .infinity,
                                       v > 0 ? (capacity.1 - cubicMetres[u]) / v : .infinity)
                        let amount = pieces ? (room >= 1 ? 1 : 0) : min(wanted, max(0, room))
                        guard amount > Self.tolerance else { continue }
                        let slack = room - amount
                        if best == nil || (amount * (w + v), slack) > (best!.amount * (problem.items[best!.item].unitWeightTons
                            + problem.items[best!.item].unitVolumeCubicMetres), best!.room) {
                            best = (item, amount, u, slack)
                        }
                    }
                }
                guard let move = best else { return nil }
                let w = problem.items[move.item].unitWeightTons, v = problem.items[move.item].unitVolumeCubicMetres
                units[t][move.item]! -= move.amount
                units[move.to][move.item, default: 0] += move.amount
                tons[t] -= move.amount * w; cubicMetres[t] -= move.amount * v
                tons[move.to] += move.amount * w; cubicMetres[move.to] += move.amount * v
                parts[move.to].formUnion(parts[t])
            }
        }
        return loads.indices.map { load(units[$0], parts: parts[$0]) }
    }

    /// Whether a load fits on one truck.
    private func fits(_ load: Load) -> Bool {
        load.tons <= fleet.capacityTons * (1 + 1e-9) + 1e-9
            && load.cubicMetres <= fleet.capacityCubicMetres * (1 + 1e-9) + 1e-9
    }

    /// `count` trips over equal stretches of the line of batches.
    private func evenSplit(_ batches: [[Units]], lengths: [Double], length: Double, into count: Int) -> [Load] {
        var units = [[Int: Double]](repeating: [:], count: count)
        var parts = [Set<Int>](repeating: [], count: count)
        let stretch = length / Double(count)
        var start = 0.0
        for (j, batch) in batches.enumerated() {
            let end = start + lengths[j]
            // The share of this batch that trips 0…t carry, by where stretch t ends.
            func carried(upTo t: Int) -> Double {
                guard t < count - 1, lengths[j] > 0 else { return 1 }
                return min(1, max(0, (Double(t + 1) * stretch - start) / lengths[j]))
            }
            let firstTrip = lengths[j] > 0 ? min(count - 1, Int(start / stretch)) : 0
            let lastTrip = lengths[j] > 0 ? min(count - 1, Int(end / stretch)) : 0
            var before = firstTrip == 0 ? 0.0 : carried(upTo: firstTrip - 1)
            for t in firstTrip...lastTrip {
                let after = carried(upTo: t)
                for u in batch {
                    // Pieces: the whole pieces the cumulative share rounds to, so that
                    // the trips of the batch add up to all of it.
                    let amount = u.pieces ? (u.units * after).rounded() - (u.units * before).rounded()
                                          : u.units * (after - before)
                    guard amount > 0 else { continue }
                    units[t][u.item, default: 0] += amount
                    parts[t].insert(j)
                }
                before = after
            }
            start = end
        }
        return (0..<count).map { load(units[$0], parts: parts[$0]) }
    }

    /// Trucks filled one after the other, in batch and item order: pieces whole, a
    /// divisible item cut where the truck is full. Every piece fits on an empty truck
    /// or rides alone.
    private func filledInTurn(_ batches: [[Units]]) -> [Load] {
        var loads: [Load] = []
        var units: [Int: Double] = [:], parts: Set<Int> = []
        var tons = 0.0, cubicMetres = 0.0
        func close() {
            guard !units.isEmpty else { return }
            loads.append(load(units, parts: parts))
            units = [:]; parts = []; tons = 0; cubicMetres = 0
        }
        for (j, batch) in batches.enumerated() {
            for u in batch {
                let w = problem.items[u.item].unitWeightTons, v = problem.items[u.item].unitVolumeCubicMetres
                var left = u.units
                while left > Self.tolerance {
                    // How many units still fit on this truck.
                    let room = min(w > 0 ? (fleet.capacityTons - tons) / w : .infinity,
                                   v > 0 ? (fleet.capacityCubicMetres - cubicMetres) / v : .infinity)
                    var take = min(left, max(0, room))
                    if u.pieces { take = (take + 1e-9).rounded(.down) }
                    if take <= Self.tolerance {
                        if units.isEmpty { take = u.pieces ? 1 : left } else { close(); continue }
                    }
                    units[u.item, default: 0] += take
                    parts.insert(j)
                    tons += take * w
                    cubicMetres += take * v
                    left -= take
                }
            }
        }
        close()
        return loads.isEmpty ? [Load(cargo: [], tons: 0, cubicMetres: 0, parts: [])] : loads
    }

    private func load(_ units: [Int: Double], parts: Set<Int>) -> Load {
        let cargo = units.sorted { $0.key < $1.key }
            .filter { $0.value > Self.tolerance }
            .map { GoodsPlan.Load(item: $0.key, quantity: $0.value) }
        let tons = cargo.reduce(0) { $0 + $1.quantity * problem.items[$1.item].unitWeightTons }
        let cubicMetres = cargo.reduce(0) { $0 + $1.quantity * problem.items[$1.item].unitVolumeCubicMetres }
        return Load(cargo: cargo, tons: tons, cubicMetres: cubicMetres, parts: parts.sorted())
    }
}
