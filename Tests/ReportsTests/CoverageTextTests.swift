import BundleIO
import Localization
@testable import Reports
import Response
import Testing
import TestSupport

/// An area whose incident starts after its scenario is judged on later targets, on the
/// scenario's clock: the text says so beside the 4.1 h that would otherwise read as a
/// miss of the 2 h target.
@Suite struct CoverageTextTests {
    /// Suzhou's headline scenario: the chemical leak at 沱河街道 starts at +4 h
    /// (`start_offset_hours` in its scenario file) under suzhou-2025's 2 h and 10 h, so
    /// that area's targets are 4 + 2 = 6 h and 4 + 10 = 14 h from the scenario's start.
    /// Every other area's incident starts at 0 and gets no note.
    @Test func laterIncidentsSayTheirTargets() throws {
        let validated = try BundleReader.read(at: packageRoot.appendingPathComponent("Data/suzhou").path).validated()
        let bundle = validated.bundle, network = try #require(validated.network)
        let coverage = try CoverageReport([
            CoverageAnalyzer().coverage(of: "sz-xinbian-flood-chemical", in: bundle, level: .township, network: network),
        ])
        let zh = CoverageText.render(coverage, showAll: true, language: .zh).split(separator: "\n").map(String.init)
        let notes = zh.filter { $0.hasPrefix("注") }
        #expect(notes == ["注        沱河街道：事件晚于场景开始，时限为力量 6 小时内到达、基本生活 14 小时内得到救助（时间均自场景开始起算）"])
        let row = try #require(zh.first { $0.hasPrefix("沱河街道") })
        #expect(row.contains("4.1 小时") && row.hasSuffix("达标"))
        let en = CoverageText.render(coverage, showAll: true, language: .en).split(separator: "\n").map(String.init)
        #expect(en.filter { $0.hasPrefix("Note") } == [
            "Note       沱河街道: the incident starts later, so the targets are forces within 6 h and basic needs within 14 h, all times from the scenario's start",
        ])
        // Hegang's songhua flood starts all its incidents at once: no note.
        let hegang = try BundleReader.read(at: packageRoot.appendingPathComponent("Data/hegang").path).validated()
        let songhua = try CoverageReport([
            CoverageAnalyzer().coverage(of: "hg-songhua-flood", in: hegang.bundle, level: .township, network: hegang.network),
        ])
        #expect(!CoverageText.render(songhua, showAll: true, language: .zh).contains("注        "))
    }
}
