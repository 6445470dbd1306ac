import EmergencyReserve

/// Help texts in the language of the command line (`--lang`, else the locale).
///
/// swift-argument-parser reads a command's `configuration` and its options' help
/// when it first needs them, after the process has started, so the abstracts,
/// discussions and option help chosen here follow the user's language. Every command's
/// texts are the `help.<command>.<property>` entries of the strings tables. The
/// parser's own scaffolding ("USAGE:", "OPTIONS:", "Show help information.") is fixed
/// English in the library; ``ParserText`` rewrites it in the entry point
/// (docs/decisions.md).
enum HelpText {
    static let localizer = Localizer(.ofCommandLine)

    /// The help text `help.<key>`.
    static subscript(_ key: String) -> String { localizer("help." + key) }
}
