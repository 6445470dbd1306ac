import Foundation
import Localization

/// `reserve plan --format html`: a self-contained page (inline CSS and SVG, system
/// fonts, no network), for one plan or for the budget frontier with its chart.
public enum PlanHTML {
    /// The page of one plan: its summary and every change, as the text report.
    public static func render(plan r: PlanReport, language: Language = .en) -> String {
        let w = Wording(language)
        return page(title: w("html.planTitle"), w: w) + "<pre>" + ResponseHTML.escape(PlanText.render(r, language: language, width: nil))
            + "</pre></body></html>\n"
    }

    /// The frontier page: the chart of expected and worst shortfall against the budget,
    /// then the table.
    public static func render(frontier r: PlanFrontierReport, language: Language = .en) -> String {
        let w = Wording(language)
        var html = page(title: w("html.frontierTitle"), w: w)
        html += "<h1>\(ResponseHTML.escape(w("html.frontierTitle")))</h1>"
        html += "<p class=muted>\(ResponseHTML.escape(w("html.frontierShortfall")))</p>" + chart(r, w: w)
        let rows = r.points.map { p in
            [w.yuan(p.budgetYuan) + (p.carriedFromSmallerBudget ? " *" : ""), w.yuan(p.costYuan),
             ResponseText.format6((p.after.expectedShortfall * 1000).rounded() / 1000),
             ResponseText.format6((p.after.worstShortfall * 1000).rounded() / 1000), w.percent(p.after.reliefCompliance)]
        }
        html += ResponseHTML.table(["frontier.budget", "frontier.cost", "frontier.expected", "frontier.worst", "frontier.relief"].map { w($0) },
                                   numeric: [0, 1, 2, 3, 4], rows: rows)
        if r.points.contains(where: \.carriedFromSmallerBudget) { html += "<p class=muted>\(ResponseHTML.escape(w("frontier.carried")))</p>" }
        return html + "</body></html>\n"
    }

    static func page(title: String, w: Wording) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(w("html.lang"))"><head><meta charset="utf-8">
        <title>\(ResponseHTML.escape(title)) — EmergencyReserve</title>
        <style>
        body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",SimHei,system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}
        h1{font-size:22px;margin:0 0 4px}table{border-collapse:collapse;font-size:13px;margin:8px 0}
        td,th{padding:3px 8px;border-bottom:1px solid #eee;text-align:left}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
        .muted{color:#777;font-size:12px}pre{font-size:12px}
        </style></head><body>
        """
    }

    /// Expected (solid) and worst (dashed) shortfall after the plan against the budget,
    /// with today's expected shortfall as a grey line; x by budget, y from 0.
    static func chart(_ r: PlanFrontierReport, w: Wording) -> String {
        let (width, height, left, bottom, top, right) = (720.0, 320.0, 70.0, 40.0, 20.0, 20.0)
        let budgets = r.points.map(\.budgetYuan)
        let maxX = max(budgets.max() ?? 1, 1)
        let maxY = max(r.points.map(\.after.worstShortfall).max() ?? 0, r.before.expectedShortfall, r.before.worstShortfall, 1e-9)
        func x(_ b: Double) -> Double { left + (width - left - right) * b / maxX }
        func y(_ v: Double) -> Double { height - bottom - (height - bottom - top) * v / maxY }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"frontier\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-size=\"11\">"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(y(0)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(0)))\" stroke=\"#999\"/>"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(y(0)))\" stroke=\"#999\"/>"
        for k in 0...4 {
            let v = maxY * Double(k) / 4
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\">\(ResponseText.format6((v * 100).rounded() / 100))</text>"
        }
        for b in budgets {
            svg += "<text x=\"\(f(x(b)))\" y=\"\(f(height - bottom + 16))\" text-anchor=\"middle\">\(ResponseHTML.escape(w.yuan(b)))</text>"
        }
        svg += "<text x=\"\(f((left + width - right) / 2))\" y=\"\(f(height - 4))\" text-anchor=\"middle\">\(ResponseHTML.escape(w("html.frontierAxis")))</text>"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(y(r.before.expectedShortfall)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(r.before.expectedShortfall)))\" stroke=\"#bbb\" stroke-dasharray=\"2 3\"/>"
        let expected = r.points.map { "\(f(x($0.budgetYuan))),\(f(y($0.after.expectedShortfall)))" }.joined(separator: " ")
        let worst = r.points.map { "\(f(x($0.budgetYuan))),\(f(y($0.after.worstShortfall)))" }.joined(separator: " ")
        svg += "<polyline class=\"expected\" points=\"\(expected)\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\"/>"
        svg += "<polyline class=\"worst\" points=\"\(worst)\" fill=\"none\" stroke=\"#c62828\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
        for p in r.points {
            svg += "<circle cx=\"\(f(x(p.budgetYuan)))\" cy=\"\(f(y(p.after.expectedShortfall)))\" r=\"3\" fill=\"#1565c0\"><title>\(ResponseHTML.escape(w.yuan(p.budgetYuan))): \(ResponseText.format6(p.after.expectedShortfall))</title></circle>"
        }
        svg += "</svg>"
        let legend = "<div class=muted><span style=\"color:#1565c0\">━ \(ResponseHTML.escape(w("frontier.expected")))</span> · "
            + "<span style=\"color:#c62828\">╍ \(ResponseHTML.escape(w("frontier.worst")))</span> · "
            + "<span style=\"color:#999\">┈ \(ResponseHTML.escape(w("html.frontierToday")))</span></div>"
        return svg + legend
    }
}
