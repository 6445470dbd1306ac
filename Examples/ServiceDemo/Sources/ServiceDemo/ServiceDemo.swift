import EmergencyReserve
import Foundation
import Logging

/// What a service's backend does with the library, as one async executable:
///
/// 1. reads and validates a bundle once, mapping every failure to an HTTP status;
/// 2. serves concurrent dispatch requests from a task group, each with its own logger
///    metadata, and checks that every answer is the same canonical JSON;
/// 3. starts a long plan, shows its progress, and cancels it;
/// 4. plans under a deadline for the whole call and reports the honest status, or
///    answers 504 when no plan was found in time;
/// 5. keeps a stock book (SQLite) through the async ledger calls, one of them cancelled.
///
/// Usage: `ServiceDemo [BUNDLE]` (default `Data/hegang`, relative to the repository).
/// Exits 0 when every step behaved as documented, 1 otherwise.
@main
struct ServiceDemo {
    static func main() async {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let path = CommandLine.arguments.dropFirst().first ?? "Data/hegang"
        var failures = 0
        func check(_ ok: Bool, _ what: String) {
            print((ok ? "ok   " : "FAIL ") + what)
            if !ok { failures += 1 }
        }

        // 1. Errors a service can map: a missing bundle is 404, a broken one 422.
        check(status(of: { _ = try BundleReader.readValidated(at: "/no/such/bundle") }) == 404, "missing bundle → 404")
        check(status(of: { _ = try BundleReader.readValidated(at: "Package.swift") }) == 422, "a file that is no bundle → 422")
        let validated: ValidatedBundle
        do {
            validated = try BundleReader.readValidated(at: path)
        } catch {
            print("FAIL \(path): HTTP \(FailureKind(error).httpStatus): \(error)")
            exit(1)
        }
        let bundle = validated.bundle, network = validated.network
        print("bundle \(bundle.manifest.name): \(validated.report.warnings.count) warning(s), network \(network.map { "\($0.bundleFingerprint)" } ?? "none")")
        guard let scenario = bundle.defaultScenario?.id else {
            print("FAIL the bundle has no scenarios")
            exit(1)
        }
        check(status(of: { _ = try ResponsePlanner().respond(to: "no-such-scenario", in: bundle, network: network) }) == 400,
              "unknown scenario → 400")

        // 2. Concurrent dispatch requests, one logger per request with its metadata.
        let requests = 12
        let started = ContinuousClock.now
        let answers = await withTaskGroup(of: (Int, Result<Data, any Error>).self) { group in
            for id in 0..<requests {
                group.addTask {
                    var logger = Logger(label: "service.dispatch")
                    logger[metadataKey: "request"] = "\(id)"
                    let options = ResponseOptions(routeGeometry: false, logger: logger)
                    do {
                        let response = try await ResponsePlanner(options: options).respond(to: scenario, in: bundle, network: network)
                        return (id, .success(try ResponseReport(response, bundle: bundle).jsonData()))
                    } catch {
                        return (id, .failure(error))
                    }
                }
            }
            var all: [Int: Result<Data, any Error>] = [:]
            for await (id, answer) in group { all[id] = answer }
            return all
        }
        let bodies = answers.values.compactMap { try? $0.get() }
        print("\(requests) dispatch requests in \(started.duration(to: .now)), \(bodies.first?.count ?? 0) bytes each")
        check(bodies.count == requests && Set(bodies).count == 1, "every concurrent answer is the same canonical JSON")

        // 3. A long plan, its progress, and a cancellation at the first report.
        let reports = Reports()
        var planOptions = ReservePlanOptions()
        planOptions.solve.lpIterationChunk = 200
        planOptions.solve.progress = { p in
            reports.add("  progress: \(p.phase.rawValue) level \(p.level.map(String.init) ?? "-"), \(p.iterations) iterations, "
                        + "incumbent \(p.incumbent.map { String(format: "%.4g", $0) } ?? "none"), "
                        + "bound \(p.bound.map { String(format: "%.4g", $0) } ?? "none"), elapsed \(p.elapsed)")
            return true
        }
        let planner = ReservePlanner(options: planOptions)
        let finished = Reports()
        let long = Task {
            defer { finished.add("done") }
            return try await planner.plan(bundle, network: network)
        }
        while reports.count == 0 && finished.count == 0 {
            try? await Task.sleep(for: .milliseconds(10))
        }
        check(reports.count > 0, "the plan reported progress while it ran")
        long.cancel()
        let cancelled = await long.result
        for line in reports.lines.prefix(3) { print(line) }
        if case let .failure(error) = cancelled {
            check(error is CancellationError, "cancelled plan throws CancellationError (HTTP \(FailureKind(error).httpStatus))")
        } else {
            check(false, "cancelled plan throws CancellationError")
        }

        // 4. A deadline for the whole call: the status says what the plan is, or no plan.
        for seconds in [0.05, 30.0] {
            var options = ReservePlanOptions()
            options.solve.timeLimit = .milliseconds(Int64(seconds * 1000))
            let begin = ContinuousClock.now
            do {
                let plan = try await ReservePlanner(options: options).plan(bundle, network: network)
                let bytes = try PlanReport(plan, bundle: bundle).jsonData()
                print("plan within \(seconds) s: HTTP 200, \(plan.status.rawValue), gap \(plan.relativeGap.map { "\($0)" } ?? "unknown"), "
                      + "\(bytes.count) bytes, took \(begin.duration(to: .now))")
                check(plan.status.hasSolution, "a returned plan has a solution")
            } catch {
                let kind = FailureKind(error)
                print("plan within \(seconds) s: HTTP \(kind.httpStatus) (\(kind.rawValue)): \(error), took \(begin.duration(to: .now))")
                check(kind == .noSolutionInTime, "no plan in time → 504, never a zeroed plan")
            }
        }
        // 5. The stock book, async: import the bundle's stock, read balances, and a call
        //    cancelled before it starts posts nothing.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("service-demo-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
        do {
            let ledger = try StockLedger.create(path: file)
            let who = PostingContext(user: "service", document: "DEMO-OPENING")
            let posted = try await ledger.importOpeningBalances(of: bundle, context: who)
            let balances = try await ledger.balances()
            print("ledger: \(posted.movements.count) opening movements, \(balances.count) balances")
            check(!balances.isEmpty, "async ledger import and balances")
            let cancelledImport = Task {
                try await ledger.importOpeningBalances(of: bundle, context: PostingContext(user: "service", document: "DEMO-AGAIN",
                                                                                          idempotencyKey: "demo-again"))
            }
            cancelledImport.cancel()
            let outcome = await cancelledImport.result
            let after = try await ledger.verify()
            if case let .failure(error) = outcome {
                check(error is CancellationError && after.movements == posted.movements.count,
                      "a cancelled ledger import throws CancellationError (HTTP \(FailureKind(error).httpStatus)) and posts nothing")
            } else {
                check(false, "a cancelled ledger import throws CancellationError")
            }
        } catch {
            check(false, "ledger: HTTP \(FailureKind(error).httpStatus): \(error)")
        }
        print(failures == 0 ? "service demo: all checks passed" : "service demo: \(failures) check(s) failed")
        exit(failures == 0 ? 0 : 1)
    }

    /// The HTTP status a request handler answers for what `body` throws (200 if nothing).
    static func status(of body: () throws -> Void) -> Int {
        do { try body(); return 200 } catch { return FailureKind(error).httpStatus }
    }
}

/// Progress lines collected from the solver thread.
final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func add(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
    var count: Int { lines.count }
}
