import Foundation
import FuzzSupport

// The directory bundle reader end to end: the manifest, each CSV table, a scenario
// file and a GeoJSON roads file, then validation (which builds the road graph and
// snaps places), as `reserve validate` does.
//
// The first byte picks the file that the rest of the input replaces in the tiny
// test bundle (Tests/BundleIOTests/Fixtures/tiny), so every table reader starts
// from a valid bundle and the fuzzer mutates one file at a time. The files are
// handed over in memory (`BundleReader.read(files:)`): the same reader as on a
// folder (`DirectoryBundleReader` over `BundleFileSource`), without two file writes
// and a folder read per input (about a tenth of the time; the rest is the reading
// and validation under test, RELIABILITY.md).
// ER_FUZZ_BUNDLE_FOLDER=1 writes the files to a RAM folder and reads that instead,
// as the first campaign did: kept to measure the difference (RELIABILITY.md).

/// Files the first byte selects; the last one swaps in a manifest naming a
/// GeoJSON roads file and puts the input there.
let slots = ["bundle.json", "areas.csv", "depots.csv", "items.csv", "stock.csv", "teams.csv",
             "fleet.csv", "nodes.csv", "roads.csv", "scenarios/s-flood.json", "roads.geojson"]

/// The tiny bundle's files by their path in the bundle folder. Byte arrays, not
/// Data: LeakSanitizer cannot see the storage pointer inside Data's packed enum and
/// reports globals holding Data as leaked.
let originals: [String: [UInt8]] = {
    let folder = FuzzInput.repositoryRoot.appendingPathComponent("Tests/BundleIOTests/Fixtures/tiny")
    var files: [String: [UInt8]] = [:]
    for slot in slots.dropLast() { files[slot] = Array(try! Data(contentsOf: folder.appendingPathComponent(slot))) }
    return files
}()

/// The tiny bundle's manifest with `files.roads_geojson` set.
let geoJSONManifest: [UInt8] = {
    var manifest = try! JSONSerialization.jsonObject(with: Data(originals["bundle.json"]!)) as! [String: Any]
    manifest["files"] = ["roads_geojson": "roads.geojson"]
    return Array(try! JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys]))
}()

/// A copy of the tiny bundle in a RAM folder, when ER_FUZZ_BUNDLE_FOLDER=1.
let folder: URL? = {
    guard ProcessInfo.processInfo.environment["ER_FUZZ_BUNDLE_FOLDER"] == "1" else { return nil }
    let target = FuzzInput.scratch.appendingPathComponent("bundle")
    for (path, contents) in originals {
        let url = target.appendingPathComponent(path)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(contents).write(to: url)
    }
    return target
}()

/// The folder variant: the input written over its file, read, and the file restored.
func readFromFolder(_ folder: URL, slot: String, body: [UInt8]) -> LoadedBundle? {
    let manifestURL = folder.appendingPathComponent("bundle.json")
    let url = folder.appendingPathComponent(slot)
    try! Data(body).write(to: url)
    if slot == "roads.geojson" { try! Data(geoJSONManifest).write(to: manifestURL) }
    defer {
        if let original = originals[slot] { try! Data(original).write(to: url) } else { try? FileManager.default.removeItem(at: url) }
        if slot == "roads.geojson" { try! Data(originals["bundle.json"]!).write(to: manifestURL) }
    }
    return try? BundleReader.read(at: folder.path)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBundleDirectory(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    guard let selector = bytes.first else { return 0 }
    let slot = slots[Int(selector) % slots.count]
    let body = Array(bytes.dropFirst())
    let loaded: LoadedBundle?
    if let folder {
        loaded = readFromFolder(folder, slot: slot, body: body)
    } else {
        var files = originals
        files[slot] = body
        if slot == "roads.geojson" { files["bundle.json"] = geoJSONManifest }
        loaded = try? BundleReader.read(files: files)
    }
    if let loaded {
        let report = loaded.validate()
        // Every problem must be describable (its location and text are what users see).
        for problem in report.problems { _ = problem.description }
    }
    return 0
}

/// Reads the bundle's files before the first input, so that their one-time
/// allocations are not counted against an input by the leak check.
@_cdecl("LLVMFuzzerInitialize")
public func initializeBundleDirectory(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    _ = originals
    _ = geoJSONManifest
    _ = folder
    return 0
}
