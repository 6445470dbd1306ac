import Testing
@testable import Planning

/// OR-Library headers that claim far more than the file holds (RELIABILITY.md,
/// "Resource bounds"): an error naming the line, without allocating the claim.
@Suite struct ORLibraryHostileTests {
    @Test func pMedianHeaderClaimingMillionsOfEdges() {
        do throws(ORLibraryError) {
            _ = try ORLibraryPMedian.parse("1000000 50000000 5\n1 2 10\n", file: "claims.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "claims.txt:2: the header announces 50000000 edges but the file has 1 edge lines")
        }
    }

    /// 10⁵ warehouses × 500 customers is 5·10⁷ costs (400 MB) claimed by an 11-byte
    /// file; it must fail at the first missing number.
    @Test func capacitatedHeaderClaimingFiftyMillionCosts() {
        do throws(ORLibraryError) {
            _ = try ORLibraryCapacitated.parse("100000 500\n", file: "claims.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 1)
            #expect(error.message.contains("capacity of warehouse 1"), "\(error)")
        }
        // All 10⁵ warehouses given, then no customer: before the fix the parser
        // reserved the 400 MB of costs at this point.
        let warehouses = String(repeating: "10 5\n", count: 100_000)
        do throws(ORLibraryError) {
            _ = try ORLibraryCapacitated.parse("100000 500\n" + warehouses, file: "claims.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("demand of customer 1"), "\(error)")
        }
    }
}
