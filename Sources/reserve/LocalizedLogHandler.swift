import EmergencyReserve
import Foundation
import Logging

/// The CLI's log handler: a log line whose metadata carries a `code` is printed as the
/// sentence `log.<code>` of the strings tables in the user's language, its other
/// metadata as the sentence's values (a value under `somethingKey` is the key of a
/// phrase, such as a solve status, and fills `{something}`). Lines without a code, or
/// with a code no table knows, go to stderr as swift-log's stream handler prints them.
///
/// The library keeps logging English messages with structured metadata (what services
/// read); only the CLI chooses the language.
struct LocalizedLogHandler: LogHandler {
    private var stream: StreamLogHandler
    let localizer: Localizer

    let label: String

    init(label: String, localizer: Localizer) {
        stream = StreamLogHandler.standardError(label: label)
        self.localizer = localizer
        self.label = label
    }

    var metadataProvider: Logger.MetadataProvider? {
        get { stream.metadataProvider }
        set { stream.metadataProvider = newValue }
    }

    var metadata: Logger.Metadata {
        get { stream.metadata }
        set { stream.metadata = newValue }
    }

    var logLevel: Logger.Level {
        get { stream.logLevel }
        set { stream.logLevel = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { stream[metadataKey: key] }
        set { stream[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        var event = event
        if let sentence = Self.sentence(of: event.metadata, localizer) {
            // In another language than English the line's level is a word of that
            // language too; swift-log's stream handler would print "debug".
            if localizer.language != .en {
                let line = "\(Self.timestamp()) \(localizer("log.level.\(event.level.rawValue)")) \(label): [\(event.source)] \(sentence)\n"
                FileHandle.standardError.write(Data(line.utf8))
                return
            }
            event.message = "\(sentence)"
            event.metadata = nil
        }
        stream.log(event: event)
    }

    /// The time the way swift-log's stream handler prints it (ISO 8601, local offset).
    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        return formatter.string(from: Date())
    }

    /// The sentence of a coded log line, or nil when it has no code or no table knows it.
    static func sentence(of metadata: Logger.Metadata?, _ t: Localizer) -> String? {
        guard let metadata, case let .string(code)? = metadata["code"] else { return nil }
        let key = "log." + code
        var values: [String: String] = [:]
        for (name, value) in metadata where name != "code" {
            if name.hasSuffix("Key"), name.count > 3 {
                values[String(name.dropLast(3))] = t("\(value)")
            } else if name == "objectiveName", t.has("objectiveName.\(value)") {
                // A model's level names are English identifiers (they name the levels in
                // exported model files too); the log line shows the user's words.
                values[name] = t("objectiveName.\(value)")
            } else {
                values[name] = "\(value)"
            }
        }
        let text = t(key, values)
        return text == key ? nil : text
    }
}
