import Dispatch
import Foundation

/// Reads OpenStreetMap PBF files (wiki.openstreetmap.org/wiki/PBF_Format).
///
/// Blocks are read one batch at a time and decoded on all cores, the next batch read
/// while the previous one is decoded; the caller sees them in file order, so results
/// do not depend on scheduling. Memory holds two batches of blocks (a few times 16 MiB
/// at most) plus what the caller keeps.
///
/// Supported: zlib and uncompressed blobs, plain and dense nodes, ways
/// (relations are skipped). Unsupported compressions (LZMA, LZ4, ZSTD) and header
/// features this reader does not know are errors, never guesses.
public struct OSMPBFReader: Sendable {
    /// Header features this reader handles (the others a file may require are refused).
    static let knownFeatures: Set<String> = ["OsmSchema-V0.6", "DenseNodes", "Sort.Type_then_ID", "Sort.Geographic"]

    enum Input: Sendable {
        case file(String)
        case bytes([UInt8])
    }
    let input: Input
    /// Blocks decoded concurrently per batch.
    let batchSize: Int

    /// A reader of the file at `path` (opened on each pass).
    public init(path: String) {
        input = .file(path)
        batchSize = 4 * ProcessInfo.processInfo.activeProcessorCount
    }

    /// A reader of bytes already in memory.
    public init(bytes: [UInt8]) {
        input = .bytes(bytes)
        batchSize = 4 * ProcessInfo.processInfo.activeProcessorCount
    }

    /// Reads every node and way of a PBF held in memory: the fuzz entry point, and a
    /// convenience for small files. Throws ``RoadImportError`` for any damage, with
    /// the byte offset and block number; never traps.
    public static func read(bytes: [UInt8]) throws(RoadImportError) -> OSMData {
        var data = OSMData()
        try OSMPBFReader(bytes: bytes).scan({ (block: PBFPrimitiveBlock) throws(RoadImportError) -> OSMData in
            var part = OSMData()
            try block.forEachNode(where: { _ in true }) { part.nodes.append($0) }
            try block.forEachWay { part.ways.append($0) }
            return part
        }, consume: { part in
            data.nodes += part.nodes
            data.ways += part.ways
        })
        return data
    }

    /// Decodes every data block with `transform` (concurrently, one block per call)
    /// and hands the results to `consume` in file order. `skip(index)` returning true
    /// leaves a block undecoded (a second pass uses it to decode only node blocks).
    func scan<T: Sendable>(skip: @Sendable (Int) -> Bool = { _ in false },
                           _ transform: @escaping @Sendable (PBFPrimitiveBlock) throws(RoadImportError) -> T,
                           consume: (T) throws(RoadImportError) -> Void) throws(RoadImportError) {
        switch input {
        case .file(let path):
            var framer = PBFFramer(source: try PBFFileSource(path: path))
            try scan(&framer, skip: skip, transform, consume: consume)
        case .bytes(let bytes):
            var framer = PBFFramer(source: PBFMemorySource(bytes: bytes))
            try scan(&framer, skip: skip, transform, consume: consume)
        }
    }

    private func scan<S, T: Sendable>(_ framer: inout PBFFramer<S>, skip: @Sendable (Int) -> Bool,
                                      _ transform: @escaping @Sendable (PBFPrimitiveBlock) throws(RoadImportError) -> T,
                                      consume: (T) throws(RoadImportError) -> Void) throws(RoadImportError) {
        var sawHeader = false
        // The next batch of data blocks, or the damage that ends the file. Blocks framed
        // before the damage in the same batch are not decoded, as when batches did not
        // overlap: the same error is thrown after the same blocks were consumed.
        func frameBatch() -> Result<[PBFRawBlock], RoadImportError> {
            Result { () throws(RoadImportError) -> [PBFRawBlock] in
                var batch: [PBFRawBlock] = []
                while batch.count < batchSize, let block = try framer.next() {
                    if block.type == "OSMHeader" {
                        guard !sawHeader, block.index == 0 else {
                            throw .corruptPBF(offset: block.offset, block: block.index, reason: .secondHeader)
                        }
                        try Self.checkHeader(block)
                        sawHeader = true
                    } else if block.type == "OSMData" {
                        guard sawHeader else {
                            throw .corruptPBF(offset: block.offset, block: block.index, reason: .dataBeforeHeader)
                        }
                        if !skip(block.index) { batch.append(block) }
                    }
                    // Other block types are skipped, as the format asks.
                }
                return batch
            }
        }
        // A batch is decoded on the other threads while this one reads the next batch
        // from the file and hands the previous batch's results to `consume` in file
        // order: reading and consuming no longer leave the cores idle.
        var decoding: BackgroundValue<[Result<T, RoadImportError>]>?
        // No decode outlives the call, whatever is thrown.
        defer { _ = decoding?.value }
        while true {
            let framed = frameBatch()
            let finished = decoding?.value
            decoding = nil
            if case .success(let blocks) = framed, !blocks.isEmpty {
                decoding = BackgroundValue { Self.decodeConcurrently(blocks, transform) }
            }
            for result in finished ?? [] { try consume(try result.get()) }
            let blocks = try framed.get()
            if blocks.isEmpty {
                guard sawHeader else { throw .corruptPBF(offset: framer.offset, block: 0, reason: .noHeader) }
                return
            }
        }
    }

    /// Decodes the data blocks `skip` leaves, one after the other on the calling thread
    /// and in file order, handing each to `body` until it returns false. Damage ends it
    /// quietly: this is a look-ahead, and the pass that follows meets the damage again
    /// and reports it where it always did.
    func decodeInOrder(skip: (Int) -> Bool, _ body: (PBFPrimitiveBlock) -> Bool) {
        switch input {
        case .file(let path):
            guard let source = try? PBFFileSource(path: path) else { return }
            var framer = PBFFramer(source: source)
            Self.decodeInOrder(&framer, skip: skip, body)
        case .bytes(let bytes):
            var framer = PBFFramer(source: PBFMemorySource(bytes: bytes))
            Self.decodeInOrder(&framer, skip: skip, body)
        }
    }

    private static func decodeInOrder<S>(_ framer: inout PBFFramer<S>, skip: (Int) -> Bool, _ body: (PBFPrimitiveBlock) -> Bool) {
        var sawHeader = false
        while true {
            guard let block = try? framer.next() else { return }
            if block.type == "OSMHeader" {
                guard !sawHeader, block.index == 0, (try? checkHeader(block)) != nil else { return }
                sawHeader = true
                continue
            }
            guard block.type == "OSMData" else { continue }
            guard sawHeader else { return }
            if skip(block.index) { continue }
            guard let payload = try? block.payload(), let decoded = try? PBFPrimitiveBlock(payload: payload, block: block),
                  body(decoded) else { return }
        }
    }

    private static func checkHeader(_ block: PBFRawBlock) throws(RoadImportError) {
        let header: OSMPBF_HeaderBlock
        do { header = try OSMPBF_HeaderBlock(serializedBytes: try block.payload()) } catch let e as RoadImportError {
            throw e
        } catch {
            throw .corruptPBF(offset: block.blobOffset, block: block.index, reason: .undecodable(message: "HeaderBlock", detail: "\(error)"))
        }
        let unknown = header.requiredFeatures.filter { !knownFeatures.contains($0) }
        guard unknown.isEmpty else {
            throw .unsupportedPBF(offset: block.blobOffset, block: block.index,
                                  reason: .requiredFeatures(unknown))
        }
    }
}

extension OSMPBFReader {
    /// A batch of blocks decoded on all cores, the results in the batch's order.
    fileprivate static func decodeConcurrently<T: Sendable>(
        _ batch: [PBFRawBlock], _ transform: @escaping @Sendable (PBFPrimitiveBlock) throws(RoadImportError) -> T
    ) -> [Result<T, RoadImportError>] {
        let slots = ResultSlots<T>(count: batch.count)
        DispatchQueue.concurrentPerform(iterations: batch.count) { i in
            let raw = batch[i]
            slots.set(i, Result { () throws(RoadImportError) -> T in
                try transform(try PBFPrimitiveBlock(payload: try raw.payload(), block: raw))
            })
        }
        return slots.values()
    }
}

/// One slot per block for the concurrent decode: each index is written by exactly
/// one worker, and read only after the batch's decode has finished.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private var storage: [Result<T, RoadImportError>?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: Result<T, RoadImportError>) {
        lock.lock()
        storage[i] = value
        lock.unlock()
    }
    func values() -> [Result<T, RoadImportError>] { storage.map { $0! } }
}
