import Foundation

/// Size limits of the PBF format (wiki.openstreetmap.org/wiki/PBF_Format): a
/// BlobHeader is under 64 KiB and a Blob under 32 MiB. Lengths beyond them mean a
/// corrupt file, and checking before allocating keeps a fuzzed length from
/// reserving gigabytes.
enum PBFLimits {
    static let maxBlobHeaderBytes = 64 * 1024
    static let maxBlobBytes = 32 * 1024 * 1024
}

/// One file block as it lies on disk, not yet inflated or decoded.
struct PBFRawBlock: Sendable {
    /// 0-based block number; the header block is 0.
    var index: Int
    /// Byte offset of the block's 4-byte length prefix.
    var offset: Int
    /// `OSMHeader` or `OSMData` (others are skipped, as the format asks).
    var type: String
    /// The serialized `Blob` message.
    var blob: [UInt8]
    /// Byte offset of the `Blob` message.
    var blobOffset: Int
}

/// Where framed bytes come from: a file read sequentially (streaming), or a byte
/// array (the fuzz entry and tests).
protocol PBFByteSource {
    /// Up to `count` bytes; fewer only at the end of the input.
    mutating func read(_ count: Int) throws(RoadImportError) -> [UInt8]
}

struct PBFMemorySource: PBFByteSource {
    let bytes: [UInt8]
    var position = 0

    mutating func read(_ count: Int) -> [UInt8] {
        let end = min(bytes.count, position + count)
        defer { position = end }
        return Array(bytes[position..<end])
    }
}

struct PBFFileSource: PBFByteSource {
    let handle: FileHandle
    let path: String

    init(path: String) throws(RoadImportError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotOpen(path: path, reason: FileManager.default.fileExists(atPath: path) ? .notReadable : .noSuchFile)
        }
        self.handle = handle
        self.path = path
    }

    mutating func read(_ count: Int) throws(RoadImportError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        // FileHandle may return short reads before the end; loop until EOF.
        while out.count < count {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: count - out.count) } catch {
                throw .cannotOpen(path: path, reason: .openFailed(detail: "\(error)"))
            }
            guard let chunk, !chunk.isEmpty else { break }
            out.append(contentsOf: chunk)
        }
        return out
    }
}

/// Splits a PBF byte stream into file blocks: a 4-byte big-endian length, a
/// `BlobHeader` of that length, then a `Blob` of `BlobHeader.datasize` bytes.
struct PBFFramer<Source: PBFByteSource> {
    var source: Source
    private(set) var offset = 0
    private(set) var index = 0

    init(source: Source) { self.source = source }

    /// The next block, or nil at a clean end of input.
    mutating func next() throws(RoadImportError) -> PBFRawBlock? {
        let start = offset
        let prefix = try source.read(4)
        if prefix.isEmpty { return nil }
        guard prefix.count == 4 else {
            throw .corruptPBF(offset: start, block: index, reason: .lengthPrefixCut(bytesLeft: prefix.count))
        }
        let headerLength = prefix.reduce(0) { $0 << 8 | Int($1) }
        guard headerLength > 0, headerLength <= PBFLimits.maxBlobHeaderBytes else {
            throw .corruptPBF(offset: start, block: index, reason: .blobHeaderLength(length: headerLength, maximum: PBFLimits.maxBlobHeaderBytes))
        }
        let headerBytes = try source.read(headerLength)
        guard headerBytes.count == headerLength else {
            throw .corruptPBF(offset: start + 4, block: index,
                              reason: .blobHeaderCut(read: headerBytes.count, length: headerLength))
        }
        let header: OSMPBF_BlobHeader
        do { header = try OSMPBF_BlobHeader(serializedBytes: headerBytes) } catch {
            throw .corruptPBF(offset: start + 4, block: index, reason: .undecodable(message: "BlobHeader", detail: "\(error)"))
        }
        guard header.hasType, header.hasDatasize else {
            throw .corruptPBF(offset: start + 4, block: index, reason: .blobHeaderIncomplete)
        }
        let size = Int(header.datasize)
        guard size >= 0, size <= PBFLimits.maxBlobBytes else {
            throw .corruptPBF(offset: start + 4, block: index, reason: .blobSize(size: size, maximum: PBFLimits.maxBlobBytes))
        }
        let blobOffset = start + 4 + headerLength
        let blob = try source.read(size)
        guard blob.count == size else {
            throw .corruptPBF(offset: blobOffset, block: index, reason: .blobCut(read: blob.count, size: size))
        }
        let block = PBFRawBlock(index: index, offset: start, type: header.type, blob: blob, blobOffset: blobOffset)
        offset = blobOffset + size
        index += 1
        return block
    }
}

extension PBFRawBlock {
    /// The block's payload: the `Blob` decoded and, when compressed, inflated.
    func payload() throws(RoadImportError) -> [UInt8] {
        let message: OSMPBF_Blob
        do { message = try OSMPBF_Blob(serializedBytes: blob) } catch {
            throw .corruptPBF(offset: blobOffset, block: index, reason: .undecodable(message: "Blob", detail: "\(error)"))
        }
        switch message.data {
        case .raw(let data)?:
            return [UInt8](data)
        case .zlibData(let data)?:
            guard message.hasRawSize else {
                throw .corruptPBF(offset: blobOffset, block: index, reason: .zlibWithoutRawSize)
            }
            switch Inflate.zlib([UInt8](data), expectedSize: Int(message.rawSize)) {
            case .success(let bytes): return bytes
            case .failure(let failure): throw .corruptPBF(offset: blobOffset, block: index, reason: failure.reason)
            }
        case .lzmaData?, .lz4Data?, .zstdData?, .obsoleteBzip2Data?:
            throw .unsupportedPBF(offset: blobOffset, block: index,
                                  reason: .unsupportedCompression)
        case nil:
            throw .corruptPBF(offset: blobOffset, block: index, reason: .blobWithoutData)
        }
    }
}
