/// Why a ledger operation was refused or failed. Each case carries what a caller needs
/// to explain it; ``description`` is the sentence the CLI prints.
public enum LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database file does not exist (run `reserve ledger init` first).
    case missingDatabase(path: String)
    /// The file was written by a newer version of this program.
    case newerSchema(path: String, found: Int, supported: Int)
    /// A lot named by item and lot number (and expiry) is not in the ledger, or is ambiguous.
    case unknownLot(item: String, lot: String, detail: String)
    /// No movement with this id.
    case unknownMovement(id: Int64)
    /// A request field is missing or out of range (quantity ≤ 0, an empty approval, …).
    case invalidRequest(Request)
    /// The movement would take a balance below zero without `allowNegative`.
    case insufficientStock([Shortage])
    /// The idempotency key was already used for a different request.
    case idempotencyConflict(key: String, existing: String)
    /// The movement was already reversed (by the given movement).
    case alreadyReversed(id: Int64, by: Int64)
    /// A dispatch response could not be read or is not a dispatch (`source`: the file,
    /// empty when the orders came from memory): every problem, each with its JSON path.
    case invalidDispatch(source: String, problems: [FileProblem])
    /// A 台账 spreadsheet or its mapping has problems: every one, each naming sheet, row and column.
    case invalidSheet(source: String, problems: [FileProblem])
    /// SQLite (or the file system) failed.
    case database(String)
    /// The async call was cancelled: its transaction was rolled back, nothing was
    /// posted. The async methods throw `CancellationError` instead.
    case cancelled

    /// One balance a posting would take below zero.
    public struct Shortage: Equatable, Sendable, CustomStringConvertible {
        /// What asked for the stock: a movement kind, or a dispatch order ("order 3: HG-D-CITY → HG-XX water").
        public var request: String
        /// The depot short of stock.
        public var depot: String
        /// The item id.
        public var item: String
        /// Lot number, or nil when the request was for an item at a depot (FEFO).
        public var lot: String?
        /// Units asked for.
        public var requested: Double
        /// Units available.
        public var available: Double

        /// Creates a shortage.
        public init(request: String, depot: String, item: String, lot: String?, requested: Double, available: Double) {
            self.request = request
            self.depot = depot
            self.item = item
            self.lot = lot
            self.requested = requested
            self.available = available
        }

        public var description: String {
            let what = lot.map { "lot '\($0)' of '\(item)'" } ?? "'\(item)'"
            return "\(request): \(what) at '\(depot)' needs \(LedgerQuantity.text(requested)), only \(LedgerQuantity.text(available)) on hand"
        }
    }

    public var description: String {
        switch self {
        case .missingDatabase(let path):
            return "\(path): no such ledger; create it with 'reserve ledger init --db \(path)'"
        case .newerSchema(let path, let found, let supported):
            return "\(path): ledger schema version \(found) is newer than this program supports (\(supported)); use a newer 'reserve'"
        case .unknownLot(let item, let lot, let detail):
            return "no lot '\(lot)' of item '\(item)'\(detail.isEmpty ? "" : ": \(detail)")"
        case .unknownMovement(let id):
            return "no movement with id \(id)"
        case .invalidRequest(let request):
            return request.description
        case .insufficientStock(let shortages):
            return "not enough stock (nothing was posted):\n" + shortages.map { "  \($0)" }.joined(separator: "\n")
        case .idempotencyConflict(let key, let existing):
            return "idempotency key '\(key)' was already used for a different movement (\(existing))"
        case .alreadyReversed(let id, let by):
            return "movement \(id) was already reversed by movement \(by)"
        case .invalidDispatch(let source, let problems):
            return problems.map { source.isEmpty ? $0.description : "\(source): \($0)" }.joined(separator: "\n")
        case .invalidSheet(let source, let problems):
            let shown = problems.prefix(50).map { "  \($0)" }.joined(separator: "\n")
            let more = problems.count > 50 ? "\n  … and \(problems.count - 50) more" : ""
            return "\(source): \(problems.count) problem(s), nothing imported:\n\(shown)\(more)"
        case .database(let message):
            return "database: \(message)"
        case .cancelled:
            return "cancelled; nothing was posted"
        }
    }
}
