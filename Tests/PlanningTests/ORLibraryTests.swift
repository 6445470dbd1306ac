import Foundation
import LinearSolver
import Testing
import TestSupport
@testable import Planning

/// OR-Library instances in Tests/Fixtures/external (committed; TestSupport's
/// ReferenceData fails the test with the file's name if one is missing).
typealias ExternalData = ReferenceData

@Suite("OR-Library published optima", .serialized)
struct ORLibraryOptimumTests {
    @Test("p-median optimum", arguments: 1...10)
    func pmedian(_ k: Int) throws {
        let instance = try ORLibraryPMedian.parse(try ExternalData.text("orlib-pmed/pmed\(k).txt"), file: "pmed\(k).txt")
        let optima = ORLibraryOptima.parse(try ExternalData.text("orlib-pmed/pmedopt.txt"))
        let result = try SitingSolver().pMedian(instance.sitingProblem(), count: instance.p)
        #expect(result.status == .optimal)
        #expect(result.objectiveValue == optima["pmed\(k)"])
        #expect(result.openSites.count == instance.p)
    }

    @Test("capacitated warehouse optimum",
          arguments: ["cap71", "cap72", "cap73", "cap74", "cap101", "cap102", "cap103", "cap104",
                      "cap131", "cap132", "cap133", "cap134"])
    func capacitated(_ name: String) throws {
        let instance = try ORLibraryCapacitated.parse(try ExternalData.text("orlib-cap/\(name).txt"), file: "\(name).txt")
        let optima = ORLibraryOptima.parse(try ExternalData.text("orlib-cap/capopt.txt"))
        let result = try SitingSolver().fixedCharge(instance.sitingProblem())
        #expect(result.status == .optimal)
        let published = try #require(optima[name])
        let value = try #require(result.objectiveValue)
        // The published figures have three decimals.
        #expect(abs(value - published) <= 0.0005 + 1e-9 * published, "\(name): \(value) vs \(published)")
    }
}
