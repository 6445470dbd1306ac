import LinearSolver

/// Whole pieces of indivisible items (docs/formulation.md, "Whole pieces").
extension BuiltGoodsModel {
    /// A shipment within this of a whole number is whole (solver noise).
    static let wholeTolerance = 1e-6

    /// The shipment columns of items that are not divisible.
    func pieceArcs(problem: GoodsProblem) -> [Arc] {
        arcs.filter { !problem.items[needs[$0.need].item].divisible }
    }

    /// Whether `values` send part of a piece of an item that is not divisible.
    func splitsPieces(_ values: [Double], problem: GoodsProblem) -> Bool {
        pieceArcs(problem: problem).contains { arc in
            let x = values[Int(arc.variable.index)]
            return abs(x - x.rounded()) > Self.wholeTolerance
        }
    }

    /// The model with whole pieces: each indivisible shipment the LP split becomes an
    /// integer column, and each one it left whole is fixed at that value. The search
    /// is over the pieces the LP could not place, which is what keeps branch and bound
    /// on GLPK to seconds; a column left free and continuous could split a piece
    /// again, and making all of them integer left Hegang's songhua flood at a 54 % gap
    /// after five minutes (docs/decisions.md).
    func wholePiecesModel(_ lp: [Double], problem: GoodsProblem) -> Model {
        var whole = model
        for arc in pieceArcs(problem: problem) {
            let x = max(0, lp[Int(arc.variable.index)])
            if abs(x - x.rounded()) > Self.wholeTolerance {
                whole.setKind(arc.variable, .integer)
            } else {
                whole.setBounds(arc.variable, lower: x.rounded(), upper: x.rounded())
            }
        }
        return whole
    }

    /// The rounding heuristic: `values` with every indivisible shipment rounded down
    /// to whole pieces and the shortfalls u and z grown by what that took away. Less
    /// is shipped, so every stock, loading and truck row still holds; branch and bound
    /// starts from it as its first integer solution.
    func roundedDown(_ values: [Double], problem: GoodsProblem) -> [Double] {
        var values = values
        for arc in pieceArcs(problem: problem) {
            let j = Int(arc.variable.index)
            values[j] = max(0, (values[j] + Self.wholeTolerance).rounded(.down))
        }
        var onTime = [Double](repeating: 0, count: needs.count), all = onTime
        for arc in arcs {
            let x = max(0, values[Int(arc.variable.index)])
            all[arc.need] += x
            if arc.onTime { onTime[arc.need] += x }
        }
        for (n, need) in needs.enumerated() {
            values[Int(shortByDeadline[n].index)] = max(0, need.quantity - onTime[n])
            values[Int(shortByHorizon[n].index)] = max(0, need.quantity - all[n])
        }
        return values
    }
}
