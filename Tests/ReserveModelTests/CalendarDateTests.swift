import ReserveModel
import Testing

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("Parses YYYY-MM-DD and rejects everything else")
    func parsing() {
        #expect(CalendarDate("2024-02-29")?.description == "2024-02-29")
        for bad in ["2023-02-29", "2024-13-01", "2024-1-01", "20240101", "", "2024-04-31", "abcd-ef-gh"] {
            #expect(CalendarDate(bad) == nil, "\(bad)")
        }
    }

    @Test("Day arithmetic across leap years and month ends")
    func days() throws {
        let d = { (s: String) throws -> CalendarDate in try #require(CalendarDate(s)) }
        #expect(try d("1970-01-01").dayNumber == 0)
        #expect(try d("2000-03-01").dayNumber == 11_017)
        #expect(try d("2024-02-28").days(until: d("2024-03-01")) == 2)
        #expect(try d("2023-02-28").days(until: d("2023-03-01")) == 1)
        #expect(try d("2025-06-01").days(until: d("2025-07-01")) == 30)
        #expect(try d("2024-12-31") < d("2025-01-01"))
    }
}
