import FuzzSupport

// The OR-Library parsers (`reserve import orlib-pmed|orlib-cap`, `reserve
// verify-orlib`): the first byte picks p-median, capacitated or the optima list.
// A parsed instance small enough to solve in microseconds is also turned into its
// siting problem, as the importer does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzORLibrary(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    guard let selector = bytes.first else { return 0 }
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    switch selector % 3 {
    case 0:
        if let instance = try? ORLibraryPMedian.parse(text, file: "pmed.txt"), instance.nodeCount <= 64 {
            _ = instance.sitingProblem()
        }
    case 1:
        if let instance = try? ORLibraryCapacitated.parse(text, file: "cap.txt"), instance.costs.count <= 4_096 {
            _ = instance.sitingProblem()
        }
    default:
        _ = ORLibraryOptima.parse(text)
    }
    return 0
}
