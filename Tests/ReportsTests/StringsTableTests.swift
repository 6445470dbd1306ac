import Foundation
@testable import Localization
import Testing
import TestSupport

/// The strings-table reader gives what Foundation's `PropertyListSerialization`
/// gives, on both shipped tables and on hand-written entries, and declines
/// (so that the loader falls back to Foundation) what it does not read.
@Suite struct StringsTableTests {
    private func foundation(_ bytes: [UInt8]) -> [String: String]? {
        (try? PropertyListSerialization.propertyList(from: Data(bytes), format: nil)) as? [String: String]
    }

    @Test(arguments: ["en.lproj", "zh-Hans.lproj"])
    func shippedTablesReadAsFoundationReadsThem(folder: String) throws {
        let url = packageRoot.appendingPathComponent("Sources/Localization/Resources/\(folder)/Localizable.strings")
        let bytes = [UInt8](try Data(contentsOf: url))
        let ours = try #require(StringsTable.parse(bytes))
        let reference = try #require(foundation(bytes))
        #expect(ours.count == reference.count)
        #expect(ours == reference)
        // What the module loads is this reader's table.
        #expect(Localizer.load(folder == "en.lproj" ? .en : .zh) == ours)
    }

    @Test func escapesCommentsAndRepeatsAsFoundation() throws {
        let text = "\u{FEFF}/* a comment\n with \"quotes\" */\n\"a\" = \"x\\\"y\\\\z\\n\\t\\r\\'\";\n"
            + "// line comment \"not = a key\";\n\"b\"=\"二\";\"a\" = \"last\" ; \"c\"\n=\n\"  spaced  \";\n"
        let bytes = Array(text.utf8)
        let ours = try #require(StringsTable.parse(bytes))
        // By hand: the escapes give x"y\z, newline, tab, return, apostrophe; "a" keeps its last value.
        #expect(ours == ["a": "last", "b": "二", "c": "  spaced  "])
        #expect(ours == foundation(bytes))
        let escapes = try #require(StringsTable.parse(Array("\"e\" = \"x\\\"y\\\\z\\n\\t\\r\\'\";".utf8)))
        #expect(escapes == ["e": "x\"y\\z\n\t\r'"])
        #expect(escapes == foundation(Array("\"e\" = \"x\\\"y\\\\z\\n\\t\\r\\'\";".utf8)))
        #expect(StringsTable.parse([]) == [:])
    }

    @Test(arguments: [
        "\"k\" = v;",                 // unquoted value
        "\"k\" = \"\\U0041\";",       // \U escape
        "\"k\" = \"\\101\";",         // octal escape
        "\"k\" = \"v\"",              // no semicolon
        "\"k\";",                     // a key alone
        "\"k\" = \"v",                // unterminated string
        "/* open comment",           // unterminated comment
    ])
    func declinesWhatItDoesNotRead(text: String) {
        #expect(StringsTable.parse(Array(text.utf8)) == nil)
    }
}
