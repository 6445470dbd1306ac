@testable import RoadNetwork
import Testing
import TestSupport

/// CSV lines are split by bytes (an imported roads.csv quotes a WKT cell on every
/// line). The fields must be those the Character walk that came before gave, kept here
/// as the reference, on every line whose quotes and commas are not followed by a
/// combining mark (which would have merged them into another Character).
@Suite struct CSVSplitTests {
    /// The split as it was, by Characters.
    static func byCharacters(_ line: Substring) -> [Substring] {
        var fields: [Substring] = []
        var current = ""
        var inQuotes = false
        var iterator = line.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    let next = iterator.next()
                    if next == "\"" { current.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    current.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                fields.append(Substring(current)); current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(Substring(current))
        return fields.map { trimSpaces($0) }
    }

    @Test func handPickedLinesSplitAlike() {
        let lines = [
            #"n1,n2,0.1,county,45.00,false,secondary,,false,false,false,false,1,"LINESTRING(110.1 30.1, 110.2 30.2)""#,
            #"a,"b,c",d"#, #""""#, #""","#, #"""""#, #"a,"b""c",d"#, #" "x" , y "#, #""unterminated"#, #"x"y"z,w"#,
            #""a"b,c"#, #"1,"",3"#, #""",,"""#, #"名,"京哈, G1",路"#, #""a""","b""#, #",,"#, #"""#,
        ]
        for line in lines {
            #expect(splitCSV(Substring(line)) == Self.byCharacters(Substring(line)), "\(line)")
        }
        #expect(splitCSV(#"a,"b,c",d"#) == ["a", "b,c", "d"])
        #expect(splitCSV(#"1,"say ""hi""",3"#) == ["1", #"say "hi""#, "3"])
    }

    @Test func seededLinesSplitAlike() {
        var rng = SeededGenerator(seed: 23)
        let pieces = ["\"", ",", " ", "a", "LINESTRING(1 2, 3 4)", "\"\"", "京", "\t", "x,y", "0.5"]
        var differing = 0
        for _ in 0..<20_000 {
            var line = ""
            for _ in 0..<Int.random(in: 0...14, using: &rng) { line += pieces.randomElement(using: &rng)! }
            if splitCSV(Substring(line)) != Self.byCharacters(Substring(line)) { differing += 1 }
        }
        #expect(differing == 0)
    }
}
