import BundleIO
import Foundation
import Reports
import ReserveModel
import Response
import Testing
import TestSupport

/// What a service needs from the library and nothing from the CLI: reading and
/// validating in one call with errors it can map, the default scenario, and the
/// canonical JSON bytes — which must be the CLI's, byte for byte.
@Suite struct LibraryGlueTests {
    @Test func libraryJSONIsTheCLIsByteForByte() throws {
        let path = packageRoot.appendingPathComponent("Data/hegang").path
        let validated = try BundleReader.readValidated(at: path)
        let scenario = try #require(validated.bundle.defaultScenario)
        #expect(scenario.id == "hg-songhua-flood")  // bundle.json's headline scenario
        let response = try ResponsePlanner().respond(to: scenario.id, in: validated.bundle, network: validated.network)
        let library = try ResponseReport(response, bundle: validated.bundle).jsonData()
        let cli = try runReserve(["dispatch", "Data/hegang", "--format", "json"])
        #expect(cli.exitCode == 0)
        #expect(library == Data(cli.stdout.utf8))
    }

    @Test func readValidatedTellsMissingFromUnreadable() {
        #expect {
            _ = try BundleReader.readValidated(at: "/nonexistent/bundle")
        } throws: { error in
            guard case .notFound = error as? BundleLoadError else { return false }
            return true
        }
        #expect {
            _ = try BundleReader.readValidated(at: packageRoot.appendingPathComponent("Data/examples").path)
        } throws: { error in
            guard case .unreadable = error as? BundleLoadError else { return false }
            return true
        }
    }
}
