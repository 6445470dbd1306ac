import Foundation

/// Where the test fixtures lie in the checkout.
enum FixturePaths {
    /// `Tests/RoadImportTests/Fixtures/<name>` (copied as a resource too, read in place here).
    static func local(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }

    /// `Tests/Fixtures/external/<name>`: public data shared by several test targets.
    static func external(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/external/\(name)").path
    }

    static var helsinki: String { external("osm-helsinki/helsinki.osm.pbf") }

    static func bytes(_ path: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: path) ?? Data())
    }
}
