/// A value bound to a statement or read from a row, on either backend.
///
/// The ledger stores only text and 64-bit integers (quantities are integer micro-units,
/// times and dates are ISO 8601 text), so these three cases cover every column; both
/// backends map their own types onto them (PostgreSQL's `BIGINT`, `INTEGER`, `BOOLEAN`
/// become ``integer(_:)``).
enum SQLValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case text(String)
}

/// What can be bound as a statement argument.
protocol SQLArgument {
    var sqlValue: SQLValue { get }
}

extension String: SQLArgument {
    var sqlValue: SQLValue { .text(self) }
}

extension Int64: SQLArgument {
    var sqlValue: SQLValue { .integer(self) }
}

extension Int: SQLArgument {
    var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Optional: SQLArgument where Wrapped: SQLArgument {
    var sqlValue: SQLValue { map(\.sqlValue) ?? .null }
}

/// What can be read from a column.
protocol SQLColumn {
    init(sqlValue: SQLValue) throws
}

/// A column held something the ledger never writes there (another program changed the
/// database, or a query is wrong): a database error, not a crash.
struct SQLTypeMismatch: Error, CustomStringConvertible {
    var expected: String
    var found: SQLValue
    var description: String { "expected \(expected), found \(found)" }
}

extension String: SQLColumn {
    init(sqlValue: SQLValue) throws {
        guard case .text(let text) = sqlValue else { throw SQLTypeMismatch(expected: "text", found: sqlValue) }
        self = text
    }
}

extension Int64: SQLColumn {
    init(sqlValue: SQLValue) throws {
        guard case .integer(let value) = sqlValue else { throw SQLTypeMismatch(expected: "an integer", found: sqlValue) }
        self = value
    }
}

extension Int: SQLColumn {
    init(sqlValue: SQLValue) throws {
        self = Int(try Int64(sqlValue: sqlValue))
    }
}

extension Optional: SQLColumn where Wrapped: SQLColumn {
    init(sqlValue: SQLValue) throws {
        self = sqlValue == .null ? nil : try Wrapped(sqlValue: sqlValue)
    }
}

/// One result row: values by position, and by column name for `SELECT l.*` queries.
struct SQLRow {
    var values: [SQLValue]
    var names: [String]

    subscript<T: SQLColumn>(_ index: Int) -> T {
        get throws { try T(sqlValue: values[index]) }
    }

    subscript<T: SQLColumn>(_ name: String) -> T {
        get throws {
            guard let index = names.firstIndex(of: name) else {
                throw SQLTypeMismatch(expected: "a column named \(name)", found: .null)
            }
            return try T(sqlValue: values[index])
        }
    }
}
