import ArgumentParser
import CAllocator
import EmergencyReserve
import Foundation

/// `reserve import orlib-pmed|orlib-cap FILE --out DIR`: OR-Library instances as bundles.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: HelpText["import.abstract"],
        subcommands: [ImportPMedian.self, ImportCapacitated.self, ImportOSM.self, ImportShapefile.self]
    )
}

/// Lets a road import reuse the memory it frees instead of faulting in fresh pages
/// (Sources/CAllocator/allocator.h says why and what it measured). Process-wide, so it
/// is the CLI's choice for its road imports, never the library's.
func keepFreedMemoryForImport() {
    _ = er_keep_freed_memory()
}

/// Reads a file for an importer (exit 65 when it cannot).
func readInputFile(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CLIFailure.invalidData(HelpText.localizer("cli.cannotRead", ["path": path]))
    }
    return String(decoding: data, as: UTF8.self)
}

/// `reserve import orlib-pmed FILE --out DIR`.
struct ImportPMedian: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orlib-pmed",
        abstract: HelpText["importPMedian.abstract"],
        discussion: HelpText["importPMedian.discussion"]
    )

    @Argument(help: ArgumentHelp(HelpText["importPMedian.file"]))
    var file: String

    @Option(name: .long, help: ArgumentHelp(HelpText["importPMedian.out"]))
    var out: String

    @OptionGroup var logging: LoggingOptions
    @OptionGroup var language: LanguageOptions

    func run() throws {
        _ = logging.bootstrap()
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let instance: ORLibraryPMedian
        do { instance = try ORLibraryPMedian.parse(try readInputFile(file), file: file) } catch let e as ORLibraryError {
            throw CLIFailure.invalidData(ErrorText.describe(e))
        }
        do {
            try ORLibraryBundles.write(ORLibraryBundles.pMedianBundle(instance, name: name), to: out)
        } catch {
            throw CLIFailure(message: ErrorText.describe(error), exitCode: CLIFailure.cannotCreateCode)
        }
        printProgress(HelpText.localizer("import.wrotePMedian", ["out": out, "nodes": "\(instance.nodeCount)", "roads": "\(instance.edges.count)", "p": "\(instance.p)"]))
    }
}

/// `reserve import orlib-cap FILE --out DIR`.
struct ImportCapacitated: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orlib-cap",
        abstract: HelpText["importCapacitated.abstract"],
        discussion: HelpText["importCapacitated.discussion"]
    )

    @Argument(help: ArgumentHelp(HelpText["importCapacitated.file"]))
    var file: String

    @Option(name: .long, help: ArgumentHelp(HelpText["importCapacitated.out"]))
    var out: String

    @OptionGroup var logging: LoggingOptions
    @OptionGroup var language: LanguageOptions

    func run() throws {
        _ = logging.bootstrap()
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let instance: ORLibraryCapacitated
        do { instance = try ORLibraryCapacitated.parse(try readInputFile(file), file: file) } catch let e as ORLibraryError {
            throw CLIFailure.invalidData(ErrorText.describe(e))
        }
        let (bundle, extra) = ORLibraryBundles.capacitatedBundle(instance, name: name)
        do { try ORLibraryBundles.write(bundle, extraFiles: extra, to: out) } catch {
            throw CLIFailure(message: ErrorText.describe(error), exitCode: CLIFailure.cannotCreateCode)
        }
        printProgress(HelpText.localizer("import.wroteCapacitated", ["out": out, "warehouses": "\(instance.warehouseCount)", "customers": "\(instance.customerCount)"]))
    }
}

/// `reserve verify-orlib --dir Tests/Fixtures/external` (hidden; `make verify`): every
/// OR-Library pmed and cap instance against its published optimum.
struct VerifyORLibCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-orlib",
        abstract: HelpText["verifyORLib.abstract"],
        shouldDisplay: false
    )

    @Option(name: .long, help: ArgumentHelp(HelpText["verifyORLib.dir"]))
    var dir: String = "Tests/Fixtures/external"

    @Option(name: .long, help: ArgumentHelp(HelpText["verifyORLib.only"]))
    var only: String?

    @OptionGroup var solver: SolverOptions
    @OptionGroup var logging: LoggingOptions
    @OptionGroup var language: LanguageOptions

    /// One unbuffered line on stdout (a long run shows rows as they finish).
    func emit(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    func run() throws {
        let logger = logging.bootstrap()
        let pmedDir = (dir as NSString).appendingPathComponent("orlib-pmed")
        let capDir = (dir as NSString).appendingPathComponent("orlib-cap")
        let pmedOpt = ORLibraryOptima.parse((try? readInputFile((pmedDir as NSString).appendingPathComponent("pmedopt.txt"))) ?? "")
        let capOpt = ORLibraryOptima.parse((try? readInputFile((capDir as NSString).appendingPathComponent("capopt.txt"))) ?? "")
        guard !pmedOpt.isEmpty || !capOpt.isEmpty else { throw CLIFailure.invalidData("\(dir): no pmedopt.txt or capopt.txt") }
        var names = (1...40).map { "pmed\($0)" }
        names += ["cap71", "cap72", "cap73", "cap74", "cap101", "cap102", "cap103", "cap104", "cap131", "cap132", "cap133", "cap134"]
        if let only {
            let wanted = Set(only.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            names = names.filter(wanted.contains)
        }
        emit("instance   n/m×n     p   our objective   published optimum   match        ms   status    solves  columns/full")
        var matched = 0, total = 0, proven = 0
        var totalSeconds = 0.0, worst = (0.0, "")
        let clock = ContinuousClock()
        for name in names {
            let isPMed = name.hasPrefix("pmed")
            let path = isPMed ? (pmedDir as NSString).appendingPathComponent("\(name).txt") : (capDir as NSString).appendingPathComponent("\(name).txt")
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let text = try readInputFile(path)
            let options = SolveOptions(timeLimit: solver.timeLimitDuration, relativeMIPGap: solver.gap, logger: logger)
            let start = clock.now
            let result: SitingResult
            let size: String, p: String
            do {
                if isPMed {
                    let instance = try ORLibraryPMedian.parse(text, file: path)
                    size = "\(instance.nodeCount)"
                    p = "\(instance.p)"
                    result = try SitingSolver(options: options).pMedian(instance.sitingProblem(), count: instance.p)
                } else {
                    let instance = try ORLibraryCapacitated.parse(text, file: path)
                    size = "\(instance.warehouseCount)×\(instance.customerCount)"
                    p = "-"
                    result = try SitingSolver(options: options).fixedCharge(instance.sitingProblem())
                }
            } catch let e as ORLibraryError {
                throw CLIFailure.invalidData(ErrorText.describe(e))
            } catch let e as SitingError {
                throw CLIFailure.internalFailure("\(name): \(ErrorText.describe(e))")
            }
            let seconds = start.duration(to: clock.now)
            let s = Double(seconds.components.seconds) + Double(seconds.components.attoseconds) / 1e18
            let published = isPMed ? pmedOpt[name] : capOpt[name]
            let value = result.objectiveValue
            let ok: Bool
            if let value, let published { ok = isPMed ? value == published : abs(value - published) <= 0.0005 + 1e-9 * published } else { ok = false }
            total += 1
            if ok { matched += 1 }
            if ok && result.status == .optimal { proven += 1 }
            totalSeconds += s
            if s > worst.0 { worst = (s, name) }
            func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
                let fill = String(repeating: " ", count: max(0, width - text.count))
                return right ? fill + text : text + fill
            }
            let row = [pad(name, 9), pad(size, 9), pad(p, 3, right: true),
                       pad(value.map { String(format: "%.3f", $0) } ?? "-", 15, right: true),
                       pad(published.map { String(format: "%.3f", $0) } ?? "-", 19, right: true),
                       "  " + pad(ok ? "yes" : "NO", 5), pad(String(format: "%.1f", s * 1000), 9, right: true),
                       "  " + pad(result.status.rawValue, 9), pad(String(result.statistics.solves), 6, right: true),
                       " \(result.statistics.columns)/\(result.statistics.fullColumns)"]
            emit(row.joined(separator: " "))
        }
        emit("\(matched) of \(total) instances at the published optimum (\(proven) proven optimal); total " + String(format: "%.3f", totalSeconds)
              + " s, slowest \(worst.1) " + String(format: "%.1f", worst.0 * 1000) + " ms")
        if matched != total { throw CLIFailure(message: "\(total - matched) instance(s) missed the published optimum", exitCode: 1) }
    }
}
