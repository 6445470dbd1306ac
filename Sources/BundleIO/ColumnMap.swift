/// Header name → field position for one table, looked up once per cell.
///
/// A table has 3–20 columns, so a scan that compares byte counts and first bytes
/// before the names is cheaper than hashing the name: on the 380k-row road table
/// each record asks six times.
struct ColumnMap: Sendable {
    private var entries: [(count: Int, first: UInt8, name: String, field: Int)] = []

    /// The first position of each name in `header`.
    init(header: [String]) {
        for (i, name) in header.enumerated() where !entries.contains(where: { $0.name == name }) {
            entries.append((name.utf8.count, name.utf8.first ?? 0, name, i))
        }
    }

    /// Position of the column named `name`, nil when the header lacks it.
    @inline(__always)
    func field(_ name: String) -> Int? {
        let utf8 = name.utf8
        let count = utf8.count, first = utf8.first ?? 0
        for e in entries where e.count == count && e.first == first && e.name == name { return e.field }
        return nil
    }
}
