import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve ledger bench-movements`: posts synthetic movements and reports the rate
/// (for scripts/bench_ledger.py; hidden from help).
struct LedgerBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-movements", abstract: HelpText["ledgerBench.abstract"],
        shouldDisplay: false)
    @OptionGroup var database: LedgerDatabaseOptions
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerBench.count"])) var count: Int = 1_000_000
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerBench.batch"])) var batch: Int = 10_000
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerBench.lots"])) var lots: Int = 10_000
    @Option(name: .long, help: ArgumentHelp(HelpText["ledgerBench.seed"])) var seed: String = "1"

    func validate() throws {
        if count < 0 || batch < 1 || lots < 1 { throw ValidationError(HelpText.localizer("cli.option.benchCounts")) }
    }

    func run() throws {
        let ledger = try database.open()
        let started = ContinuousClock.now
        let written = try LedgerFailure.map { () throws(LedgerError) in
            try ledger.postSynthetic(count: count, batch: batch, lots: lots, seed: seed)
        }
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(String(format: "{\"movements\": %d, \"seconds\": %.3f, \"movementsPerSecond\": %.0f}", written, seconds, Double(written) / seconds))
    }
}
