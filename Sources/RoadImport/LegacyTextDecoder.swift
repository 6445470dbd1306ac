#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Attribute text of GIS files: UTF-8, or the Chinese legacy encodings GBK/GB2312
/// (both subsets of GB18030, so GB18030 decodes all three) through the C library's
/// iconv.
public enum TextEncoding: String, CaseIterable, Hashable, Sendable {
    case utf8 = "UTF-8"
    case gb18030 = "GB18030"

    /// Reads a `.cpg` value or an `--encoding` name: `UTF-8`/`UTF8`/`65001`, or
    /// `GBK`/`GB2312`/`GB18030`/`CP936`/`936`/`54936` (all decoded as GB18030).
    public init?(name: String) {
        switch name.trimmingCharacters(in: " \t\r\n").uppercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "") {
        case "UTF8", "65001": self = .utf8
        case "GBK", "GB2312", "GB18030", "CP936", "936", "54936", "MSCP936", "EUCCN": self = .gb18030
        default: return nil
        }
    }

    /// UTF-8 when every byte sequence is valid UTF-8, else GB18030 (a GBK text is
    /// almost never valid UTF-8; a UTF-8 text always is).
    public static func detect(_ samples: [[UInt8]]) -> TextEncoding {
        for bytes in samples where String(validating: bytes, as: UTF8.self) == nil { return .gb18030 }
        return .utf8
    }

    /// Decodes bytes; nil when they are not valid in this encoding.
    public func decode(_ bytes: [UInt8]) -> String? {
        switch self {
        case .utf8: return String(validating: bytes, as: UTF8.self)
        case .gb18030: return Self.iconvDecode(bytes, from: "GB18030")
        }
    }

    static func iconvDecode(_ bytes: [UInt8], from charset: String) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        let cd = iconv_open("UTF-8", charset)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 4)
        var inLeft = input.count, outLeft = output.count
        let result = input.withUnsafeMutableBufferPointer { ib in
            output.withUnsafeMutableBufferPointer { ob in
                var ip: UnsafeMutablePointer<CChar>? = ib.baseAddress
                var op: UnsafeMutablePointer<CChar>? = ob.baseAddress
                return iconv(cd, &ip, &inLeft, &op, &outLeft)
            }
        }
        guard result != -1 && inLeft == 0 else { return nil }
        let written = output.count - outLeft
        return String(decoding: output.prefix(written).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
