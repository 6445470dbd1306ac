/// A simplex basis: the status of every row's auxiliary variable and of every column.
///
/// An LP re-solved after small changes (other right-hand sides, a few columns more or
/// less) usually needs far fewer simplex iterations from its previous optimal basis
/// than from scratch; GLPK's `GLPKSolver.solve(_:startingFrom:)` takes one and returns the
/// new one. A basis is plain data, so it may outlive the GLPK problem it came from and
/// cross threads.
public struct SimplexBasis: Sendable, Hashable {
    /// Where a variable stands.
    public enum Status: Sendable, Hashable {
        /// In the basis.
        case basic
        /// Non-basic at its lower bound.
        case atLower
        /// Non-basic at its upper bound.
        case atUpper
        /// Non-basic and free (at zero).
        case free
        /// Non-basic and fixed.
        case fixed
    }

    /// One status per row (its auxiliary variable).
    public var rows: [Status]
    /// One status per column.
    public var columns: [Status]

    /// The scale factors the solver used with this basis, kept so that a re-solve of
    /// the same matrix (other bounds, kinds or objective) need not compute them again.
    package var scaling: Scaling?

    /// A basis from its statuses.
    public init(rows: [Status], columns: [Status]) {
        self.rows = rows
        self.columns = columns
    }

    /// Row and column scale factors of one constraint matrix.
    ///
    /// They depend on the matrix alone, so the factors of a model are the factors of
    /// every model with the same matrix: `matrix` identifies it (a hash of its
    /// structure and coefficients, valid in this process only).
    package struct Scaling: Sendable, Hashable {
        /// One factor per row.
        package var rows: [Double]
        /// One factor per column.
        package var columns: [Double]
        /// The matrix the factors belong to.
        package var matrix: Int

        package init(rows: [Double], columns: [Double], matrix: Int) {
            self.rows = rows
            self.columns = columns
            self.matrix = matrix
        }
    }
}
