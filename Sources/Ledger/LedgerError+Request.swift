extension LedgerError {
    /// What is wrong with a request, as a stable code with its values: the CLI renders
    /// `ledger.request.<code>` from the strings tables; ``description`` is English.
    public enum Request: Equatable, Sendable, CustomStringConvertible {
        /// --from `from` is after --to `to`
        case periodOrder(from: String, to: String)
        /// `url` is not a URL of the form postgres://user:password@host:port/database
        case postgresURL(url: String)
        /// `url`: query parameters ('?`query`') are not supported
        case postgresQuery(url: String, query: String)
        /// PGPORT '`text`' is not a port number
        case postgresPort(text: String)
        /// stock row `row`: quantity `quantity` is not a number of units ≥ 0
        case stockQuantity(row: Int, quantity: String)
        /// the ledger holds stock the bundle does not define: `ids`
        case unknownStock(ids: String)
        /// a lot needs an item and a lot number
        case lotLabel
        /// a write-off needs an approval reference (--approval)
        case writeOffApproval
        /// a transfer needs two different depots
        case transferSameDepot
        /// a counted quantity must be ≥ 0, not `counted`
        case negativeCount(counted: String)
        /// movement `movement` is a reversal; post the original movement again instead
        case reverseReversal(movement: Int64)
        /// a movement needs a user
        case noUser
        /// a movement needs a document number (--document)
        case noDocument
        /// allowing a negative balance needs a reason
        case negativeReason
        /// an idempotency key cannot be empty
        case emptyIdempotencyKey
        /// a movement needs a depot
        case noDepot
        /// quantity must be a positive number of units, not `value`
        case quantity(value: String)
        /// Several problems at once (every bad stock row of a bundle).
        indirect case several([Request])

        /// The stable code: the case name, the key `ledger.request.<code>`.
        public var code: String { parts.code }

        /// The values the sentence names, by placeholder.
        public var arguments: [String: String] { parts.arguments }

        private var parts: (code: String, arguments: [String: String]) {
            switch self {
            case let .periodOrder(from, to): ("periodOrder", ["from": "\(from)", "to": "\(to)"])
            case let .postgresURL(url): ("postgresURL", ["url": "\(url)"])
            case let .postgresQuery(url, query): ("postgresQuery", ["url": "\(url)", "query": "\(query)"])
            case let .postgresPort(text): ("postgresPort", ["text": "\(text)"])
            case let .stockQuantity(row, quantity): ("stockQuantity", ["row": "\(row)", "quantity": "\(quantity)"])
            case let .unknownStock(ids): ("unknownStock", ["ids": "\(ids)"])
            case .lotLabel: ("lotLabel", [:])
            case .writeOffApproval: ("writeOffApproval", [:])
            case .transferSameDepot: ("transferSameDepot", [:])
            case let .negativeCount(counted): ("negativeCount", ["counted": "\(counted)"])
            case let .reverseReversal(movement): ("reverseReversal", ["movement": "\(movement)"])
            case .noUser: ("noUser", [:])
            case .noDocument: ("noDocument", [:])
            case .negativeReason: ("negativeReason", [:])
            case .emptyIdempotencyKey: ("emptyIdempotencyKey", [:])
            case .noDepot: ("noDepot", [:])
            case let .quantity(value): ("quantity", ["value": "\(value)"])
            case let .several(requests): ("several", ["count": "\(requests.count)"])
            }
        }

        /// The English sentence (several: one per line).
        public var description: String {
            if case let .several(requests) = self { return requests.map(\.description).joined(separator: "\n") }
            var text = Self.english[code] ?? code
            for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
            return text
        }

        /// The English sentence of each code (a test holds it equal to the `en` table).
        static let english: [String: String] = [
            "periodOrder": "--from {from} is after --to {to}",
            "postgresURL": "{url} is not a URL of the form postgres://user:password@host:port/database",
            "postgresQuery": "{url}: query parameters ('?{query}') are not supported",
            "postgresPort": "PGPORT '{text}' is not a port number",
            "stockQuantity": "stock row {row}: quantity {quantity} is not a number of units ≥ 0",
            "unknownStock": "the ledger holds stock the bundle does not define: {ids}",
            "lotLabel": "a lot needs an item and a lot number",
            "writeOffApproval": "a write-off needs an approval reference (--approval)",
            "transferSameDepot": "a transfer needs two different depots",
            "negativeCount": "a counted quantity must be ≥ 0, not {counted}",
            "reverseReversal": "movement {movement} is a reversal; post the original movement again instead",
            "noUser": "a movement needs a user",
            "noDocument": "a movement needs a document number (--document)",
            "negativeReason": "allowing a negative balance needs a reason",
            "emptyIdempotencyKey": "an idempotency key cannot be empty",
            "noDepot": "a movement needs a depot",
            "quantity": "quantity must be a positive number of units, not {value}",
        ]
    }
}
