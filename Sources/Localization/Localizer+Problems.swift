extension Localizer {
    /// The sentence of problem `code` (key `problem.<code>`) with its arguments. An
    /// argument named `somethingKey` is the key of a phrase that fills `{something}`,
    /// itself rendered with the same arguments, so that a rule shared by many fields
    /// ("… must be 0 or more") names the field in the reader's language.
    public func problem(_ code: String, _ arguments: [String: String]) -> String {
        var values: [String: String] = [:]
        for (name, value) in arguments {
            if name.hasSuffix("Key"), name.count > 3 {
                values[String(name.dropLast(3))] = self(value, arguments.filter { !$0.key.hasSuffix("Key") })
            } else {
                values[name] = value
            }
        }
        return self("problem." + code, values)
    }

    /// The closest of `candidates` to `word` by edit distance, when it is close
    /// enough to be a typo (at most a third of the word's length, at least 1, and
    /// never the word itself): the "did you mean …" of an unknown id or column.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let limit = max(1, word.count / 3)
        var best: (distance: Int, candidate: String)?
        for c in candidates where c != word {
            let d = editDistance(word.lowercased(), c.lowercased())
            if d <= limit, best.map({ d < $0.distance || (d == $0.distance && c < $0.candidate) }) ?? true {
                best = (d, c)
            }
        }
        return best?.candidate
    }

    /// Levenshtein distance over characters (insertions, deletions, substitutions).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
