import EmergencyReserve

/// A dense, balanced-enough transportation instance with seeded costs, the shape
/// of a dispatch core: `sources × sinks` arcs, supply rows and demand rows.
struct TransportInstance {
    let sources: Int
    let sinks: Int
    let supply: [Double]
    let demand: [Double]
    let cost: [Double] // row-major, sources × sinks

    init(sources: Int, sinks: Int, seed: UInt64) {
        var state = seed
        func next() -> Double {
            // SplitMix64 → [0, 1)
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        self.sources = sources
        self.sinks = sinks
        demand = (0..<sinks).map { _ in (10 + 90 * next()).rounded() }
        let total = demand.reduce(0, +)
        // 10 % more supply than demand, spread unevenly.
        let shares = (0..<sources).map { _ in 0.5 + next() }
        let shareTotal = shares.reduce(0, +)
        supply = shares.map { ($0 / shareTotal * total * 1.1).rounded(.up) }
        cost = (0..<(sources * sinks)).map { _ in (1 + 99 * next()).rounded() }
    }

    /// Builds the LP the way a model reads on paper.
    func model() -> Model {
        var m = Model(name: "transport\(sources)x\(sinks)")
        m.reserveCapacity(variables: sources * sinks, constraints: sources + sinks, nonZeros: 2 * sources * sinks)
        let ship = m.addVariables(count: sources * sinks)
        m.minimize(sum(0..<(sources * sinks)) { cost[$0] * ship[$0] })
        for i in 0..<sources {
            m.addConstraint(sum(0..<sinks) { ship[i * sinks + $0] } <= supply[i])
        }
        for j in 0..<sinks {
            m.addConstraint(sum(0..<sources) { ship[$0 * sinks + j] } >= demand[j])
        }
        return m
    }
}
