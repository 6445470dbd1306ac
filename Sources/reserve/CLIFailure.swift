import EmergencyReserve

/// A failure the CLI reports with a message and one of its documented exit codes
/// (sysexits): 64 usage, 65 invalid data, 66 missing input, 70 internal failure,
/// 73 cannot write, 75 no solution within the time limit (try again with more).
struct CLIFailure: Error {
    /// 64: the command line is wrong (EX_USAGE).
    static let usageCode: Int32 = 64
    /// 65: the input data is invalid (malformed file, failed validation, unknown name).
    static let invalidDataCode: Int32 = 65
    /// 66: an input file or bundle does not exist.
    static let noInputCode: Int32 = 66
    /// 70: an internal failure (a bug or a solver failure that is not the input's fault).
    static let internalFailureCode: Int32 = 70
    /// 73: the output cannot be written.
    static let cannotCreateCode: Int32 = 73

    var message: String
    var exitCode: Int32

    init(message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }

    static func invalidData(_ message: String) -> CLIFailure {
        CLIFailure(message: message, exitCode: invalidDataCode)
    }

    static func internalFailure(_ message: String) -> CLIFailure {
        CLIFailure(message: message, exitCode: internalFailureCode)
    }

    /// A library error as the CLI reports it: its sentence in `language`
    /// (``ErrorText``), after `context` (the bundle or file it concerns) when given,
    /// with the exit code ``exitCode(for:)`` chooses.
    init(_ error: any Error, context: String? = nil, language: Language = .ofCommandLine) {
        if let failure = error as? CLIFailure {
            self = failure
            return
        }
        let text = ErrorText.describe(error, Localizer(language))
        message = context.map { "\($0): \(text)" } ?? text
        exitCode = Self.exitCode(for: error)
    }

    /// The exit code of a library error: ``FailureKind`` decides, for the CLI and for
    /// services alike (the input's fault 65, or 66 when it is missing; a usage error
    /// 64; a solver's or the program's fault 70; an unwritable destination 73; no
    /// solution within the time limit 75).
    static func exitCode(for error: any Error) -> Int32 {
        if let e = error as? CLIFailure { return e.exitCode }
        return FailureKind(error).exitCode
    }
}
