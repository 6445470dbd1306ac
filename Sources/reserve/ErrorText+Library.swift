import EmergencyReserve

/// The sentences of the library's typed errors, from their structured payloads: each
/// case is a message code `error.<type>.<case>` of the strings tables with its values
/// as named arguments, so that the CLI prints them in the reader's language. A reason
/// a case carries is a code of its own (`import.reason.<code>`, `solver.reason.<code>`);
/// the words of another program (GLPK, zlib, an XML parser) are quoted after it.
extension ErrorText {
    /// The sentence of a library error the CLI knows by type, else nil.
    static func library(_ error: any Error, _ t: Localizer) -> String? {
        switch error {
        case let e as LedgerError: ledger(e, t)
        case let e as RoadImportError: roadImport(e, t)
        case let e as LinearSolverError: solver(e, t)
        case let e as DispatchError: dispatch(e, t)
        case let e as BundleNetworkError: network(e, t)
        case let e as RoadGraphError: roadGraph(e, t)
        case let e as SitingInputError: t("siting.reason." + e.reason.code, e.reason.arguments)
        case let e as ORLibraryError: located(e.file, e.line, orLibraryReason(e.reason, t), t)
        case let e as GraphReadError:
            e.problems.map { located($0.file, $0.line, t("graph.reason." + $0.reason.code, $0.reason.arguments), t) }.joined(separator: "\n")
        case let e as CoordinateCSV.Failure: e.problems.map { coordinate($0, t) }.joined(separator: "\n")
        default: nil
        }
    }

    /// `file:line: message`, or `file: message` for the file as a whole.
    static func located(_ file: String, _ line: Int, _ message: String, _ t: Localizer) -> String {
        line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }

    /// The sentence of an OR-Library reason (`orlib.reason.<code>`), the number it
    /// expected named by `orlib.what.<code>`.
    static func orLibraryReason(_ reason: ORLibraryError.Reason, _ t: Localizer) -> String {
        var (code, arguments, quantity) = reason.parts
        if let quantity { arguments["what"] = t("orlib.what." + quantity.code, quantity.arguments) }
        return t("orlib.reason." + code, arguments)
    }

    static func ledger(_ e: LedgerError, _ t: Localizer) -> String {
        switch e {
        case let .missingDatabase(path): return t("error.ledger.missingDatabase", ["path": path])
        case let .newerSchema(path, found, supported):
            return t("error.ledger.newerSchema", ["path": path, "found": "\(found)", "supported": "\(supported)"])
        case let .unknownLot(item, lot, detail):
            let text = t("error.ledger.unknownLot", ["item": item, "lot": lot])
            return detail.isEmpty ? text : t("error.withReason", ["text": text, "reason": detail])
        case let .unknownMovement(id): return t("error.ledger.unknownMovement", ["id": "\(id)"])
        case let .invalidRequest(request): return ledgerRequest(request, t)
        case let .invalidDispatch(source, problems):
            return problems.map { problem in
                let text = t("ledger.file." + problem.code, problem.arguments)
                return source.isEmpty ? text : t("error.ledger.inFile", ["source": source, "text": text])
            }.joined(separator: "\n")
        case let .insufficientStock(shortages):
            return ([t("error.ledger.insufficientStock")] + shortages.map { "  " + shortage($0, t) }).joined(separator: "\n")
        case let .idempotencyConflict(key, existing): return t("error.ledger.idempotencyConflict", ["key": key, "existing": existing])
        case let .alreadyReversed(id, by): return t("error.ledger.alreadyReversed", ["id": "\(id)", "by": "\(by)"])
        case let .invalidSheet(source, problems):
            var lines = [t("error.ledger.invalidSheet", ["source": source, "count": "\(problems.count)"])]
            lines += problems.prefix(listedErrors).map { "  " + t("ledger.file." + $0.code, $0.arguments) }
            if problems.count > listedErrors { lines.append("  " + t("cli.moreErrors", ["count": "\(problems.count - listedErrors)"])) }
            return lines.joined(separator: "\n")
        case let .database(message): return t("error.ledger.database", ["reason": message])
        case .cancelled: return t("error.ledger.cancelled")
        }
    }

    /// The sentence of a refused ledger request (`ledger.request.<code>`), one per line
    /// for several.
    static func ledgerRequest(_ request: LedgerError.Request, _ t: Localizer) -> String {
        if case let .several(requests) = request { return requests.map { ledgerRequest($0, t) }.joined(separator: "\n") }
        return t("ledger.request." + request.code, request.arguments)
    }

    static func shortage(_ s: LedgerError.Shortage, _ t: Localizer) -> String {
        var arguments = ["request": s.request, "depot": s.depot, "item": s.item,
                         "requested": LedgerQuantity.text(s.requested), "available": LedgerQuantity.text(s.available)]
        guard let lot = s.lot else { return t("error.ledger.shortage", arguments) }
        arguments["lot"] = lot
        return t("error.ledger.shortageLot", arguments)
    }

    static func roadImport(_ e: RoadImportError, _ t: Localizer) -> String {
        switch e {
        case let .cannotOpen(path, reason): t("error.import.cannotOpen", ["path": path, "reason": importReason(reason, t)])
        case let .corruptPBF(offset, block, reason):
            t("error.import.corruptPBF", ["offset": "\(offset)", "block": "\(block)", "reason": importReason(reason, t)])
        case let .unsupportedPBF(offset, block, reason):
            t("error.import.unsupportedPBF", ["offset": "\(offset)", "block": "\(block)", "reason": importReason(reason, t)])
        case let .malformedXML(line, column, reason):
            t("error.import.malformedXML", ["line": "\(line)", "column": "\(column)", "reason": importReason(reason, t)])
        case let .badSpeedTable(_, .speedRows(rows)): rows.map { roadImport($0, t) }.joined(separator: "\n")
        case let .badSpeedTable(line, reason): t("error.import.badSpeedTable", ["line": "\(line)", "reason": importReason(reason, t)])
        case let .badBoundary(reason): t("error.import.badBoundary", ["reason": importReason(reason, t)])
        case let .badShapefile(file, offset?, reason):
            t("error.import.badShapefileAt", ["file": file, "offset": "\(offset)", "reason": importReason(reason, t)])
        case let .badShapefile(file, nil, reason): t("error.withReason", ["text": file, "reason": importReason(reason, t)])
        case let .cannotWrite(path, reason): t("cli.cannotWrite", ["path": path, "reason": reason])
        case let .emptyNetwork(reason): t("error.import.emptyNetwork", ["reason": importReason(reason, t)])
        }
    }

    /// The sentence of an import reason code (`import.reason.<code>`), its values in
    /// place and a quoted detail (another library's own words) kept as it is.
    static func importReason(_ reason: RoadImportError.Reason, _ t: Localizer) -> String {
        if case let .speedRows(rows) = reason { return rows.map { roadImport($0, t) }.joined(separator: "\n") }
        return t("import.reason." + reason.code, reason.arguments)
    }

    static func solver(_ e: LinearSolverError, _ t: Localizer) -> String {
        switch e {
        case let .invalidModel(problems):
            var lines = [t("error.solver.invalidModel", ["count": "\(problems.count)"])]
            lines += problems.prefix(listedErrors).map { "  - " + modelProblem($0, t) }
            if problems.count > listedErrors { lines.append("  " + t("cli.moreErrors", ["count": "\(problems.count - listedErrors)"])) }
            return lines.joined(separator: "\n")
        case let .invalidOptions(message): return t("error.solver.invalidOptions", ["reason": message])
        case let .unreadableFile(path, diagnosis):
            let reason = t("solver.reason.\(diagnosis.code.rawValue)", ["line": diagnosis.line.map { "\($0)" } ?? "", "glpk": diagnosis.readerText])
            return t("error.solver.unreadableFile", ["path": path, "reason": reason])
        case let .unwritableFile(path, message): return t("error.solver.unwritableFile", ["path": path, "reason": message])
        case let .backendFailure(message): return t("error.solver.backendFailure", ["reason": message])
        case .cancelled: return t("error.solver.cancelled")
        }
    }

    static func modelProblem(_ p: ModelProblem, _ t: Localizer) -> String {
        let place = switch p.location {
        case .model: t("error.solver.atModel")
        case .objective: t("error.solver.atObjective")
        case let .variable(v, name): t("error.solver.atVariable", ["name": name, "column": "\(v.index + 1)"])
        case let .constraint(c, name): t("error.solver.atConstraint", ["name": name, "row": "\(c.index + 1)"])
        }
        return t("error.withReason", ["text": place, "reason": p.message])
    }

    static func dispatch(_ e: DispatchError, _ t: Localizer) -> String {
        switch e {
        case let .invalidProblem(problems):
            ([t("error.dispatch.invalidProblem", ["count": "\(problems.count)"])]
                + problems.prefix(listedErrors).map { "  - \($0)" }).joined(separator: "\n")
        case let .solver(error): solver(error, t)
        case let .noSolution(status): t("error.dispatch.noSolution", ["status": t("status.\(status.rawValue)")])
        }
    }

    static func network(_ e: BundleNetworkError, _ t: Localizer) -> String {
        switch e {
        case .noRoadNodes: return t("error.network.noRoadNodes")
        case let .unusableRoads(rows):
            var shown = rows.prefix(30).map { "\($0 + 1)" }.joined(separator: ", ")
            if rows.count > 30 { shown += " … " + t("error.network.inAll", ["count": "\(rows.count)"]) }
            return t("error.network.unusableRoads", ["rows": shown])
        case let .invalidNodeCoordinates(ids):
            return t("error.network.invalidNodeCoordinates", ["ids": ids.prefix(30).map(\.rawValue).joined(separator: ", ")])
        case let .invalidDisruptionFactor(incident, factor):
            return t("error.network.invalidDisruptionFactor", ["incident": "\(incident)", "factor": "\(factor)"])
        case let .belongsToAnotherBundle(network, bundle):
            return t("error.network.belongsToAnotherBundle", ["network": "\(network)", "bundle": "\(bundle)"])
        case let .several(errors):
            return errors.map { "  - " + Self.network($0, t) }.joined(separator: "\n")
        }
    }

    static func roadGraph(_ e: RoadGraphError, _ t: Localizer) -> String {
        switch e {
        case let .unknownNode(i): t("error.graph.unknownNode", ["id": "\(i)"])
        case let .unknownNodeName(name): t("error.graph.unknownNodeName", ["name": name])
        case let .invalidLength(x): t("error.graph.invalidLength", ["value": "\(x)"])
        case let .invalidSpeed(x): t("error.graph.invalidSpeed", ["value": "\(x)"])
        case let .invalidCoordinate(c): t("error.graph.invalidCoordinate", ["value": "\(c)"])
        case let .tooLarge(what): t("error.graph.tooLarge", ["what": what])
        case .noCoordinates: t("error.graph.noCoordinates")
        case .stopped: t("error.graph.stopped")
        case let .unknownEdge(i): t("error.graph.unknownEdge", ["id": "\(i)"])
        case let .invalidFactor(x): t("error.graph.invalidFactor", ["value": "\(x)"])
        case let .overlayMismatch(expected, actual): t("error.graph.overlayMismatch", ["expected": "\(expected)", "actual": "\(actual)"])
        case let .invalidTimeLimit(x): t("error.graph.invalidTimeLimit", ["value": "\(x)"])
        case .noAllowedNode: t("error.graph.noAllowedNode")
        }
    }

    static func coordinate(_ p: CoordinateCSV.Problem, _ t: Localizer) -> String {
        t("error.coordinates.\(p.code)", ["line": "\(p.line)", "column": p.column, "value": p.value])
    }
}
