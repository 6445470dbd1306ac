import EmergencyReserve

/// Library errors as a person reads them, in the chosen language: the one place that
/// turns a typed error into the CLI's sentence. Unknown ids given on the command line
/// get the closest valid id ("did you mean …") by edit distance, then every valid id.
enum ErrorText {
    /// How many problems a refused bundle lists before "… and N more".
    static let listedErrors = 50

    static func describe(_ error: any Error, _ t: Localizer = HelpText.localizer) -> String {
        switch error {
        case let e as CLIFailure:
            return e.message
        case let e as BundleLoadError:
            switch e {
            case let .notFound(path): return t("cli.notFound", ["path": path])
            case let .unreadable(path, _): return t("cli.notABundle", ["path": path])
            case let .invalid(path, errors): return invalidBundle(path, errors, t)
            }
        case let e as BundleIOError:
            switch e.kind {
            case .notFound: return t("cli.notFound", ["path": e.path])
            case .unreadable: return t("cli.notABundle", ["path": e.path])
            case .cannotWrite: return t("cli.cannotWrite", ["path": e.path, "reason": e.message])
            }
        case let e as ResponseError:
            switch e {
            case let .unknownScenario(id, available): return unknownID("scenario", id, available, t)
            case let .unknownPolicy(id, available): return unknownID("policy", id, available, t)
            case let .invalidNetwork(error): return t("error.withReason", ["text": t("error.network.unusable"), "reason": network(error, t)])
            case let .dispatch(error): return dispatch(error, t)
            }
        default:
            return library(error, t) ?? String(describing: error)
        }
    }

    /// The errors of a refused bundle, each on its own line, in the reader's language.
    static func invalidBundle(_ path: String, _ errors: [ValidationProblem], _ t: Localizer) -> String {
        var lines = [t("cli.invalidBundle", ["path": path, "count": "\(errors.count)"])]
        lines += errors.prefix(listedErrors).map { $0.line(in: t) }
        if errors.count > listedErrors { lines.append(t("cli.moreErrors", ["count": "\(errors.count - listedErrors)"])) }
        return lines.joined(separator: "\n")
    }

    /// "no scenario 'x' …; did you mean 'y'? Valid: …". `kind` is `scenario`,
    /// `policy`, `item`, `depot` or `area`.
    static func unknownID(_ kind: String, _ id: String, _ available: [String], _ t: Localizer) -> String {
        let valid = available.isEmpty ? t("cli.none") : available.joined(separator: ", ")
        var arguments = ["id": id, "valid": valid, "kind": t("cli.kind.\(kind)")]
        if let suggestion = Localizer.suggestion(for: id, among: available) {
            arguments["suggestion"] = suggestion
            return t("cli.unknownIDSuggest", arguments)
        }
        return t("cli.unknownID", arguments)
    }
}
