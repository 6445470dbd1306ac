import Testing
import Localization
@testable import LinearSolver
@testable import Planning
@testable import Ledger
@testable import RoadImport
@testable import RoadNetwork

/// The reason codes of the readers' errors against the strings tables: every code has
/// its sentence in both languages, the English table says exactly what the library's
/// `description` says, and the Chinese sentence keeps every value (byte offset, block,
/// record, line) the reason carries.
@Suite struct ReasonCodeTextTests {
    /// One reason of every case, each value different so that a dropped one shows.
    static let importReasons: [RoadImportError.Reason] = [
        .noSuchFile,
        .notReadable,
        .openFailed(detail: "v12q"),
        .lengthPrefixCut(bytesLeft: 13),
        .blobHeaderLength(length: 14, maximum: 15),
        .blobHeaderCut(read: 16, length: 17),
        .undecodable(message: "v18q", detail: "v19q"),
        .blobHeaderIncomplete,
        .blobSize(size: 20, maximum: 21),
        .blobCut(read: 22, size: 23),
        .zlibWithoutRawSize,
        .rawSize(size: 24, maximum: 25),
        .zlibCannotStart,
        .inflatedSize(actual: 26, expected: 27),
        .zlibTruncated(expected: 28),
        .zlibFailed(detail: "v29q"),
        .unsupportedCompression,
        .blobWithoutData,
        .secondHeader,
        .dataBeforeHeader,
        .noHeader,
        .requiredFeatures(["f30a", "f30b"]),
        .valueCutOff(at: 31),
        .overlongVarint(at: 32),
        .badWireType(type: 33, at: 34),
        .lengthPastEnd(at: 35),
        .stringIndex(index: 36, count: 37),
        .tagCounts(keys: 38, values: 39),
        .wayNodeOverflow(way: 400),
        .nodeOutsideGlobe(node: 410, latitude: 42.25, longitude: 43.25),
        .denseArrays(ids: 44, latitudes: 45, longitudes: 46),
        .denseDeltaOverflow(node: 47),
        .denseKeysValsCut(node: 480),
        .xmlSyntax(detail: "v49q"),
        .xmlParserFailed,
        .noOSMRoot,
        .elementWithoutID(element: "v50q"),
        .nodeWithoutCoordinates(node: 510),
        .ndWithoutRef,
        .tagWithoutKeyOrValue,
        .speedHeader(found: "v52q"),
        .speedCells(found: 53),
        .speedValue(value: "v54q"),
        .speedClass(value: "v55q", known: "v56q"),
        .speedRows([.badSpeedTable(line: 2, reason: .speedCells(found: 3)), .badSpeedTable(line: 4, reason: .speedValue(value: "fast"))]),
        .bboxOrder(west: 58.25, south: 59.25, east: 60.25, north: 61.25),
        .bboxSyntax(text: "v62q"),
        .boundaryNotJSON(detail: "v63q"),
        .boundaryNoPolygon,
        .boundaryNoType(path: "v64q"),
        .boundaryNoRing(path: "v65q"),
        .boundaryPosition(path: "v66q"),
        .boundaryRingTooShort(path: "v67q"),
        .recordCut(needed: 68, left: 69),
        .notShapefile,
        .fileShapeType(type: 70),
        .notShapefileIndex,
        .indexLength(length: 71),
        .indexEntry(record: 72, offset: 73, length: 74),
        .recordMismatch(record: 75),
        .recordShapeType(record: 76, type: 77),
        .partsDoNotFit(record: 78, parts: 79, points: 80, length: 81),
        .partStarts(record: 82, starts: [83, 1], points: 84),
        .pointNotDegrees(record: 85, longitude: 86.25, latitude: 87.25),
        .dbfLengths(header: 88, record: 89),
        .dbfFieldsTooLong(fields: 90, record: 91),
        .dbfRecordsDoNotFit(count: 92, length: 93),
        .dbfText(record: 94, field: "v95q", encoding: "v96q"),
        .codePage(name: "v97q"),
        .rowCount(rows: 98, shapes: 99),
        .projected(name: "v100q"),
        .notWKT,
        .datum(name: "v101q"),
        .noClassField(field: "v102q", fields: "v103q"),
        .nothingLeft(ways: 104),
        .tooManyArcs(arcs: 105),
    ]

    static let graphReasons: [GraphReadError.Reason] = [
        .edgeHeader,
        .fieldCount(expected: 12, found: 13),
        .emptyNodeID,
        .badLengthKm(value: "v14q"),
        .badSpeed(value: "v15q"),
        .unknownClass(value: "v16q", known: "v17q"),
        .badOneway(value: "v18q"),
        .nodeNotInFile(node: "v19q", nodesFile: "v20q"),
        .nodeHeader,
        .nodeFieldCount(found: 21),
        .badCoordinate(latitude: "v22q", longitude: "v23q"),
        .coordinateOutOfRange(coordinate: "v24q"),
        .duplicateNode(node: "v25q"),
        .cedgeFieldCount(found: 26),
        .badNodeID(value: "v27q"),
        .badLength(value: "v28q"),
        .badEdgeID(value: "v29q"),
        .sparseNodeIDs(node: 30, segments: 31),
        .secondProblemLine,
        .expectedProblemLine(form: "v32q"),
        .arcBeforeProblemLine,
        .lineFieldCount(form: "v33q", found: 34),
        .nodeOutOfRange(node: "v35q", count: 36),
        .badWeight(value: "v37q"),
        .unknownArcLineType(type: "v38q"),
        .unknownCoordinateLineType(type: "v39q"),
        .noProblemLine(form: "v40q"),
        .tooManyNodes(nodes: 41, arcs: 42),
        .arcCountMismatch(declared: 43, found: 44),
        .nodeCountMismatch(declared: 45, actual: 46),
        .badCoordinatePair(x: "v47q", y: "v48q"),
        .coordinateOutsideWGS84(coordinate: "v49q"),
        .missingCoordinates(count: 50, first: 51),
        .notFeature(feature: 52),
        .noGeometry(feature: 53),
        .geometryType(feature: 54, type: "v55q"),
        .geometryTypeMissing(feature: 56),
        .unknownClassName(feature: 57, value: "v58q"),
        .classNotText(feature: 59),
        .speedNotPositive(feature: 60),
        .onewayValue(feature: 61),
        .lengthNotNumber(feature: 62),
        .lineTooShort(feature: 63),
        .positionShape(feature: 64),
        .positionOutOfRange(feature: 65, coordinate: "v66q"),
        .notFeatureCollection,
        .unknownFormat,
        .unreadable,
        .notUTF8,
        .jsonTrailingText,
        .jsonTooDeep,
        .jsonEnd,
        .jsonMemberName,
        .jsonColon,
        .jsonObjectEnd,
        .jsonObjectSeparator,
        .jsonArrayEnd,
        .jsonArraySeparator,
        .jsonCharacter,
        .jsonEscape,
        .jsonNumber,
        .jsonLineBreak,
        .jsonUnterminated,
    ]

    @Test func everyImportCodeIsListedHere() {
        #expect(Set(Self.importReasons.map(\.code)) == Set(RoadImportError.Reason.english.keys))
        #expect(Self.importReasons.count == RoadImportError.Reason.english.count)
    }

    @Test func everyGraphCodeIsListedHere() {
        #expect(Set(Self.graphReasons.map(\.code)) == Set(GraphReadError.Reason.english.keys))
        #expect(Self.graphReasons.count == GraphReadError.Reason.english.count)
    }

    @Test func importReasonsHaveBothSentences() {
        for r in Self.importReasons {
            check("import.reason.", r.code, r.arguments, english: r.description, compareEnglish: r.code != "speedRows")
        }
    }

    @Test func graphReasonsHaveBothSentences() {
        for r in Self.graphReasons { check("graph.reason.", r.code, r.arguments, english: r.description, compareEnglish: true) }
    }

    static let orLibraryQuantities: [ORLibraryError.Quantity] = [
        .nodes, .edges, .medians, .nodeI, .nodeJ, .warehouses, .customers,
        .capacity(warehouse: 31), .fixedCost(warehouse: 32), .demand(customer: 33), .cost(customer: 34, warehouse: 35),
    ]

    static let orLibraryReasons: [ORLibraryError.Reason] = [
        .fileEnds(expected: .demand(customer: 41)), .notANumber(text: "4x2", expected: .cost(customer: 43, warehouse: 44)),
        .integerRange(quantity: .medians, lower: 1, upper: 45, found: "'46'"), .empty, .headerFields(found: 47),
        .fewerEdges(announced: 48, found: 49), .extraLine(announced: 50), .edgeFields(found: 51), .edgeCost(text: "-52"),
        .tooLarge(warehouses: 53, customers: 54), .negativeWarehouse(warehouse: 55), .negativeDemand(customer: 56),
        .negativeCost(customer: 57, warehouse: 58), .trailingText(text: "x59"),
    ]

    @Test func orLibraryReasonsHaveBothSentences() {
        #expect(Set(Self.orLibraryReasons.map(\.parts.code)) == Set(ORLibraryError.Reason.english.keys))
        #expect(Set(Self.orLibraryQuantities.map(\.code)) == Set(ORLibraryError.Quantity.english.keys))
        for q in Self.orLibraryQuantities { check("orlib.what.", q.code, q.arguments, english: q.description, compareEnglish: true) }
        let en = Localizer(.en), zh = Localizer(.zh)
        for r in Self.orLibraryReasons {
            let (code, arguments, quantity) = r.parts
            var enArguments = arguments, zhArguments = arguments
            if let quantity {
                enArguments["what"] = en("orlib.what." + quantity.code, quantity.arguments)
                zhArguments["what"] = zh("orlib.what." + quantity.code, quantity.arguments)
            }
            #expect(en("orlib.reason." + code, enArguments) == r.description)
            let chinese = zh("orlib.reason." + code, zhArguments)
            #expect(zh.has("orlib.reason." + code) && !chinese.contains("{") && chinese != r.description, "\(chinese)")
            for value in arguments.values { #expect(chinese.contains(value), "\(code) drops \(value): \(chinese)") }
        }
    }

    static let sitingReasons: [SitingInputError.Reason] = [
        .networkMismatch(detail: "s61q"),
        .unreadable(file: "s62q"),
        .noDemandAreas,
        .emptyID(line: 63),
        .duplicateCandidate(line: 64, id: "s65q"),
        .unknownArea(line: 66, area: "s67q"),
        .noCandidates,
        .unknownOrigin(line: 68, id: "s69q"),
        .unknownDestination(line: 70, id: "s71q"),
        .duplicatePair(line: 72, from: "s73q", to: "s74q"),
        .emptyHours(line: 75),
        .noTravelTimes,
        .travelTimes(detail: "s76q"),
        .invalidProblem(problems: "s77q"),
        .cannotWrite(path: "s78q", detail: "s79q"),
        .noHeader(file: "s80q"),
        .unclosedQuote(file: "s81q", line: 82),
        .missingColumn(file: "s83q", column: "s84q"),
        .notNumber(file: "s85q", line: 86, column: "s87q", text: "s88q"),
        .notBool(file: "s89q", line: 90, column: "s91q", text: "s92q"),
    ]

    @Test func sitingReasonsHaveBothSentences() {
        #expect(Set(Self.sitingReasons.map(\.code)) == Set(SitingInputError.Reason.english.keys))
        #expect(Self.sitingReasons.count == SitingInputError.Reason.english.count)
        for r in Self.sitingReasons {
            check("siting.reason.", r.code, r.arguments, english: SitingInputError(r).description, compareEnglish: true)
        }
    }

    static let ledgerRequests: [LedgerError.Request] = [
        .periodOrder(from: "2025-03-01", to: "2025-02-01"), .postgresURL(url: "pg71"), .postgresQuery(url: "pg72", query: "q73"),
        .postgresPort(text: "p74"), .stockQuantity(row: 75, quantity: "-76"), .unknownStock(ids: "D77, D78"), .lotLabel,
        .writeOffApproval, .transferSameDepot, .negativeCount(counted: "-79"), .reverseReversal(movement: 80), .noUser,
        .noDocument, .negativeReason, .emptyIdempotencyKey, .noDepot, .quantity(value: "-81"),
    ]

    @Test func ledgerRequestsHaveBothSentences() {
        #expect(Set(Self.ledgerRequests.map(\.code)) == Set(LedgerError.Request.english.keys))
        for r in Self.ledgerRequests { check("ledger.request.", r.code, r.arguments, english: r.description, compareEnglish: true) }
        let two = LedgerError.Request.several([.noUser, .noDepot])
        #expect(two.description == "a movement needs a user\na movement needs a depot")
    }

    static let ledgerFileProblems: [LedgerError.FileProblem] = [
        .mappingKeyMissing(path: "$.f1"), .jsonValue(path: "$.f2", detail: "d3"), .notMappingJSON(detail: "d4"),
        .unknownField(path: "$.columns.f5", fields: "a6, b7"), .requiredFieldMissing(path: "$.columns.f8", required: "a9"),
        .headerRow(value: -10), .noDataRows(sheet: "s11"), .xlsx(detail: "d12"), .unreadable, .notUTF8(byte: 13), .tooLarge,
        .sheetType, .noColumn(sheet: "s14", row: 15, header: "h16", field: "f17", headers: "'h18'"),
        .noColumnNoHeaders(sheet: "s19", row: 20, header: "h21", field: "f22"), .emptyCell(cell: "s!A23 (h)", field: "f24"),
        .notDate(cell: "s!B25 (h)", value: "v26"), .notQuantity(cell: "s!C27 (h)", value: "v28"),
        .expiryBeforeProduction(cell: "s!D29 (h)", expiry: "2025-03-30", production: "2025-03-31"),
        .notMode(cell: "s!E32 (h)", value: "v33", modes: "m34"), .dispatchKeyMissing(path: "$.f35"), .nullValue(path: "$.f36"),
        .notJSON(detail: "d37"), .orderQuantity(path: "$.orders[38].quantity", value: "-39"),
    ]

    @Test func ledgerFileProblemsHaveBothSentences() {
        #expect(Set(Self.ledgerFileProblems.map(\.code)) == Set(LedgerError.FileProblem.english.keys))
        #expect(Self.ledgerFileProblems.count == LedgerError.FileProblem.english.count)
        for p in Self.ledgerFileProblems { check("ledger.file.", p.code, p.arguments, english: p.description, compareEnglish: true) }
    }

    /// GLPK's words are quoted after a sentence of each code; English keeps them alone.
    @Test func modelFileCodesHaveBothSentences() {
        for code in ModelFileDiagnosis.Code.allCases {
            let arguments = ["line": "47", "glpk": "m.lp:47: missing constraint sense"]
            let english = code == .badLine ? "line 47: m.lp:47: missing constraint sense" : "m.lp:47: missing constraint sense"
            check("solver.reason.", code.rawValue, arguments, english: english, compareEnglish: true)
        }
    }

    func check(_ prefix: String, _ code: String, _ arguments: [String: String], english: String, compareEnglish: Bool) {
        let en = Localizer(.en), zh = Localizer(.zh)
        let key = prefix + code
        #expect(en.has(key) && zh.has(key), "\(key) missing from a table")
        if compareEnglish { #expect(en(key, arguments) == english, "\(key): table and library differ") }
        let chinese = zh(key, arguments)
        #expect(!chinese.contains("{") && chinese != en(key, arguments), "\(key): \(chinese)")
        #expect(chinese.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(key) has no Chinese: \(chinese)")
        for (name, value) in arguments where en(key, [:]).contains("{\(name)}") {
            #expect(chinese.contains(value), "\(key) drops {\(name)} = \(value): \(chinese)")
        }
    }

    /// GLPK's terminal lines classified: an open failure, a numbered line, the rest.
    @Test func glpkLinesAreClassified() {
        let missing = ModelFileDiagnosis(readerLines: ["Unable to open 'x.lp' - No such file or directory", "CPLEX LP file processing error"])
        #expect(missing.code == .noSuchFile && missing.line == nil)
        let bad = ModelFileDiagnosis(readerLines: ["/tmp/a:b/m.lp:12: missing constraint sense", "CPLEX LP file processing error"])
        #expect(bad.code == .badLine && bad.line == 12)
        #expect(bad.readerText == "/tmp/a:b/m.lp:12: missing constraint sense; CPLEX LP file processing error")
        let other = ModelFileDiagnosis(readerLines: ["glp_read_lp: something else"])
        #expect(other.code == .unclassified && other.line == nil)
    }
}
