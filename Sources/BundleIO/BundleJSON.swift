import Foundation
import ReserveModel

/// The JSON coders every bundle file uses: snake_case keys (the same names as the
/// CSV columns), sorted keys and fixed formatting, so output is byte-identical for
/// equal input.
public enum BundleJSON {
    /// An encoder with snake_case, sorted keys, pretty printing, unescaped slashes.
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }

    /// The matching decoder.
    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }

    /// Encodes a value with a trailing newline.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        var data = try encoder().encode(value)
        data.append(0x0A)
        return data
    }

    /// The single-JSON form of a bundle (for services).
    public static func encodeBundle(_ bundle: ReserveBundle) throws -> Data { try encode(bundle) }

    /// Reads the single-JSON form; decoding problems come back located by JSON path.
    public static func decodeBundle(_ data: Data, file: String? = nil) -> LoadedBundle {
        let locator = JSONPathLocator(file: file)
        do {
            let bundle = try decoder().decode(ReserveBundle.self, from: data)
            return LoadedBundle(bundle: bundle.convertingPlacesToWGS84(), readProblems: [], locator: locator, isComplete: true)
        } catch {
            let (path, code, arguments) = describe(error)
            let problem = ValidationProblem(severity: .error, subject: RecordReference(table: .manifest),
                                            location: ProblemLocation(file: file, jsonPath: path), code: code, arguments: arguments)
            return LoadedBundle(bundle: ReserveBundle(manifest: BundleManifest(name: "")), readProblems: [problem],
                                locator: locator, isComplete: false)
        }
    }

    /// A JSON path and a problem code with its arguments for a decoding error.
    static func describe(_ error: any Error) -> (path: String, code: String, arguments: [String: String]) {
        func path(_ codingPath: [any CodingKey]) -> String {
            var p = "$"
            for key in codingPath {
                if let i = key.intValue { p += "[\(i)]" } else { p += "." + snakeCase(key.stringValue) }
            }
            return p
        }
        switch error as? DecodingError {
        case let .keyNotFound(key, ctx)?:
            return (path(ctx.codingPath), "json.keyMissing", ["key": snakeCase(key.stringValue)])
        case let .typeMismatch(type, ctx)?:
            return (path(ctx.codingPath), "json.type", ["typeKey": typeName(type), "type": "\(type)"])
        case let .valueNotFound(type, ctx)?:
            return (path(ctx.codingPath), "json.null", ["typeKey": typeName(type), "type": "\(type)"])
        case let .dataCorrupted(ctx)?:
            let detail = ctx.debugDescription
            if ctx.codingPath.isEmpty { return ("$", "json.invalid", ["detail": detail]) }
            return (path(ctx.codingPath), detail.hasPrefix("Cannot initialize") ? "json.notAllowed" : "json.corrupt", ["detail": detail])
        default:
            return ("$", "json.unreadable", ["detail": "\(error)"])
        }
    }

    /// The phrase key naming what a decoder expected (`type.number` …), and the
    /// Swift type's name for `type.other`.
    static func typeName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch name {
        case "Double", "Int", "Float": return "type.number"
        case "String": return "type.string"
        case "Bool": return "type.bool"
        default: return name.hasPrefix("Array") ? "type.list" : name.hasPrefix("Dictionary") ? "type.object" : "type.other"
        }
    }

    /// `affectedAreas` → `affected_areas` (idempotent on snake_case).
    static func snakeCase(_ s: String) -> String {
        var out = ""
        for ch in s {
            if ch.isUppercase {
                if !out.isEmpty { out.append("_") }
                out.append(contentsOf: ch.lowercased())
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
