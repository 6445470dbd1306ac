import Foundation
import FuzzSupport

// Model.read(from:format:): our path into GLPK's CPLEX LP and free MPS readers.
// GLPK must never abort the process; a read model must validate or be rejected.
// The first byte picks the format. GLPK reads from a path, so the input is
// written to a file in a RAM folder.
let modelPaths = [FuzzInput.scratch.appendingPathComponent("model.lp").path,
                  FuzzInput.scratch.appendingPathComponent("model.mps").path]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModelFile(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    guard let selector = bytes.first else { return 0 }
    let format: ModelFileFormat = selector % 2 == 0 ? .lp : .mps
    let path = modelPaths[Int(selector % 2)]
    FileManager.default.createFile(atPath: path, contents: Data(bytes.dropFirst()))
    if let model = try? Model.read(from: path, format: format) {
        _ = model.validate()
    }
    return 0
}

/// Creates the scratch folder before the first input (see FuzzBundleDirectory).
@_cdecl("LLVMFuzzerInitialize")
public func initializeModelFile(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    _ = modelPaths
    return 0
}
