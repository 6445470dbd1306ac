import Foundation
import RoadNetwork
import Testing
import TestSupport
@testable import RoadImport

/// Ways cut in several concurrent parts, each writing its pieces into one shared array,
/// must give the network one sequential run gives: the same vertex numbering (so the
/// same components, contraction and node order), barrier copy numbers, geometry,
/// length sums, counts and edges (docs/decisions.md, "OSM import speed", fifth and
/// sixth rounds).
@Suite struct CuttingPartsTests {
    static func tables(_ network: ImportedRoadNetwork) -> (String, String) {
        (RoadTableWriter.nodesCSV(network), RoadTableWriter.roadsCSV(network))
    }

    @Test func helsinkiInAnyNumberOfPartsIsTheSequentialNetwork() throws {
        let data = try OSMPBFReader.read(bytes: FixturePaths.bytes(FixturePaths.helsinki))
        let options = OSMImportOptions()
        let sequential = try OSMImporter.importData(data, options: options, parts: 1)
        // Data/helsinki's counts, so the comparison is on the real network.
        #expect(sequential.nodes.count == 376 && sequential.edges.count == 461)
        #expect(sequential.report.blockingBarriers == 8 && sequential.report.waysCut == 58)
        let expected = Self.tables(sequential)
        for parts in [2, 3, 4, 7, 40] {
            let network = try OSMImporter.importData(data, options: options, parts: parts)
            #expect(network == sequential, "\(parts) parts")
            #expect(network.report == sequential.report, "\(parts) parts")
            #expect(Self.tables(network) == expected, "\(parts) parts")
        }
    }

    /// Seeded ways on a lattice that share nodes across parts, with blocking barriers
    /// (several road ends in several parts), fords, missing nodes, loops, one-way and
    /// backwards ways, ferries with a duration and a boundary that cuts ways.
    static func lattice(seed: UInt64) -> OSMData {
        var rng = SeededGenerator(seed: seed)
        let side = 14
        func id(_ r: Int, _ c: Int) -> Int64 { Int64(r * side + c + 1) }
        var nodes: [OSMNode] = []
        for r in 0..<side {
            for c in 0..<side {
                var tags: [String: String] = [:]
                switch Int.random(in: 0..<40, using: &rng) {
                case 0, 1: tags["barrier"] = "bollard"
                case 2: tags["ford"] = "yes"
                case 3: continue // missing from the file: ways through it are cut
                default: break
                }
                nodes.append(OSMNode(id: id(r, c), latitude: 60 + Double(r) * 0.001, longitude: 24 + Double(c) * 0.002, tags: tags))
            }
        }
        var ways: [OSMWay] = []
        for w in 0..<160 {
            var r = Int.random(in: 0..<side, using: &rng), c = Int.random(in: 0..<side, using: &rng)
            var refs = [id(r, c)]
            for _ in 0..<Int.random(in: 1...9, using: &rng) {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: r = min(side - 1, r + 1)
                case 1: r = max(0, r - 1)
                case 2: c = min(side - 1, c + 1)
                default: c = max(0, c - 1)
                }
                if refs.last != id(r, c) { refs.append(id(r, c)) }
            }
            if w % 17 == 5, let first = refs.first, refs.count > 2 { refs.append(first) } // a loop
            var tags = ["highway": ["residential", "secondary", "tertiary", "unclassified"][w % 4]]
            switch w % 11 {
            case 1: tags["oneway"] = "yes"
            case 2: tags["oneway"] = "-1"
            case 3: tags = ["route": "ferry", "duration": "00:\(10 + w % 40)"]
            case 4: tags["name"] = "Katu \(w % 5)"
            case 5: tags["maxspeed"] = "30 mph"
            default: break
            }
            ways.append(OSMWay(id: Int64(1000 + w), nodeRefs: refs, tags: tags))
        }
        return OSMData(nodes: nodes, ways: ways)
    }

    @Test func seededLatticesInAnyNumberOfPartsAreTheSequentialNetwork() throws {
        var barriers = 0, cut = 0, contracted = 0, dropped = 0
        for seed in UInt64(1)...12 {
            let data = Self.lattice(seed: seed)
            for options in [OSMImportOptions(), OSMImportOptions(boundary: try ImportBoundary(west: 24.005, south: 60.002, east: 24.02, north: 60.011))] {
                let sequential = try OSMImporter.importData(data, options: options, parts: 1)
                let expected = Self.tables(sequential)
                for parts in [2, 3, 5, 16] {
                    let network = try OSMImporter.importData(data, options: options, parts: parts)
                    #expect(network == sequential, "seed \(seed), \(parts) parts")
                    #expect(network.report == sequential.report, "seed \(seed), \(parts) parts")
                    #expect(Self.tables(network) == expected, "seed \(seed), \(parts) parts")
                }
                barriers += sequential.report.blockingBarriers
                cut += sequential.report.waysCut
                contracted += sequential.report.contractedNodes
                dropped += sequential.report.droppedNodes
            }
        }
        // The seeds reach every case the join handles.
        #expect(barriers > 20 && cut > 20 && contracted > 20 && dropped > 0)
    }

    @Test func smallImportsAreCutInOnePartLargeOnesOnePerCore() {
        #expect(OSMNetworkBuilder.cuttingParts(refCount: 199_999, wayCount: 10_000) == 1)
        #expect(OSMNetworkBuilder.cuttingParts(refCount: 1_000_000, wayCount: 1) == 1)
        #expect(OSMNetworkBuilder.cuttingParts(refCount: 1_000_000, wayCount: 100_000) == min(ProcessInfo.processInfo.activeProcessorCount, 4))
    }
}

/// Vertex names built from digits are the ones string interpolation writes.
@Suite struct VertexNameTests {
    @Test func namesAreWhatInterpolationWrites() {
        var rng = SeededGenerator(seed: 41)
        var values: [Int64] = [0, 1, 9, 10, 99, 100, -1, -10, Int64.max, Int64.min + 1, 12_345_678_901, 99_999_999_999_999]
        for _ in 0..<2_000 { values.append(Int64.random(in: -1_000_000_000_000...20_000_000_000_000, using: &rng)) }
        for (k, id) in values.enumerated() {
            let copy = Int32(k % 4 == 0 ? 0 : k % 13)
            for prefix in ["n", "s", "", "节点"] {
                let expected = copy == 0 ? "\(prefix)\(id)" : "\(prefix)\(id)b\(copy)"
                #expect(OSMNetworkBuilder.vertexName(prefix: prefix, id: id, copy: copy) == expected)
            }
        }
    }
}
