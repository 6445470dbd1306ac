import BundleIO
import Foundation
import ReserveModel
import Testing

@Suite("Sample bundles in Data/")
struct SampleBundleTests {
    static let cities = ["hegang", "huangshigang", "linjiang", "suzhou", "manzhouli"]

    @Test("Loads and validates without errors or warnings", arguments: cities)
    func validates(city: String) throws {
        let path = RepositoryRoot.url.appendingPathComponent("Data/\(city)").path
        let loaded = try BundleReader.read(at: path)
        let report = loaded.validate()
        #expect(report.problems.isEmpty, "\(report.problems.prefix(5).map(\.description))")
        let b = loaded.bundle
        #expect(b.areas.count >= 10 && b.depots.count >= 10 && b.items.count >= 30)
        #expect((300...5000).contains(b.roadNodes.count))
        #expect((3...6).contains(b.scenarios.count))
        #expect(b.manifest.headlineScenario.flatMap { b.scenario($0) } != nil)
    }

    @Test("The plans' team figures are in the data")
    func teamFigures() throws {
        func teams(_ city: String) throws -> [Team] {
            try BundleReader.read(at: RepositoryRoot.url.appendingPathComponent("Data/\(city)").path).bundle.teams
        }
        let hg = try teams("hegang")
        #expect(hg.filter { $0.kind == .fireRescue }.reduce(0) { $0 + $1.headcount } == 272)
        let semi = hg.filter { $0.id.rawValue.hasPrefix("HG-SP-") }
        #expect(semi.count == 59 && semi.reduce(0) { $0 + $1.headcount } == 760)
        #expect(hg.first { $0.name.hasPrefix("鹤北") }?.headcount == 200)
        let lj = try teams("linjiang").filter { $0.id.rawValue.hasPrefix("LJ-FL-") }
        #expect(lj.count == 109 && lj.reduce(0) { $0 + $1.headcount } == 2300)
        let sz = try teams("suzhou")
        #expect(sz.filter { $0.kind == .fireRescue }.count == 18)
        #expect(sz.filter { $0.id.rawValue.hasPrefix("SZ-TF-") }.count == 95)
        let mzl = try teams("manzhouli")
        #expect(mzl.filter { $0.kind == .fireRescue }.reduce(0) { $0 + $1.headcount } == 76)
        #expect(mzl.filter { $0.kind == .fireRescue }.reduce(0) { $0 + $1.vehicles }
                + mzl.filter { $0.kind == .professional || $0.kind == .forestFire }.reduce(0) { $0 + $1.vehicles } == 76)
        #expect(mzl.filter { $0.kind == .professional || $0.kind == .forestFire }.reduce(0) { $0 + $1.headcount } == 244)
    }

    @Test("Linjiang holds ¥2.6 M of flood materials")
    func linjiangFloodValue() throws {
        let b = try BundleReader.read(at: RepositoryRoot.url.appendingPathComponent("Data/linjiang").path).bundle
        let price = Dictionary(uniqueKeysWithValues: b.items.map { ($0.id, ($0.unitPriceYuan, $0.category)) })
        let value = b.stock.filter { $0.depot == "LJ-D-CITY" && price[$0.item]?.1 == .flood }
            .reduce(0.0) { $0 + $1.quantity * (price[$1.item]?.0 ?? 0) }
        #expect(value == 2_600_000)
    }
}
