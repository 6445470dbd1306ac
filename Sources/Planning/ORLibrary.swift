/// Numbers of a whitespace-separated text with the line each one is on. A trailing
/// `.` (OR-Library's `7500.`) is accepted.
struct NumberTokens {
    var tokens: [(text: Substring, line: Int)] = []
    var position = 0
    let file: String

    init(_ text: String, file: String) {
        self.file = file
        var line = 1
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            for t in raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) { tokens.append((t, line)) }
            line += 1
        }
    }

    var isAtEnd: Bool { position >= tokens.count }
    var lastLine: Int { tokens.last?.line ?? 1 }

    mutating func number(_ what: ORLibraryError.Quantity) throws(ORLibraryError) -> Double {
        guard position < tokens.count else {
            throw ORLibraryError(file: file, line: lastLine, reason: .fileEnds(expected: what))
        }
        let (text, line) = tokens[position]
        position += 1
        var t = text
        if t.count > 1 && t.hasSuffix(".") { t = t.dropLast() }
        guard let v = Double(t), v.isFinite else {
            throw ORLibraryError(file: file, line: line, reason: .notANumber(text: String(text), expected: what))
        }
        return v
    }

    mutating func integer(_ what: ORLibraryError.Quantity, in range: ClosedRange<Int>) throws(ORLibraryError) -> Int {
        let line = position < tokens.count ? tokens[position].line : lastLine
        let v = try number(what)
        guard v == v.rounded(), let i = Int(exactly: v), range.contains(i) else {
            throw ORLibraryError(file: file, line: line, reason: .integerRange(quantity: what, lower: range.lowerBound, upper: range.upperBound, found: "\(v)"))
        }
        return i
    }
}

/// An OR-Library p-median instance (Beasley 1985): `n m p`, then `m` lines `i j cost`.
public struct ORLibraryPMedian: Sendable, Hashable {
    /// Nodes, numbered 1…n in the file (0…n−1 here).
    public var nodeCount: Int
    /// Medians to choose.
    public var p: Int
    /// Undirected edges (0-based ends, cost) after OR-Library's rule that a later line
    /// for the same pair overwrites an earlier one, in order of first appearance.
    public var edges: [(Int, Int, Double)]

    /// Two instances are equal when their fields are.
    public static func == (a: ORLibraryPMedian, b: ORLibraryPMedian) -> Bool {
        a.nodeCount == b.nodeCount && a.p == b.p && a.edges.count == b.edges.count
            && zip(a.edges, b.edges).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 && $0.2 == $1.2 }
    }
    /// Hashes the sizes.
    public func hash(into h: inout Hasher) { h.combine(nodeCount); h.combine(p); h.combine(edges.count) }

    /// Parses the text of a `pmedN.txt` file; `file` names it in errors.
    public static func parse(_ text: String, file: String = "pmed") throws(ORLibraryError) -> ORLibraryPMedian {
        // Line-based: every edge is one line of exactly three numbers.
        var lines: [(Int, [Substring])] = []
        var number = 1
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if !t.isEmpty { lines.append((number, t)) }
            number += 1
        }
        guard let header = lines.first else { throw ORLibraryError(file: file, line: 0, reason: .empty) }
        func int(_ s: Substring, _ line: Int, _ what: ORLibraryError.Quantity, _ range: ClosedRange<Int>) throws(ORLibraryError) -> Int {
            guard let v = Int(s), range.contains(v) else {
                throw ORLibraryError(file: file, line: line, reason: .integerRange(quantity: what, lower: range.lowerBound, upper: range.upperBound, found: "'\(s)'"))
            }
            return v
        }
        guard header.1.count == 3 else {
            throw ORLibraryError(file: file, line: header.0, reason: .headerFields(found: header.1.count))
        }
        let n = try int(header.1[0], header.0, .nodes, 1...1_000_000)
        let m = try int(header.1[1], header.0, .edges, 0...50_000_000)
        let p = try int(header.1[2], header.0, .medians, 1...n)
        guard lines.count - 1 >= m else {
            throw ORLibraryError(file: file, line: lines.last?.0 ?? header.0, reason: .fewerEdges(announced: m, found: lines.count - 1))
        }
        if lines.count - 1 > m {
            throw ORLibraryError(file: file, line: lines[m + 1].0, reason: .extraLine(announced: m))
        }
        var index: [Int: Int] = [:]
        var edges: [(Int, Int, Double)] = []
        for (line, t) in lines.dropFirst() {
            guard t.count == 3 else {
                throw ORLibraryError(file: file, line: line, reason: .edgeFields(found: t.count))
            }
            let i = try int(t[0], line, .nodeI, 1...n) - 1
            let j = try int(t[1], line, .nodeJ, 1...n) - 1
            var c = t[2]
            if c.count > 1 && c.hasSuffix(".") { c = c.dropLast() }
            guard let cost = Double(c), cost.isFinite, cost >= 0 else {
                throw ORLibraryError(file: file, line: line, reason: .edgeCost(text: String(t[2])))
            }
            let key = min(i, j) * n + max(i, j)
            if let k = index[key] { edges[k].2 = cost } else { index[key] = edges.count; edges.append((i, j, cost)) }
        }
        return ORLibraryPMedian(nodeCount: n, p: p, edges: edges)
    }

    /// All-pairs shortest-path distances (row-major, `.infinity` when disconnected),
    /// one Dijkstra per node.
    public func distances() -> [Double] {
        var adjacency = [[(Int, Double)]](repeating: [], count: nodeCount)
        for (i, j, c) in edges where i != j {
            adjacency[i].append((j, c))
            adjacency[j].append((i, c))
        }
        var result = [Double](repeating: .infinity, count: nodeCount * nodeCount)
        var heap = MinHeap()
        for s in 0..<nodeCount {
            let base = s * nodeCount
            result[base + s] = 0
            heap.push(0, s)
            while let (d, v) = heap.pop() {
                if d > result[base + v] { continue }
                for (w, c) in adjacency[v] where d + c < result[base + w] {
                    result[base + w] = d + c
                    heap.push(d + c, w)
                }
            }
        }
        return result
    }

    /// The siting instance: every node a unit-weight demand point and a candidate,
    /// distances the shortest paths.
    public func sitingProblem() -> SitingProblem {
        SitingProblem(candidates: (0..<nodeCount).map { SitingCandidate(id: "\($0 + 1)") },
                      demandPoints: (0..<nodeCount).map { SitingDemandPoint(id: "\($0 + 1)", weight: 1) },
                      hours: distances())
    }
}

/// A binary min-heap of (key, value) pairs.
struct MinHeap {
    var keys: [Double] = []
    var values: [Int] = []
    mutating func push(_ key: Double, _ value: Int) {
        keys.append(key)
        values.append(value)
        var i = keys.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard keys[i] < keys[parent] else { break }
            keys.swapAt(i, parent)
            values.swapAt(i, parent)
            i = parent
        }
    }
    mutating func pop() -> (Double, Int)? {
        guard !keys.isEmpty else { return nil }
        let top = (keys[0], values[0])
        let lastKey = keys.removeLast(), lastValue = values.removeLast()
        if !keys.isEmpty {
            keys[0] = lastKey
            values[0] = lastValue
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var s = i
                if l < keys.count && keys[l] < keys[s] { s = l }
                if r < keys.count && keys[r] < keys[s] { s = r }
                if s == i { break }
                keys.swapAt(i, s)
                values.swapAt(i, s)
                i = s
            }
        }
        return top
    }
}

/// An OR-Library capacitated warehouse location instance (Beasley 1988).
public struct ORLibraryCapacitated: Sendable, Hashable {
    /// Capacity of each warehouse.
    public var capacities: [Double]
    /// Fixed cost of each warehouse.
    public var fixedCosts: [Double]
    /// Demand of each customer.
    public var demands: [Double]
    /// Cost of serving ALL of customer i's demand from warehouse j, customer-major.
    public var costs: [Double]

    /// Warehouses.
    public var warehouseCount: Int { capacities.count }
    /// Customers.
    public var customerCount: Int { demands.count }

    /// Parses the text of a `capNNN.txt` file (numbers may wrap lines and carry a
    /// trailing `.`); `file` names it in errors.
    public static func parse(_ text: String, file: String = "cap") throws(ORLibraryError) -> ORLibraryCapacitated {
        var t = NumberTokens(text, file: file)
        if t.isAtEnd { throw ORLibraryError(file: file, line: 0, reason: .empty) }
        let m = try t.integer(.warehouses, in: 1...100_000)
        let n = try t.integer(.customers, in: 1...1_000_000)
        guard m * n <= 50_000_000 else { throw ORLibraryError(file: file, line: 1, reason: .tooLarge(warehouses: m, customers: n)) }
        var capacities: [Double] = [], fixed: [Double] = []
        for j in 0..<m {
            let line = t.position < t.tokens.count ? t.tokens[t.position].line : t.lastLine
            let q = try t.number(.capacity(warehouse: j + 1))
            let f = try t.number(.fixedCost(warehouse: j + 1))
            guard q >= 0, f >= 0 else { throw ORLibraryError(file: file, line: line, reason: .negativeWarehouse(warehouse: j + 1)) }
            capacities.append(q)
            fixed.append(f)
        }
        var demands: [Double] = [], costs: [Double] = []
        // The header is a claim: reserve no more than the numbers the file holds.
        costs.reserveCapacity(min(m * n, t.tokens.count))
        for i in 0..<n {
            let d = try t.number(.demand(customer: i + 1))
            guard d >= 0 else { throw ORLibraryError(file: file, line: t.tokens[t.position - 1].line, reason: .negativeDemand(customer: i + 1)) }
            demands.append(d)
            for j in 0..<m {
                let c = try t.number(.cost(customer: i + 1, warehouse: j + 1))
                guard c >= 0 else { throw ORLibraryError(file: file, line: t.tokens[t.position - 1].line, reason: .negativeCost(customer: i + 1, warehouse: j + 1)) }
                costs.append(c)
            }
        }
        if !t.isAtEnd {
            throw ORLibraryError(file: file, line: t.tokens[t.position].line, reason: .trailingText(text: String(t.tokens[t.position].text)))
        }
        return ORLibraryCapacitated(capacities: capacities, fixedCosts: fixed, demands: demands, costs: costs)
    }

    /// The siting instance: warehouses are capacitated candidates with fixed costs,
    /// customers demand points (weight and demand = their demand), the cost table the
    /// service costs and cost ÷ demand the "hours".
    public func sitingProblem() -> SitingProblem {
        let m = warehouseCount
        var hours = costs
        for i in 0..<customerCount {
            for j in 0..<m { hours[i * m + j] = demands[i] > 0 ? costs[i * m + j] / demands[i] : costs[i * m + j] }
        }
        return SitingProblem(
            candidates: (0..<m).map { SitingCandidate(id: "W\($0 + 1)", fixedCost: fixedCosts[$0], capacity: capacities[$0]) },
            demandPoints: (0..<customerCount).map { SitingDemandPoint(id: "C\($0 + 1)", weight: demands[$0], demand: demands[$0]) },
            hours: hours, serviceCosts: costs)
    }
}

/// Published optima: lines `name value` (a header line without a number is skipped).
public enum ORLibraryOptima {
    /// Parses `pmedopt.txt` / `capopt.txt` into name → value.
    public static func parse(_ text: String) -> [String: Double] {
        var result: [String: Double] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let t = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard t.count >= 2, let v = Double(t[t.count - 1]) else { continue }
            result[String(t[0])] = v
        }
        return result
    }
}
