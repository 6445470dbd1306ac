import Foundation

/// The part of a `reserve dispatch --format json` response that the ledger posts:
/// the scenario and its orders (docs/formats.md).
public struct DispatchOrders: Hashable, Sendable {
    /// One shipment: `quantity` units of `item` from depot `from` to area `to`.
    public struct Order: Hashable, Codable, Sendable {
        /// The source depot id.
        public var from: String
        /// The receiving area id.
        public var to: String
        /// The item id.
        public var item: String
        /// Units shipped (the item's unit).
        public var quantity: Double
        /// The source's reserve mode (physical, agreement, delegated, productionCapacity, mutualAid, social).
        public var mode: String

        /// Creates an order.
        public init(from: String, to: String, item: String, quantity: Double, mode: String = "physical") {
            self.from = from
            self.to = to
            self.item = item
            self.quantity = quantity
            self.mode = mode
        }
    }

    /// The scenario id.
    public var scenario: String
    /// The scenario's start (ISO 8601); lots expired before this day are not taken.
    public var start: String
    public var orders: [Order]

    /// Creates orders directly (services that dispatch in-process).
    public init(scenario: String, start: String, orders: [Order]) {
        self.scenario = scenario
        self.start = start
        self.orders = orders
    }

    /// Reads a dispatch response JSON document.
    public init(json data: Data, source: String) throws(LedgerError) {
        struct Document: Decodable {
            struct Scenario: Decodable { var id: String; var start: String }
            var scenario: Scenario
            var orders: [Order]
        }
        do {
            let document = try JSONDecoder().decode(Document.self, from: data)
            self.init(scenario: document.scenario.id, start: document.scenario.start, orders: document.orders)
        } catch let DecodingError.keyNotFound(key, context) {
            throw .invalidDispatch(source: source, problems: [.dispatchKeyMissing(path: Self.path(context.codingPath + [key]))])
        } catch let DecodingError.typeMismatch(_, context) {
            throw .invalidDispatch(source: source, problems: [.jsonValue(path: Self.path(context.codingPath), detail: context.debugDescription)])
        } catch let DecodingError.valueNotFound(_, context) {
            throw .invalidDispatch(source: source, problems: [.nullValue(path: Self.path(context.codingPath))])
        } catch {
            throw .invalidDispatch(source: source, problems: [.notJSON(detail: error.localizedDescription)])
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        "$" + keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    /// The dispatch's id: the scenario id and a 64-bit FNV-1a digest of its orders
    /// (source, target, item, quantity in micro-units, in order). The same response
    /// always has the same id; a re-run dispatch that ships differently gets a new one.
    public var id: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for order in orders {
            let line = "\(order.from)\u{1F}\(order.to)\u{1F}\(order.item)\u{1F}\(LedgerQuantity.micros(order.quantity) ?? 0)\u{1E}"
            for byte in line.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return "\(scenario)#\(String(repeating: "0", count: 16 - hex.count))\(hex)"
    }
}

/// What ``StockLedger/postDispatch(_:dispatchID:context:)`` posted.
public struct DispatchPosting: Hashable, Codable, Sendable {
    /// The dispatch id the posting is keyed by.
    public var dispatchID: String
    public var result: PostingResult
    /// Orders not taken from stock: production-capacity sources make what they ship.
    public var skipped: [DispatchOrders.Order]
}
