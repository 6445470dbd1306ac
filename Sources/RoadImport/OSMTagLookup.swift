/// What the tag rules read of an element's tags: the value of a key, or nil.
///
/// A dictionary serves, and so does ``OSMTagList``, a way's few tags as the file lists
/// them: the first pass over a PBF asks about fifteen keys of every way, and hashing
/// each key string for a dictionary of one or two tags was about a tenth of the grid's
/// first pass (docs/decisions.md, "OSM import speed, sixth round").
protocol OSMTagLookup {
    subscript(_ key: String) -> String? { get }
}

extension Dictionary: OSMTagLookup where Key == String, Value == String {}

/// A way's tags in file order, looked up by scanning them (last wins for a repeated
/// key, as in a dictionary built in that order).
struct OSMTagList: OSMTagLookup {
    var keys: [String] = []
    var values: [String] = []

    subscript(_ key: String) -> String? {
        var i = keys.count - 1
        while i >= 0 {
            if keys[i] == key { return values[i] }
            i -= 1
        }
        return nil
    }

    /// The same tags as a dictionary.
    var dictionary: [String: String] {
        var out: [String: String] = [:]
        for (k, v) in zip(keys, values) { out[k] = v }
        return out
    }
}
