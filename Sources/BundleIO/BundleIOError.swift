/// Why a bundle could not be read or written at all (as opposed to data problems,
/// which are reported as ``ReserveModel/ValidationProblem``s).
public struct BundleIOError: Error, Sendable, CustomStringConvertible {
    /// The file or directory concerned.
    public var path: String
    /// A plain sentence.
    public var message: String

    /// Creates an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}
