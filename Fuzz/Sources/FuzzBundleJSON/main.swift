import Foundation
import FuzzSupport

// The single-JSON bundle form (what services send): decoding with JSON paths in
// every problem, then validation of the bundle and its scenarios (road graph,
// snapping, every cross-table rule), as `reserve validate bundle.json` does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBundleJSON(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let loaded = BundleJSON.decodeBundle(Data(FuzzInput.bytes(start, count)), file: "bundle.json")
    let report = loaded.validate()
    for problem in report.problems { _ = problem.description }
    return 0
}

/// With ER_FUZZ_WRITE_SEED=PATH, writes the tiny test bundle in the single-JSON form
/// to PATH (exactly BundleWriter's bytes) and exits: Fuzz/make_seeds.sh's seed.
@_cdecl("LLVMFuzzerInitialize")
public func initializeBundleJSON(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    guard let path = ProcessInfo.processInfo.environment["ER_FUZZ_WRITE_SEED"] else { return 0 }
    let tiny = FuzzInput.repositoryRoot.appendingPathComponent("Tests/BundleIOTests/Fixtures/tiny").path
    do {
        let loaded = try BundleReader.read(at: tiny)
        precondition(!loaded.validate().hasErrors, "the tiny bundle does not validate")
        try BundleWriter.writeJSON(loaded.bundle, to: path)
    } catch {
        fatalError("cannot write the seed: \(error)")
    }
    exit(0)
}
