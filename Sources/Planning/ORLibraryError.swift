/// A malformed OR-Library file: where, and what is wrong as a code with its values.
public struct ORLibraryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The number a reader was looking for, named so that each language says it its
    /// own way (`orlib.what.<code>` in the strings tables).
    public enum Quantity: Sendable, Hashable {
        case nodes, edges, medians, nodeI, nodeJ, warehouses, customers
        case capacity(warehouse: Int)
        case fixedCost(warehouse: Int)
        case demand(customer: Int)
        case cost(customer: Int, warehouse: Int)

        /// The stable code: the case name.
        public var code: String {
            switch self {
            case .nodes: "nodes"
            case .edges: "edges"
            case .medians: "medians"
            case .nodeI: "nodeI"
            case .nodeJ: "nodeJ"
            case .warehouses: "warehouses"
            case .customers: "customers"
            case .capacity: "capacity"
            case .fixedCost: "fixedCost"
            case .demand: "demand"
            case .cost: "cost"
            }
        }

        /// The values the phrase names.
        public var arguments: [String: String] {
            switch self {
            case let .capacity(w), let .fixedCost(w): ["warehouse": "\(w)"]
            case let .demand(c): ["customer": "\(c)"]
            case let .cost(c, w): ["customer": "\(c)", "warehouse": "\(w)"]
            default: [:]
            }
        }

        /// The English phrase.
        public var description: String {
            var text = Self.english[code] ?? code
            for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
            return text
        }

        /// The English phrase of each code (a test holds it equal to the `en` table).
        static let english: [String: String] = [
            "nodes": "n (nodes)", "edges": "m (edges)", "medians": "p (medians)", "nodeI": "node i", "nodeJ": "node j",
            "warehouses": "m (warehouses)", "customers": "n (customers)",
            "capacity": "the capacity of warehouse {warehouse}", "fixedCost": "the fixed cost of warehouse {warehouse}",
            "demand": "the demand of customer {customer}", "cost": "the cost of customer {customer} from warehouse {warehouse}",
        ]
    }

    /// What is wrong.
    public enum Reason: Sendable, Hashable {
        case fileEnds(expected: Quantity)
        case notANumber(text: String, expected: Quantity)
        case integerRange(quantity: Quantity, lower: Int, upper: Int, found: String)
        case empty
        case headerFields(found: Int)
        case fewerEdges(announced: Int, found: Int)
        case extraLine(announced: Int)
        case edgeFields(found: Int)
        case edgeCost(text: String)
        case tooLarge(warehouses: Int, customers: Int)
        case negativeWarehouse(warehouse: Int)
        case negativeDemand(customer: Int)
        case negativeCost(customer: Int, warehouse: Int)
        case trailingText(text: String)

        /// The stable code and the values its sentence names; `quantity` is a
        /// ``Quantity`` the sentence names as `{what}`.
        public var parts: (code: String, arguments: [String: String], quantity: Quantity?) {
            switch self {
            case let .fileEnds(q): ("fileEnds", [:], q)
            case let .notANumber(t, q): ("notANumber", ["text": t], q)
            case let .integerRange(q, l, u, f): ("integerRange", ["lower": "\(l)", "upper": "\(u)", "found": f], q)
            case .empty: ("empty", [:], nil)
            case let .headerFields(f): ("headerFields", ["found": "\(f)"], nil)
            case let .fewerEdges(a, f): ("fewerEdges", ["announced": "\(a)", "found": "\(f)"], nil)
            case let .extraLine(a): ("extraLine", ["announced": "\(a)"], nil)
            case let .edgeFields(f): ("edgeFields", ["found": "\(f)"], nil)
            case let .edgeCost(t): ("edgeCost", ["text": t], nil)
            case let .tooLarge(m, n): ("tooLarge", ["warehouses": "\(m)", "customers": "\(n)"], nil)
            case let .negativeWarehouse(w): ("negativeWarehouse", ["warehouse": "\(w)"], nil)
            case let .negativeDemand(c): ("negativeDemand", ["customer": "\(c)"], nil)
            case let .negativeCost(c, w): ("negativeCost", ["customer": "\(c)", "warehouse": "\(w)"], nil)
            case let .trailingText(t): ("trailingText", ["text": t], nil)
            }
        }

        /// The English sentence.
        public var description: String {
            let (code, arguments, quantity) = parts
            var text = Self.english[code] ?? code
            var values = arguments
            if let quantity { values["what"] = quantity.description }
            for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
            return text
        }

        /// The English sentence of each code (a test holds it equal to the `en` table).
        static let english: [String: String] = [
            "fileEnds": "the file ends where {what} was expected",
            "notANumber": "'{text}' is not a number (expected {what})",
            "integerRange": "{what} must be an integer in {lower}…{upper}, got {found}",
            "empty": "the file is empty",
            "headerFields": "the first line must be 'n m p', found {found} fields",
            "fewerEdges": "the header announces {announced} edges but the file has {found} edge lines",
            "extraLine": "unexpected line after the {announced} edges the header announces",
            "edgeFields": "an edge line must be 'i j cost', found {found} fields",
            "edgeCost": "edge cost '{text}' is not a number ≥ 0",
            "tooLarge": "{warehouses} × {customers} is too large",
            "negativeWarehouse": "warehouse {warehouse}: capacity and fixed cost must be ≥ 0",
            "negativeDemand": "customer {customer}: demand must be ≥ 0",
            "negativeCost": "customer {customer}, warehouse {warehouse}: cost must be ≥ 0",
            "trailingText": "unexpected '{text}' after the last customer",
        ]
    }

    /// File name (as given to the reader).
    public var file: String
    /// 1-based line of the problem (0: the file as a whole).
    public var line: Int
    /// What is wrong.
    public var reason: Reason

    /// Creates an error.
    public init(file: String, line: Int, reason: Reason) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// What is wrong, in English.
    public var message: String { reason.description }

    /// `file:line: message`.
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
