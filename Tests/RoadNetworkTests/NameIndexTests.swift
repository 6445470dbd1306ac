@testable import RoadNetwork
import TestSupport
import Testing

/// `NameIndex` gives the answers of a `[String: Int32]`, whose keys compare by
/// canonical equivalence, on every input tried.
@Suite("Name index")
struct NameIndexTests {
    /// Claims every name in order into both, checking each answer.
    static func build(_ names: [String]) -> (NameIndex, [String: Int32], [String]) {
        var index = NameIndex()
        var dict: [String: Int32] = [:]
        var stored: [String] = []
        for name in names {
            let new = Int32(stored.count)
            let got = index.claim(name, new: new, names: stored)
            let want = dict[name] ?? new
            if dict[name] == nil { dict[name] = new }
            #expect(got == want, "\(name)")
            if got == new { stored.append(name) }
        }
        return (index, dict, stored)
    }

    @Test("Every Unicode scalar looked up among ASCII names, as a dictionary answers")
    func everyScalarAgainstASCII() {
        let ascii = (0..<128).map { String(UnicodeScalar(UInt8($0))) } + ["K1", "n;", "a`b"]
        let (index, dict, stored) = Self.build(ascii)
        var folded = 0
        for v in UInt32(0x80)...0x10FFFF {
            guard let s = UnicodeScalar(v) else { continue }
            let name = String(s)
            let got = index.find(name, names: stored)
            #expect(got == dict[name], "U+\(String(v, radix: 16))")
            if got != nil { folded += 1 }
        }
        // U+037E → ";", U+1FEF → "`", U+212A → "K" (Python's unicodedata agrees).
        #expect(folded == 3)
        #expect(index.find("\u{212A}1", names: stored) == dict["K1"])
        #expect(index.find("n\u{037E}", names: stored) == dict["n;"])
        #expect(index.find("a\u{1FEF}b", names: stored) == dict["a`b"])
    }

    @Test("Seeded random names, ASCII then Chinese, agree with a dictionary", arguments: 0..<5)
    func randomNames(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let alphabet = Array("abn0123456789_-")
        var names: [String] = []
        for _ in 0..<5000 {
            let length = 1 + Int(rng.next() % 24)   // past 8 and 16 bytes: several words
            names.append(String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }))
        }
        let (index, dict, stored) = Self.build(names)
        for _ in 0..<5000 {
            let q = rng.next() % 2 == 0 ? names[Int(rng.next() % UInt64(names.count))] : "x\(rng.next() % 100)"
            #expect(index.find(q, names: stored) == dict[q], "\(q)")
        }
        // A Chinese name switches to the dictionary; precomposed and decomposed é meet.
        let more = names + ["新华镇", "caf\u{E9}", "cafe\u{301}", "K"]
        let (index2, dict2, stored2) = Self.build(more)
        for q in more + ["\u{212A}", "cafe\u{301}", "新华", "n0"] {
            #expect(index2.find(q, names: stored2) == dict2[q], "\(q)")
        }
        #expect(index2.find("cafe\u{301}", names: stored2) == index2.find("caf\u{E9}", names: stored2))
    }

    @Test("A graph built from names finds each node, and a repeated name keeps its last node")
    func graphNames() throws {
        var b = RoadGraphBuilder()
        for i in 0..<1000 { b.addNode(named: "n\(i)") }
        let g = b.build()
        #expect(g.node(named: "n999") == NodeID(999))
        #expect(g.node(named: "n1000") == nil)
        // Anonymous nodes are named by their decimal id; a later node named "1" wins.
        var c = RoadGraphBuilder(nodeCount: 2)
        c.addNode(named: "1")
        let h = c.build()
        #expect(h.nodeNames == ["0", "1", "1"])
        #expect(h.node(named: "1") == NodeID(2))
        #expect(h.node(named: "0") == NodeID(0))
    }
}
