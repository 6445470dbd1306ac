import BundleIO
import Foundation
import ReserveModel
import TestSupport
import Testing

/// Bad input never crashes: seeded random damage to every fixture file still reads
/// and validates, reporting problems instead.
@Suite("Robustness")
struct RobustnessTests {
    static let files = ["bundle.json", "areas.csv", "depots.csv", "items.csv", "stock.csv", "teams.csv", "fleet.csv",
                        "nodes.csv", "roads.csv", "scenarios/s-flood.json"]

    @Test("Random byte damage is reported, never a crash", arguments: 0..<40)
    func damage(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let copy = try FixtureCopy()
        defer { copy.remove() }
        let file = Self.files[Int(rng.next() % UInt64(Self.files.count))]
        let url = copy.root.appendingPathComponent(file)
        var bytes = [UInt8](try Data(contentsOf: url))
        let alphabet = Array(",\"\r\n;:-.e9x \u{0}".utf8) + [0xE4, 0xB8, 0xAD, 0xFF]
        for _ in 0..<(1 + Int(rng.next() % 6)) where !bytes.isEmpty {
            let i = Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 3 {
            case 0: bytes[i] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
            case 1: bytes.remove(at: i)
            default: bytes.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: i)
            }
        }
        try Data(bytes).write(to: url)
        // Whatever happens, reading returns and every problem has a place and a sentence.
        let report = try BundleReader.validate(at: copy.path)
        for p in report.problems {
            #expect(!p.message.isEmpty)
            #expect(p.location.file != nil)
        }
    }

    @Test("Truncated and empty files")
    func truncated() throws {
        for file in Self.files {
            let copy = try FixtureCopy()
            defer { copy.remove() }
            try copy.write(file, "")
            let report = try BundleReader.validate(at: copy.path)
            if file != "fleet.csv" && file != "nodes.csv" && file != "roads.csv" {
                #expect(report.hasErrors, "\(file)")
            }
        }
    }
}
