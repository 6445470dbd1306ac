/// A failure the CLI reports with a message and one of its documented exit codes.
struct CLIFailure: Error {
    /// 65: the input data is invalid (malformed file, failed validation, unknown name).
    static let invalidDataCode: Int32 = 65
    /// 70: an internal failure (a bug or a solver failure that is not the input's fault).
    static let internalFailureCode: Int32 = 70

    var message: String
    var exitCode: Int32

    static func invalidData(_ message: String) -> CLIFailure {
        CLIFailure(message: message, exitCode: invalidDataCode)
    }

    static func internalFailure(_ message: String) -> CLIFailure {
        CLIFailure(message: message, exitCode: internalFailureCode)
    }
}
