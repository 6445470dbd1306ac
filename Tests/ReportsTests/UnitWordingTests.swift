import BundleGraph
import BundleIO
import Foundation
import Localization
import Reports
import ReserveModel
import Response
import Testing
import TestSupport

/// Issue 14, item 5: marginal values in the item's unit with the objective's meaning,
/// ties grouped, on the hand-checked bundle of `HandCheckedBundles.oneTruth()`.
///
/// Worked by hand: V2 needs 100 tents and gets the 90 depot D holds. The weight of the
/// need is criticality 1 × priority 3 (response level II), so the weighted shortfall is
/// 3 × 10 / 100 = 0.3, and one more tent at D lowers it by 3 / 100 = 0.03.
@Suite struct UnitWordingTests {
    static func report() throws -> ResponseReport {
        let dir = try HandCheckedBundles.oneTruth()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bundle = try BundleReader.read(at: dir.path).bundle
        let response = try ResponsePlanner().respond(to: "s", in: bundle, network: try BundleNetwork(bundle: bundle))
        return ResponseReport(response, bundle: bundle)
    }

    @Test func marginalValueIsSaidInTheItemsUnit() throws {
        let r = try Self.report()
        #expect(abs(r.model.levelObjectives[0] - 0.3) < 1e-9)
        let tent = try #require(r.marginalValues.first { $0.depot == "D" && $0.item == "tent" })
        #expect(abs(tent.value - 0.03) < 1e-9 && tent.unit == "顶")
        let zh = ResponseText.render(r, language: .zh)
        #expect(zh.contains("每多 1 顶帐篷，加权缺口减少 0.03"), "\(zh)")
        #expect(zh.contains("加权缺口：各项需求的“物资重要度 × 事件优先级"))
        let en = ResponseText.render(r, language: .en)
        #expect(en.contains("each extra 顶 of 帐篷 lowers the weighted shortfall by 0.03"), "\(en)")
    }

    @Test func equalValuesAreOneGroupNotARanking() throws {
        var r = try Self.report()
        // Five depots with one value for tents, one with a smaller value.
        func value(_ depot: String, _ x: Double) throws -> ResponseReport.MarginalValue {
            let json = #"{"depot":"\#(depot)","depotName":"库\#(depot)","item":"tent","itemName":"帐篷","unit":"顶","value":\#(x)}"#
            return try JSONDecoder().decode(ResponseReport.MarginalValue.self, from: Data(json.utf8))
        }
        r.marginalValues = try ["A", "B", "C", "D", "E"].map { try value($0, 0.005894) } + [try value("F", 0.001)]
        let en = ResponseText.render(r, language: .en, width: nil)
        #expect(en.contains("5 depots, same value: 库A, 库B, 库C and 2 more"), "\(en)")
        #expect(en.components(separatedBy: "lowers the weighted shortfall by 0.005894").count - 1 == 1)
        #expect(en.contains("库F") && en.contains("lowers the weighted shortfall by 0.001"))
        let zh = ResponseText.render(r, language: .zh, width: nil)
        #expect(zh.contains("库A、库B、库C等5个储备库，数值相同（另 2 个未列出）"), "\(zh)")
    }

    /// The Chinese templates this issue added read as Chinese: no English word once the
    /// placeholders are out (file names and units typed by planners aside).
    @Test func newChineseTemplatesAreChinese() {
        let zh = Localizer(.zh)
        let keys = Localizer.keys(of: .zh).filter { key in
            ["marginal.", "team.", "teams.", "site.unit.", "plan.shortfall", "plan.itemShortfallTitle", "plan.expectedShort",
             "plan.worstShort", "site.meanHours", "site.covered", "site.servedWeight", "site.summary"].contains { key.hasPrefix($0) }
        }
        #expect(keys.count >= 20)
        for key in keys {
            var text = zh(key)
            while let open = text.firstIndex(of: "{"), let close = text[open...].firstIndex(of: "}") {
                text.removeSubrange(open...close)
            }
            text = text.replacingOccurrences(of: "od.csv", with: "")
            #expect(!text.contains(/[A-Za-z]{2,}/), "\(key): \(zh(key))")
        }
    }
}
