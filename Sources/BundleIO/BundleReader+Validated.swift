import ReserveModel

/// Why a bundle cannot be used at all, in the three ways a service tells apart:
/// nothing there (HTTP 404, exit 66), something there that is not a readable bundle
/// (422, exit 65), or a bundle whose data has errors (422, exit 65, with every
/// problem located in its files).
public enum BundleLoadError: Error, Sendable, CustomStringConvertible {
    /// No file or directory at the path.
    case notFound(path: String)
    /// Something is there but cannot be read as a bundle.
    case unreadable(path: String, message: String)
    /// The bundle was read; these are its errors (warnings are not included).
    case invalid(path: String, errors: [ValidationProblem])

    public var description: String {
        switch self {
        case let .notFound(path): return "\(path): no such file or directory"
        case let .unreadable(path, message): return "\(path): \(message)"
        case let .invalid(path, errors):
            let lines = errors.prefix(50).map(\.description).joined(separator: "\n")
            let more = errors.count > 50 ? "\n… and \(errors.count - 50) more" : ""
            return "\(path) has \(errors.count) error(s); run 'reserve validate \(path)':\n\(lines)\(more)"
        }
    }
}

extension BundleReader {
    /// Reads and validates the bundle at `path` in one pass, as every command that
    /// computes on a bundle does: the result carries the warnings and the bundle's
    /// road network, built once (``LoadedBundle/validated(_:)``).
    ///
    /// - Throws: ``BundleLoadError`` — `notFound`, `unreadable`, or `invalid` with
    ///   every error located in the files.
    public static func readValidated(at path: String,
                                     validator: BundleValidator = BundleValidator()) throws(BundleLoadError) -> ValidatedBundle {
        let loaded: LoadedBundle
        do {
            loaded = try read(at: path)
        } catch {
            switch error.kind {
            case .notFound: throw .notFound(path: path)
            case .unreadable, .cannotWrite: throw .unreadable(path: error.path, message: error.message)
            }
        }
        let validated = loaded.validated(validator)
        if validated.report.hasErrors { throw .invalid(path: path, errors: validated.report.errors) }
        return validated
    }
}
