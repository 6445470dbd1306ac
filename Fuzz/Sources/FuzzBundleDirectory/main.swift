import EmergencyReserve
import Foundation
import FuzzSupport

// The directory bundle reader (BundleReader.read(at:)) end to end: the manifest,
// each CSV table, a scenario file and a GeoJSON roads file, then validation (which
// builds the road graph and snaps places), as `reserve validate` does.
//
// The first byte picks the file that the rest of the input replaces in a copy of
// Tests/BundleIOTests/Fixtures/tiny, so every table reader starts from a valid
// bundle and the fuzzer mutates one file at a time. The reader takes a directory
// path, so the files live in a RAM folder; the replaced file is restored after
// each run.

/// Files the first byte selects; the last one swaps in a manifest naming a
/// GeoJSON roads file and puts the input there.
let slots = ["bundle.json", "areas.csv", "depots.csv", "items.csv", "stock.csv", "teams.csv",
             "fleet.csv", "nodes.csv", "roads.csv", "scenarios/s-flood.json", "roads.geojson"]

let bundleDirectory: URL = {
    let source = FuzzInput.repositoryRoot.appendingPathComponent("Tests/BundleIOTests/Fixtures/tiny")
    let target = FuzzInput.scratch.appendingPathComponent("bundle")
    try! FileManager.default.copyItem(at: source, to: target)
    return target
}()

// Byte arrays, not Data: LeakSanitizer cannot see the storage pointer inside Data's
// packed enum and reports globals holding Data as leaked.
let originals: [String: [UInt8]] = {
    var files: [String: [UInt8]] = [:]
    for slot in slots.dropLast() { files[slot] = Array(try! Data(contentsOf: bundleDirectory.appendingPathComponent(slot))) }
    return files
}()

/// The tiny bundle's manifest with `files.roads_geojson` set.
let geoJSONManifest: [UInt8] = {
    var manifest = try! JSONSerialization.jsonObject(with: Data(originals["bundle.json"]!)) as! [String: Any]
    manifest["files"] = ["roads_geojson": "roads.geojson"]
    return Array(try! JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys]))
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBundleDirectory(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    guard let selector = bytes.first else { return 0 }
    let slot = slots[Int(selector) % slots.count]
    let body = Data(bytes.dropFirst())
    let manifestURL = bundleDirectory.appendingPathComponent("bundle.json")
    let url = bundleDirectory.appendingPathComponent(slot)
    try! body.write(to: url)
    if slot == "roads.geojson" { try! Data(geoJSONManifest).write(to: manifestURL) }
    defer {
        if let original = originals[slot] { try! Data(original).write(to: url) } else { try? FileManager.default.removeItem(at: url) }
        if slot == "roads.geojson" { try! Data(originals["bundle.json"]!).write(to: manifestURL) }
    }
    if let loaded = try? BundleReader.read(at: bundleDirectory.path) {
        let report = loaded.validate()
        // Every problem must be describable (its location and text are what users see).
        for problem in report.problems { _ = problem.description }
    }
    return 0
}

/// Sets up the bundle copy before the first input, so that its one-time allocations
/// are not counted against an input by the leak check.
@_cdecl("LLVMFuzzerInitialize")
public func initializeBundleDirectory(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    _ = bundleDirectory
    _ = originals
    _ = geoJSONManifest
    return 0
}
