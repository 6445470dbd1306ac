/// Why a bundle could not be read or written at all (as opposed to data problems,
/// which are reported as ``ReserveModel/ValidationProblem``s).
public struct BundleIOError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, for a caller that must tell a missing bundle (HTTP 404, exit
    /// 66) from a broken one (422, exit 65) or an unwritable destination (exit 73).
    public enum Kind: String, Sendable, Hashable {
        /// Nothing at the path.
        case notFound
        /// Something is there but cannot be read (permissions, or not a bundle).
        case unreadable
        /// The destination cannot be written.
        case cannotWrite
    }

    /// What went wrong.
    public var kind: Kind
    /// The file or directory concerned.
    public var path: String
    /// A plain sentence.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, path: String, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}
