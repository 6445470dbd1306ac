import Localization
import Planning
import ReserveModel

/// The JSON document of `reserve plan --budgets` (schema version 1, docs/formats.md):
/// per budget, the expected and worst weighted shortfall and the relief compliance by
/// dispatch, with the plan behind each point.
public struct PlanFrontierReport: Codable, Sendable, Equatable {
    public var schemaVersion = 1
    /// `shortfall` or `robust`.
    public var objectiveKind: String
    /// Today's stock, by dispatch.
    public var before: Figures
    /// In increasing budget.
    public var points: [Point]

    /// What dispatch reports for one stock.
    public struct Figures: Codable, Sendable, Equatable {
        public var expectedShortfall: Double, worstShortfall: Double
        /// Probability-weighted share of areas meeting the relief target.
        public var reliefCompliance: Double
    }

    /// One budget.
    public struct Point: Codable, Sendable, Equatable {
        public var budgetYuan: Double
        /// The plan's cost (≤ the budget), CNY.
        public var costYuan: Double
        public var after: Figures
        /// Whether a smaller budget's plan is kept here (it dispatches better and fits).
        public var carriedFromSmallerBudget: Bool
        /// The full plan at this budget.
        public var plan: PlanReport
    }

    /// Builds the document.
    public init(_ f: PlanFrontier, bundle: ReserveBundle, objective kind: ReservePlanObjective) {
        objectiveKind = kind.rawValue
        let plans = f.points.map { PlanReport($0.plan, bundle: bundle, objective: kind, budget: $0.budgetYuan) }
        let first = plans.first
        before = Figures(expectedShortfall: first?.expectedShortfall.before ?? 0, worstShortfall: first?.worstShortfall.before ?? 0,
                         reliefCompliance: first?.reliefCompliance.before ?? 0)
        points = zip(f.points, plans).map { point, plan in
            Point(budgetYuan: point.budgetYuan, costYuan: plan.cost.total,
                  after: Figures(expectedShortfall: plan.expectedShortfall.after, worstShortfall: plan.worstShortfall.after,
                                 reliefCompliance: plan.reliefCompliance.after),
                  carriedFromSmallerBudget: point.carriedFromSmallerBudget, plan: plan)
        }
    }
}

extension PlanText {
    /// The frontier as a table: one row per budget.
    public static func render(frontier r: PlanFrontierReport, language: Language = .en, width: Int? = TextTable.defaultWidth) -> String {
        let w = Wording(language)
        var out = [w("frontier.title", ["objective": w.name("objective", r.objectiveKind),
                                        "expected": ResponseText.format6(r.before.expectedShortfall),
                                        "worst": ResponseText.format6(r.before.worstShortfall),
                                        "relief": w.percent(r.before.reliefCompliance)])]
        var table = TextTable(columns: [.init(w("frontier.budget"), alignment: .right), .init(w("frontier.cost"), alignment: .right),
                                        .init(w("frontier.expected"), alignment: .right), .init(w("frontier.worst"), alignment: .right),
                                        .init(w("frontier.relief"), alignment: .right)])
        for p in r.points {
            table.append([w.yuan(p.budgetYuan) + (p.carriedFromSmallerBudget ? " *" : ""), w.yuan(p.costYuan),
                          ResponseText.format6((p.after.expectedShortfall * 1000).rounded() / 1000),
                          ResponseText.format6((p.after.worstShortfall * 1000).rounded() / 1000), w.percent(p.after.reliefCompliance)])
        }
        out.append(table.render(width: width))
        if r.points.contains(where: \.carriedFromSmallerBudget) { out.append(w("frontier.carried")) }
        // What each column counts, in its unit: the table alone shows bare numbers.
        out.append(w("frontier.meaning"))
        return out.joined(separator: "\n")
    }
}
