import RoadNetwork
import TestSupport
import Testing

/// Seeded byte damage to valid files: every reader must either read the result or
/// throw ``GraphReadError`` with lines inside the file — never crash or hang.
@Suite struct ReaderRobustnessTests {
    static let csvEdges = "from,to,length_km,class,speed_kmh,oneway\na,b,10,county,,no\nb,\"c, d\",5.5,village,30,yes\nc, d,a,7,national,,\n"
    static let csvNodes = "id,lat,lon\na,47,130\nb,47.1,130.1\n\"c, d\",47.2,130.2\n"
    static let cedge = "0 0 1 0.5\n1 1 2 0.25\n2 2 3 1e-3\n3 3 0 2\n"

    func damage(_ text: String, seed: UInt64) -> String {
        var rng = SeededGenerator(seed: seed)
        var bytes = Array(text.utf8)
        let alphabet = Array("0123456789-.,;:\"{}[]\n\r\t ae+x\u{0}".utf8) + [0xE9, 0xFF, 0xC3]
        for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
            let i = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: bytes[i] = alphabet.randomElement(using: &rng)!
            case 1: bytes.remove(at: i)
            default: bytes.insert(alphabet.randomElement(using: &rng)!, at: i)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func check(_ text: String, seed: UInt64, _ read: (String) throws(GraphReadError) -> RoadGraph) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).count
        do throws(GraphReadError) {
            let g = try read(text)
            #expect(g.firstOut.count == g.nodeCount + 1)
        } catch {
            #expect(!error.problems.isEmpty, "seed \(seed)")
            for p in error.problems { #expect(p.line >= 0 && p.line <= lines + 1, "seed \(seed): \(p)") }
        }
    }

    @Test(arguments: Array(UInt64(0)..<300)) func damagedFilesNeverCrash(seed: UInt64) {
        check(damage(Self.csvEdges, seed: seed), seed: seed) { (t: String) throws(GraphReadError) in
            try CSVEdgeListReader.read(edges: t, nodes: damage(Self.csvNodes, seed: seed &+ 1))
        }
        check(damage(ReaderTests.roads, seed: seed), seed: seed) { (t: String) throws(GraphReadError) in try GeoJSONRoadReader.read(t) }
        check(damage(ReaderTests.gr, seed: seed), seed: seed) { (t: String) throws(GraphReadError) in try DIMACSReader.read(graph: t) }
        check(damage(Self.cedge, seed: seed), seed: seed) { (t: String) throws(GraphReadError) in try CEdgeReader.read(t) }
    }
}
