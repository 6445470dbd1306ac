import BundleIO
import Foundation
import Localization
import Planning
@testable import Reports
import ReserveModel
import Response
import Testing
import TestSupport

/// The two strings tables agree, the environment picks the language by POSIX
/// precedence, and every sample scenario renders in Chinese with no English word
/// (ids, names and units from the data aside) and no untranslated key.
@Suite struct LocalizationTests {
    @Test func bothTablesHaveTheSameKeysAndPlaceholders() throws {
        let en = Localizer.keys(of: .en), zh = Localizer.keys(of: .zh)
        #expect(en.count > 150)
        #expect(en.subtracting(zh).sorted() == [], "keys missing in Chinese")
        #expect(zh.subtracting(en).sorted() == [], "keys missing in English")
        let english = Localizer(.en), chinese = Localizer(.zh)
        for key in en.intersection(zh) {
            #expect(placeholders(english(key)) == placeholders(chinese(key)), "placeholders of \(key)")
        }
    }

    @Test func namesOfHazardsModesAndLevelsAreTranslated() {
        let t = Localizer(.zh)
        #expect(t("hazard.flood") == "洪水" && t("hazard.flashFlood") == "山洪" && t("hazard.forestFire") == "森林火灾")
        #expect(t("hazard.earthquake") == "地震" && t("hazard.waterlogging") == "城市内涝")
        #expect(t("mode.physical") == "实物储备" && t("mode.agreement") == "协议储备" && t("mode.productionCapacity") == "产能储备")
        #expect(t("level.II") == "Ⅱ级")
        for hazard in HazardType.allCases { #expect(t.has("hazard.\(hazard.rawValue)"), "\(hazard)") }
        for mode in ReserveMode.allCases { #expect(t.has("mode.\(mode.rawValue)"), "\(mode)") }
        for level in ResponseLevel.allCases { #expect(t.has("level.\(level.rawValue)"), "\(level)") }
        for level in AdministrativeLevel.allCases { #expect(t.has("adminLevel.\(level.rawValue)"), "\(level)") }
    }

    @Test func placeholdersAreFilledByName() {
        #expect(Localizer(.zh)("orders.title", ["count": "84"]) == "调运单（84 条）")
        #expect(Localizer(.en)("orders.title", ["count": "84"]) == "Orders (84)")
        #expect(Localizer(.zh)("no.such.key") == "no.such.key")
    }

    @Test func theEnvironmentChoosesByPOSIXPrecedence() {
        #expect(Language.fromEnvironment([:]) == .en)
        #expect(Language.fromEnvironment(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment(["LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_TW.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment(["LANG": "zh_CN.UTF-8", "LC_ALL": "C"]) == .en)
        #expect(Language.fromEnvironment(["LANG": "zh_CN.UTF-8", "LC_ALL": ""]) == .zh)
        #expect(Language.fromEnvironment(["LC_ALL": "zh_SG"]) == .zh)
    }

    /// Each warning form of the library, as the library writes it, renders from its key.
    @Test func everyWarningFormRendersInChinese() {
        let w = Wording(.zh)
        let samples = [
            "area A1: needs unknown item X": "区域 A1：需求中有未知物资 X",
            "area A1: household reserves cover 10 of 40 份 方便食品": "区域 A1：家庭储备满足 40 中的 10（份 方便食品）",
            "area A1: no centroid, so no road reaches it": "区域 A1：没有中心点坐标，没有道路能到达",
            "3 stock lots expire before relief ends and are not sent": "3 批库存在救助结束前过期，不予调运",
            "1 stock lot expire before relief ends and are not sent": "1 批库存在救助结束前过期，不予调运",
            "depot SZ-D-SX-DJ (墩集镇应急物资储备点) is unusable in this scenario": "储备库 SZ-D-SX-DJ（墩集镇应急物资储备点）在本场景中无法使用",
            "depot D1 (厂) is production capacity without a production rate": "储备库 D1（厂）为产能储备，但没有给出产能",
            "depot D1 (厂): production capacity lists no items in stock.csv, so it produces nothing here":
                "储备库 D1（厂）为产能储备，但 stock.csv 中没有列出物资，本场景不生产",
            "depot D1 is 2.5 km from the nearest road node": "储备库 D1 距最近的道路节点 2.5 公里",
            "incident i1: closed road n1–n2 is not in the network": "事件 i1：中断道路 n1–n2 不在路网中",
            "incident i1: slowed road n1–n2 is not in the network": "事件 i1：限速道路 n1–n2 不在路网中",
            "incident i1: unknown road class 'lane' in an area factor": "事件 i1：区域系数中有未知道路等级“lane”",
        ]
        for (english, chinese) in samples {
            #expect(WarningText.render(english, w) == chinese)
            #expect(WarningText.render(english, Wording(.en)) == english)
        }
        #expect(WarningText.forms.count == 11)
    }

    /// Numbers one way (Foundation's FormatStyle with the language's locale).
    @Test func numbersAreFormattedOneWay() {
        for language in Language.allCases {
            let w = Wording(language)
            #expect(w.number(19928.5712) == "19,928.57")
            #expect(w.number(38600) == "38,600")
            #expect(w.number(120.001) == "120")
            #expect(w.number(-0.001) == "0")
            #expect(w.yuan(18857.6) == "¥18,858")
            #expect(w.yuan(2_000_000) == "¥2,000,000")
            #expect(w.percent(0.96) == "96.0%")
            #expect(w.percent(0.7779) == "77.8%")
            #expect(w.percent(1) == "100.0%")
        }
        #expect(Wording(.en).hours(2.54) == "2.5 h")
        #expect(Wording(.zh).hours(10) == "10 小时")
    }

    /// Clock times in the scenario's zone, worked out by hand from the start.
    @Test func clockTimesAreLocalWithTheDay() throws {
        let c = try #require(ScenarioClock("2025-08-12T05:00:00+08:00"))
        #expect(c.iso(4.2) == "2025-08-12T09:12:00+08:00")
        #expect(c.iso(20) == "2025-08-13T01:00:00+08:00")
        #expect(Wording(.zh).clock(4.2, c) == "8月12日 09:12 +4.2小时")
        #expect(Wording(.en).clock(4.2, c) == "Aug 12 09:12 +4.2 h")
        #expect(Wording(.zh).clock(20, c) == "8月13日 01:00 +20小时")
        #expect(Wording(.zh).clock(3, nil) == "3 小时")
        let west = try #require(ScenarioClock("2025-12-31T22:30:00-05:00"))
        #expect(west.iso(2) == "2026-01-01T00:30:00-05:00")
        #expect(Wording(.en).clock(2, west) == "Jan 1 00:30 +2 h")
        let utc = try #require(ScenarioClock("2025-03-01T00:00:00Z"))
        #expect(utc.iso(0.5) == "2025-03-01T00:30:00+00:00")
        #expect(ScenarioClock("2025-08-12 05:00") == nil)
    }

    /// The calendar arithmetic against Foundation's Gregorian calendar on 20,000 seeded
    /// instants (1583–2400, offsets −12…+14 h, starts with fractional seconds, leap days
    /// and year ends among them), and the ISO text against printf's.
    @Test func clockArithmeticMatchesFoundationsCalendar() throws {
        var rng = SeededGenerator(seed: 2026)
        let starts = ["2024-02-28T23:59:59+08:00", "1999-12-31T23:30:00-05:00", "1600-02-29T12:00:00+00:00",
                      "2100-02-28T20:00:00+14:00", "2025-07-10T03:00:00.750+08:00", "1583-01-01T00:00:00Z"]
        for iso in starts {
            let clock = try #require(ScenarioClock(iso))
            for _ in 0..<1000 {
                let hours = Double.random(in: 0...2_000, using: &rng)
                let c = clock.components(hours)
                #expect(c == ScenarioClock.calendarComponents(clock.date(hours), clock.offsetSeconds), "\(iso) + \(hours) h")
                let off = abs(clock.offsetSeconds)
                let printf = String(format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d", c.year, c.month, c.day, c.hour, c.minute,
                                    c.second, clock.offsetSeconds < 0 ? "-" : "+", off / 3600, off % 3600 / 60)
                #expect(clock.iso(hours) == printf)
            }
        }
        for _ in 0..<14_000 {
            let seconds = Double.random(in: -12_212_553_600...13_569_465_600, using: &rng).rounded(.down) + 0.25
            let offset = Int.random(in: -48...56, using: &rng) * 900
            let text = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: seconds))
            let clock = try #require(ScenarioClock(text))
            let shifted = ScenarioClock(start: clock.start, offsetSeconds: offset)
            let c = shifted.components(0)
            guard (shifted.start.timeIntervalSince1970 + Double(offset)) >= ScenarioClock.gregorianFrom else { continue }
            #expect(c == ScenarioClock.calendarComponents(shifted.date(0), offset), "\(text) at \(offset) s")
        }
    }

    @Test func idsSortAsPeopleCount() {
        let ids = ["S10", "S2", "S1", "S11", "hg-b", "hg-a"]
        #expect(ids.sorted(by: Wording.naturalOrder) == ["S1", "S2", "S10", "S11", "hg-a", "hg-b"])
    }

    static let bundles = ["hegang", "huangshigang", "linjiang", "suzhou", "manzhouli"]

    @Test(arguments: bundles)
    func everySampleScenarioRendersInChineseWithoutEnglish(bundle name: String) throws {
        let validated = try BundleReader.read(at: packageRoot.appendingPathComponent("Data/\(name)").path).validated()
        let network = try #require(validated.network)
        let keys = Localizer.keys(of: .en).filter { $0.contains(".") }
        for scenario in validated.bundle.scenarios {
            let options = ResponseOptions(routeGeometry: true)
            let r = try ResponsePlanner(options: options).respond(to: scenario.id, in: validated.bundle, network: network)
            let report = ResponseReport(r, bundle: validated.bundle)
            let allowed = try dataWords(report, bundle: validated.bundle)
            let table = ResponseText.render(report, language: .zh, maxOrders: 10_000)
            let html = visibleText(ResponseHTML.render(r, report: report, language: .zh))
            for (kind, text) in [("table", table), ("html", html)] {
                let english = Set(words(text)).subtracting(allowed)
                #expect(english.isEmpty, "\(name)/\(scenario.id) \(kind): English words \(english.sorted())")
                let untranslated = keys.filter { text.contains($0) }
                #expect(untranslated.isEmpty, "\(name)/\(scenario.id) \(kind): keys \(untranslated.sorted())")
            }
            #expect(table.contains(Localizer(.zh)(report.summary.allTargetsMet ? "verdict.allMet" : "verdict.notMet")))
            // English stays English: the verdict and headings are the English table's.
            let englishTable = ResponseText.render(report, language: .en)
            #expect(englishTable.contains(report.summary.allTargetsMet ? "ALL TARGETS MET" : "TARGETS NOT MET"))
            #expect(englishTable.contains("Relief by area") && !englishTable.contains("各区域救助情况"))
            // The detector itself sees the English table's words.
            #expect(Set(words(englishTable)).subtracting(allowed).isSuperset(of: ["Scenario", "Result", "area", "deadline"]))
        }
    }

    /// Coverage and plan tables in Chinese: no English word but ids and names from the data.
    @Test(arguments: ["hegang", "suzhou"])
    func coverageAndPlanRenderInChineseWithoutEnglish(bundle name: String) throws {
        let validated = try BundleReader.read(at: packageRoot.appendingPathComponent("Data/\(name)").path).validated()
        let bundle = validated.bundle, network = try #require(validated.network)
        var texts: [String] = bundle.manifest.policies.map(\.id.rawValue)
        for scenario in bundle.scenarios {
            texts += [scenario.id.rawValue, scenario.name, scenario.policy?.rawValue ?? ""]
            texts += scenario.incidents.map(\.id.rawValue)
        }
        for area in bundle.areas { texts += [area.id.rawValue, area.name] }
        for depot in bundle.depots { texts += [depot.id.rawValue, depot.name] }
        for item in bundle.items { texts += [item.id.rawValue, item.name, item.unit] }
        var allowed = Set(texts.flatMap(words))
        allowed.formUnion(["json"])  // "--json" in the "more rows" hint
        let coverage = try CoverageReport(bundle.scenarios.map {
            try CoverageAnalyzer().coverage(of: $0.id, in: bundle, level: .township, network: network)
        })
        let plan = try ReservePlanner(options: ReservePlanOptions(budgetYuan: 1_000_000)).plan(bundle, network: network)
        let planText = PlanText.render(PlanReport(plan, bundle: bundle, objective: .shortfall, budget: 1_000_000), language: .zh)
        let coverageText = CoverageText.render(coverage, showAll: true, language: .zh)
        for (kind, text) in [("coverage", coverageText), ("plan", planText)] {
            let english = Set(words(text)).subtracting(allowed)
            #expect(english.isEmpty, "\(name) \(kind): English words \(english.sorted())")
        }
        #expect(coverageText.hasPrefix("场景      ") && planText.hasPrefix("目标      缺口最小"))
        // The detector sees the English tables' words.
        #expect(Set(words(CoverageText.render(coverage, language: .en))).subtracting(allowed).isSuperset(of: ["Scenario", "Arrival", "population"]))
    }

    /// Latin-letter words of a text.
    func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isASCII && $0.isLetter) }).map(String.init)
    }

    /// The words the data brings (ids, names, units, the start timestamp), which a
    /// Chinese report prints as they are; plus the CLI's own flag (`--format json`)
    /// and the product's name.
    func dataWords(_ report: ResponseReport, bundle: ReserveBundle) throws -> Set<String> {
        var strings: [String] = ["--format json", "EmergencyReserve"]
        let dataKeys: Set<String> = ["id", "name", "start", "source", "incident", "from", "fromName", "to", "toName", "item",
                                     "itemName", "unit", "area", "areaName", "depot", "depotName", "team", "teamName"]
        func walk(_ value: Any, key: String?) {
            if let d = value as? [String: Any] { for (k, v) in d { walk(v, key: k) } }
            else if let a = value as? [Any] { for v in a { walk(v, key: key) } }
            else if let s = value as? String, let key, dataKeys.contains(key) { strings.append(s) }
        }
        walk(try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)), key: nil)
        strings += bundle.depots.flatMap { [$0.id.rawValue, $0.name] } + bundle.items.flatMap { [$0.id.rawValue, $0.name, $0.unit] }
        strings += bundle.roadNodes.map(\.id.rawValue)
        return Set(strings.flatMap(words))
    }

    /// The text a reader sees: no style sheet, no tags, entities decoded.
    func visibleText(_ html: String) -> String {
        var text = html
        while let start = text.range(of: "<style"), let end = text.range(of: "</style>", range: start.upperBound..<text.endIndex) {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        var out = ""
        var inTag = false
        for c in text {
            if c == "<" { inTag = true; out.append(" ") } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    func placeholders(_ text: String) -> Set<String> {
        var result = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result.insert(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return result
    }
}
