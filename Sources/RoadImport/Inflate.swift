import CLibZ

/// zlib inflation of one PBF blob through the system zlib.
enum Inflate {
    /// Inflates `input` (a zlib stream) that the file says is `expectedSize` bytes.
    ///
    /// Fails with a reason when the stream is damaged or does not inflate to exactly
    /// `expectedSize` bytes: a PBF blob's `raw_size` is part of the format, and a
    /// mismatch means a corrupt file rather than something to tolerate.
    static func zlib(_ input: [UInt8], expectedSize: Int) -> Result<[UInt8], InflateFailure> {
        guard expectedSize >= 0, expectedSize <= PBFLimits.maxBlobBytes else {
            return .failure(InflateFailure(reason: .rawSize(size: expectedSize, maximum: PBFLimits.maxBlobBytes)))
        }
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .failure(InflateFailure(reason: .zlibCannotStart))
        }
        defer { inflateEnd(&stream) }
        var status: Int32 = Z_OK
        // Not zeroed first: zlib writes every byte that counts (clearing the block's
        // buffer was memory written twice), and only the bytes it wrote are kept.
        let output = [UInt8](unsafeUninitializedCapacity: expectedSize) { outBuf, initialized in
            status = input.withUnsafeBufferPointer { inBuf in
                stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                // One call with the whole output buffer; a stream that wants more room
                // than raw_size is as corrupt as one that ends early.
                return inflate(&stream, Z_FINISH)
            }
            initialized = min(Int(stream.total_out), expectedSize)
        }
        switch status {
        case Z_STREAM_END:
            guard Int(stream.total_out) == expectedSize else {
                return .failure(InflateFailure(reason: .inflatedSize(actual: Int(stream.total_out), expected: expectedSize)))
            }
            return .success(output)
        case Z_BUF_ERROR, Z_OK:
            return .failure(InflateFailure(reason: .zlibTruncated(expected: expectedSize)))
        default:
            let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
            return .failure(InflateFailure(reason: .zlibFailed(detail: message)))
        }
    }
}

/// Why a blob did not inflate.
struct InflateFailure: Error {
    var reason: RoadImportError.Reason
}
