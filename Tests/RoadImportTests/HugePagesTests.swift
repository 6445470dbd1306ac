import Testing
@testable import RoadImport

/// The import's large arrays are asked to be backed by huge pages (`HugePages`): only
/// whole 2 MB pages inside a buffer are advised, and the arrays hold what they would
/// without the hint.
@Suite struct HugePagesTests {
    static let mb2: UInt = 2 << 20

    @Test func onlyWholePagesInsideAreAdvised() {
        // A buffer from 1 MB to 7 MB + 16 bytes holds the pages at 2 and 4 MB (the one at
        // 6 MB ends outside it).
        #expect(HugePages.wholePages(from: Self.mb2 / 2, byteCount: 6 << 20 + 16) == Self.mb2..<3 * Self.mb2)
        // Starting on a page: that page is whole.
        #expect(HugePages.wholePages(from: 4 * Self.mb2, byteCount: 2 << 20) == 4 * Self.mb2..<5 * Self.mb2)
        // Less than a whole page inside: nothing, however large the buffer's overlap.
        #expect(HugePages.wholePages(from: Self.mb2 + 16, byteCount: 2 << 20) == nil)
        #expect(HugePages.wholePages(from: 16, byteCount: 4096) == nil)
        #expect(HugePages.wholePages(from: Self.mb2, byteCount: 0) == nil)
    }

    @Test func arraysHoldTheirValues() {
        // 5 MB of Int32: large enough to be advised.
        let filled = [Int32](hugePagesRepeating: -1, count: 1_310_720)
        #expect(filled.count == 1_310_720 && filled.allSatisfy { $0 == -1 })
        #expect([Bool](hugePagesRepeating: true, count: 0).isEmpty)
        var grown: [Int64] = [7, 8, 9]
        grown.reserveHugeCapacity(1_000_000)
        #expect(grown == [7, 8, 9] && grown.capacity >= 1_000_000)
        for k in 0..<1_000_000 { grown.append(Int64(k)) }
        #expect(grown.count == 1_000_003 && grown[3] == 0 && grown.last == 999_999)
    }
}
