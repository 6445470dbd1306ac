/// What kind of failure a library error is, for the two callers that must answer
/// with a code: the CLI (an exit status, sysexits) and a service (an HTTP status).
/// This is the one place that decides; `reserve` takes its exit codes from here.
///
/// ```swift
/// do { … } catch {
///     let kind = FailureKind(error)
///     return Response(status: kind.httpStatus, body: "\(error)")
/// }
/// ```
public enum FailureKind: String, Sendable, Hashable, CaseIterable {
    /// The input is missing: no bundle at the path. HTTP 404, exit 66.
    case notFound
    /// The input is there but wrong: an unreadable bundle, data with errors (every
    /// problem is in the error), a dispatch problem the model refuses. HTTP 422, exit 65.
    case invalidInput
    /// The request names something that does not exist or asks for something
    /// impossible: an unknown scenario or policy, invalid options. HTTP 400, exit 64.
    case badRequest
    /// The solve ran out of time (its limit or the call's deadline) before finding any
    /// solution: nothing is returned; more time may give one. HTTP 504, exit 75.
    case noSolutionInTime
    /// The call was cancelled (its task, or a progress callback that answered `false`).
    /// HTTP 499 (the client went away), exit 75.
    case cancelled
    /// The solver failed or refused a model the library built: a defect. HTTP 500, exit 70.
    case internalFailure
    /// A destination cannot be written. HTTP 500, exit 73.
    case cannotWrite

    /// Classifies `error` (any error the library throws; anything else is
    /// ``invalidInput``, as the CLI always treated it).
    public init(_ error: any Error) {
        switch error {
        case is CancellationError: self = .cancelled
        case let e as BundleIOError:
            switch e.kind {
            case .notFound: self = .notFound
            case .unreadable: self = .invalidInput
            case .cannotWrite: self = .cannotWrite
            }
        case let e as BundleLoadError:
            if case .notFound = e { self = .notFound } else { self = .invalidInput }
        case let e as ResponseError:
            switch e {
            case let .dispatch(d): self = FailureKind(d)
            case .unknownScenario, .unknownPolicy: self = .badRequest
            case .invalidNetwork: self = .invalidInput
            }
        case let e as DispatchError:
            switch e {
            case let .solver(s): self = FailureKind(s)
            case .noSolution: self = .noSolutionInTime
            case .invalidProblem: self = .invalidInput
            }
        case let e as PlanningError:
            switch e {
            case let .solver(s): self = FailureKind(s)
            case let .response(r): self = FailureKind(r)
            case .invalidOptions: self = .badRequest
            case .noSolution: self = .noSolutionInTime
            case .noScenarios, .infeasible: self = .invalidInput
            }
        case let e as SitingError: self = e.isCancellation ? .cancelled : .invalidInput
        case let e as LinearSolverError: self = e.isCancellation ? .cancelled : .internalFailure
        case let e as LedgerError:
            switch e {
            case .missingDatabase, .unknownLot, .unknownMovement: self = .notFound
            case .cancelled: self = .cancelled
            case .database: self = .internalFailure
            case .newerSchema, .invalidRequest, .insufficientStock, .idempotencyConflict, .alreadyReversed,
                 .invalidDispatch, .invalidSheet:
                self = .invalidInput
            }
        default: self = .invalidInput
        }
    }

    /// The HTTP status a service answers with.
    public var httpStatus: Int {
        switch self {
        case .notFound: 404
        case .invalidInput: 422
        case .badRequest: 400
        case .noSolutionInTime: 504
        case .cancelled: 499
        case .internalFailure, .cannotWrite: 500
        }
    }

    /// The exit status of the CLI (sysexits.h).
    public var exitCode: Int32 {
        switch self {
        case .notFound: 66        // EX_NOINPUT
        case .invalidInput: 65    // EX_DATAERR
        case .badRequest: 64      // EX_USAGE
        case .noSolutionInTime, .cancelled: 75  // EX_TEMPFAIL: try again (with more time)
        case .internalFailure: 70 // EX_SOFTWARE
        case .cannotWrite: 73     // EX_CANTCREAT
        }
    }
}
