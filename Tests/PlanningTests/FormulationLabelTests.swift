import BundleIO
import Foundation
import LinearSolver
import ReserveModel
import Testing
import TestSupport
@testable import Planning
@testable import Response

/// docs/formulation.md names each constraint by a label ("* **[D4] stock** …"); the
/// code names its rows with the same label as prefix. Every label of a constraint line
/// in the goods, teams and reserve-level sections must exist as a row of the models
/// built for the five samples (the goods LP and team MIP of every scenario, and each
/// bundle's reserve-level program), so the page cannot drift from the code unseen.
@Suite struct FormulationLabelTests {
    /// Constraint labels of the page: `* **[X]**` and `/ [Y]` on a bullet line.
    func documentedRowLabels() throws -> Set<String> {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("docs/formulation.md"), encoding: .utf8)
        var labels = Set<String>()
        let pattern = try Regex(#"\[([DTP][0-9][a-z]*)\]"#)
        for line in text.split(separator: "\n") where line.hasPrefix("* **[") {
            for match in line.matches(of: pattern) {
                if let label = match.output[1].substring { labels.insert(String(label)) }
            }
        }
        labels.remove("P1") // [P1] is the bounds of the first-stage columns, not a row
        // [P6] (robust epigraph) rows are added when the robust objective is solved,
        // not when the program is built; ReservePlanTests' robust cases solve them.
        labels.remove("P6")
        return labels
    }

    @Test func everyDocumentedRowExistsInTheBuiltModels() throws {
        let documented = try documentedRowLabels()
        #expect(documented.isSuperset(of: ["D1", "D2", "D3", "D4", "D4t", "D5", "D6", "D7", "D8", "D9",
                                           "T1", "T2", "T3", "T4", "P2v", "P2w", "P3", "P3k", "P3m", "P4", "P5"]), "\(documented.sorted())")
        var built = Set<String>()
        func collect(_ m: Model) {
            for name in m.rowNames where !name.isEmpty {
                built.insert(String(name.prefix { $0 != "[" }))
            }
        }
        for name in ["hegang", "huangshigang", "linjiang", "suzhou", "manzhouli"] {
            let validated = try BundleReader.read(at: packageRoot.appendingPathComponent("Data/\(name)").path).validated()
            let network = try #require(validated.network)
            let options = ResponseOptions(dispatch: DispatchOptions(nameModel: true))
            for scenario in validated.bundle.scenarios {
                let response = try ResponsePlanner(options: options).respond(to: scenario.id, in: validated.bundle, network: network)
                collect(try #require(response.goods.model))
                let p = response.teamProblem
                let arrival = p.options.map { $0.travelHours + p.teams[$0.team].mobilisationHours }
                collect(TeamAssigner().singleMIP(p, arrival: arrival).model)
            }
            // With moves ([P3m]) and without ([P3], [P3k], as the decomposition plans).
            for moves in [true, false] {
                let planOptions = ReservePlanOptions(budgetYuan: 1_000_000, allowMoves: moves, decomposition: .deterministicEquivalent)
                collect(try ReservePlanner(options: planOptions).builder(for: validated.bundle, network: network).model)
            }
        }
        let missing = documented.subtracting(built).sorted()
        #expect(missing.isEmpty, "labels in docs/formulation.md with no row in any built model: \(missing)")
    }
}
