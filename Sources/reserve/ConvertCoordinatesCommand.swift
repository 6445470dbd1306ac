import ArgumentParser
import EmergencyReserve
import Foundation

extension CoordinateSystem: ExpressibleByArgument {}

/// `reserve convert-coordinates --from gcj02 --to wgs84 [FILE]`.
struct ConvertCoordinatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert-coordinates",
        abstract: "Convert a CSV of points between WGS-84, CGCS2000, GCJ-02 (Amap, Tencent) and BD-09 (Baidu).",
        discussion: """
        Reads a CSV with lat and lon columns (a file, or stdin) and writes the same CSV to \
        stdout with those two columns converted (8 decimals); other columns are kept.

        Example:
          reserve convert-coordinates --from gcj02 --to wgs84 depots_amap.csv > depots.csv
        """
    )

    @Argument(help: "The CSV file (default: stdin).")
    var file: String?

    @Option(name: .long, help: "Datum of the input: wgs84, cgcs2000, gcj02, bd09.")
    var from: CoordinateSystem

    @Option(name: .long, help: "Datum of the output.")
    var to: CoordinateSystem = .wgs84

    func run() throws {
        let data: Data
        if let file {
            guard let d = FileManager.default.contents(atPath: file) else { throw CLIFailure(message: "\(file): cannot read", exitCode: 66) }
            data = d
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        do {
            let out = try CoordinateCSV.convert(String(decoding: data, as: UTF8.self), from: from, to: to)
            FileHandle.standardOutput.write(Data(out.utf8))
        } catch {
            throw CLIFailure.invalidData("\(file ?? "stdin"):\n\(error.description)")
        }
    }
}
