import BundleGraph
import BundleIO
import Foundation
import Planning
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

    /// `reserve plan --json` is `PlanReport(plan, bundle:).jsonData()`: the plan knows
    /// its objective and budget, so nothing is passed twice.
    @Test func planJSONIsTheCLIsByteForByte() throws {
        let path = packageRoot.appendingPathComponent("Data/linjiang").path
        let validated = try BundleReader.readValidated(at: path)
        let options = ReservePlanOptions(budgetYuan: 150_000, allowMoves: false)
        let plan = try ReservePlanner(options: options).plan(validated.bundle, network: validated.network)
        #expect(plan.budgetYuan == 150_000)
        #expect(plan.objectiveKind == .shortfall)
        let library = try PlanReport(plan, bundle: validated.bundle).jsonData()
        let cli = try runReserve(["plan", "Data/linjiang", "--budget", "150000", "--no-moves", "--json"])
        #expect(cli.exitCode == 0)
        #expect(library == Data(cli.stdout.utf8))
    }

    /// The HTML page with the road list built by the library, and the coverage JSON.
    @Test func htmlAndCoverageAreTheCLIsByteForByte() throws {
        let path = packageRoot.appendingPathComponent("Data/hegang").path
        let validated = try BundleReader.readValidated(at: path)
        let scenario = try #require(validated.bundle.defaultScenario)
        let response = try ResponsePlanner().respond(to: scenario.id, in: validated.bundle, network: validated.network)
        let page = ResponseHTML.render(response, bundle: validated.bundle, boundaries: validated.areaBoundaries, language: .en)
        let cliPage = try runReserve(["dispatch", "Data/hegang", "--format", "html", "--lang", "en"])
        #expect(cliPage.exitCode == 0)
        #expect(page == cliPage.stdout)

        let coverage = try CoverageAnalyzer().coverage(of: scenario.id, in: validated.bundle, network: validated.network)
        let library = try CoverageReport([coverage]).jsonData()
        let cli = try runReserve(["coverage", "Data/hegang", "--json"])
        #expect(cli.exitCode == 0)
        #expect(library == Data(cli.stdout.utf8))
    }

    /// A network handed to another bundle is refused with both fingerprints, before
    /// anything is routed on the wrong snaps.
    @Test func networkOfAnotherBundleIsRefused() throws {
        let hegang = try BundleReader.readValidated(at: packageRoot.appendingPathComponent("Data/hegang").path)
        let linjiang = try BundleReader.readValidated(at: packageRoot.appendingPathComponent("Data/linjiang").path)
        let network = try #require(hegang.network)
        #expect(network.bundleFingerprint == BundleFingerprint(hegang.bundle))
        #expect(network.bundleFingerprint != BundleFingerprint(linjiang.bundle))
        let scenario = try #require(linjiang.bundle.defaultScenario)
        #expect {
            _ = try ResponsePlanner().respond(to: scenario.id, in: linjiang.bundle, network: network)
        } throws: { error in
            guard case let .invalidNetwork(.belongsToAnotherBundle(found, expected))? = error as? ResponseError else { return false }
            return found == network.bundleFingerprint && expected == BundleFingerprint(linjiang.bundle)
        }
        #expect {
            _ = try ReservePlanner().plan(linjiang.bundle, network: network)
        } throws: { error in
            guard case .response(.invalidNetwork(.belongsToAnotherBundle))? = error as? PlanningError else { return false }
            return true
        }
        // Changing what the network does not read (a stock quantity) keeps the fingerprint.
        var restocked = hegang.bundle
        restocked.stock = restocked.stock.map { var s = $0; s.quantity += 1; return s }
        #expect(BundleFingerprint(restocked) == network.bundleFingerprint)
        var moved = hegang.bundle
        moved.depots[0].location.lat += 0.01
        #expect(BundleFingerprint(moved) != network.bundleFingerprint)
    }

    /// Six dispatches served at once through the async entry point (each on a solver
    /// thread) answer byte for byte what the CLI prints.
    @Test func concurrentAsyncDispatchesAreTheCLIsBytes() async throws {
        let validated = try BundleReader.readValidated(at: packageRoot.appendingPathComponent("Data/hegang").path)
        let bundle = validated.bundle, network = validated.network
        let scenario = try #require(bundle.defaultScenario).id
        let cli = try runReserve(["dispatch", "Data/hegang", "--format", "json"])
        #expect(cli.exitCode == 0)
        let answers = try await withThrowingTaskGroup(of: Data.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    let response = try await ResponsePlanner().respond(to: scenario, in: bundle, network: network)
                    return try ResponseReport(response, bundle: bundle).jsonData()
                }
            }
            var all: [Data] = []
            for try await answer in group { all.append(answer) }
            return all
        }
        #expect(answers.count == 6)
        for answer in answers { #expect(answer == Data(cli.stdout.utf8)) }
    }
}
