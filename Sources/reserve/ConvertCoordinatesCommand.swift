import ArgumentParser
import EmergencyReserve
import Foundation

extension CoordinateSystem: ExpressibleByArgument {}

/// `reserve convert-coordinates --from gcj02 --to wgs84 [FILE]`.
struct ConvertCoordinatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert-coordinates",
        abstract: HelpText["convertCoordinates.abstract"],
        discussion: HelpText["convertCoordinates.discussion"]
    )

    @Argument(help: ArgumentHelp(HelpText["convertCoordinates.file"]))
    var file: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["convertCoordinates.from"]))
    var from: CoordinateSystem

    @Option(name: .long, help: ArgumentHelp(HelpText["convertCoordinates.to"]))
    var to: CoordinateSystem = .wgs84

    func run() throws {
        let data: Data
        if let file {
            guard let d = FileManager.default.contents(atPath: file) else { throw CLIFailure(message: HelpText.localizer("cli.notFound", ["path": file]), exitCode: 66) }
            data = d
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        do {
            let out = try CoordinateCSV.convert(String(decoding: data, as: UTF8.self), from: from, to: to)
            FileHandle.standardOutput.write(Data(out.utf8))
        } catch {
            throw CLIFailure.invalidData("\(file ?? "stdin"):\n\(ErrorText.describe(error))")
        }
    }
}
