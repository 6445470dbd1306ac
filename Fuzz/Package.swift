// swift-tools-version: 6.1
// libFuzzer targets for every reader of outside input (RELIABILITY.md). A separate
// package so that `swift build` / `swift test` at the root are untouched; build and
// run with `make fuzz` (it passes -sanitize=fuzzer,address and -parse-as-library).
import PackageDescription

/// One executable per reader; each defines `LLVMFuzzerTestOneInput` in main.swift.
let fuzzTargets = [
    "FuzzBundleDirectory",   // bundle.json, the eight CSV tables, scenarios/*.json (BundleReader)
    "FuzzBundleJSON",        // the single-JSON bundle form (BundleJSON.decodeBundle) + validation
    "FuzzRoadCSV",           // CSVEdgeListReader (edges + nodes)
    "FuzzRoadGeoJSON",       // GeoJSONRoadReader, and through it the line-tracking JSON parser
    "FuzzRoadDIMACS",        // DIMACSReader (.gr + .co)
    "FuzzRoadCEdge",         // CEdgeReader
    "FuzzModelFile",         // Model.read(from:format:) — GLPK's LP and MPS readers
    "FuzzORLibrary",         // ORLibraryPMedian, ORLibraryCapacitated, ORLibraryOptima
    "FuzzOSMPBF",            // OSMPBFReader + OSMImporter.importPBF (framing, zlib, blocks, network build)
]

let package = Package(
    name: "EmergencyReserveFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "EmergencyReserve", path: ".."),
    ],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "EmergencyReserveReaders", package: "EmergencyReserve")]
        ),
    ] + fuzzTargets.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "EmergencyReserveReaders", package: "EmergencyReserve")]
        )
    }
)
