import ArgumentParser

/// `reserve ledger …`: the stock book (lots, immutable movements, kept balances).
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: HelpText["ledger.abstract"],
        discussion: HelpText["ledger.discussion"],
        subcommands: [LedgerInitCommand.self, LedgerImportCommand.self, LedgerReceiveCommand.self, LedgerIssueCommand.self,
                      LedgerTransferCommand.self, LedgerCountCommand.self, LedgerRotateCommand.self, LedgerWriteOffCommand.self,
                      LedgerReturnCommand.self, LedgerReverseCommand.self, LedgerBalanceCommand.self, LedgerHistoryCommand.self,
                      LedgerExpiringCommand.self, LedgerVerifyCommand.self, LedgerExportCommand.self,
                      LedgerPostDispatchCommand.self, LedgerRotationCommand.self, LedgerReportCommand.self,
                      LedgerImportSheetCommand.self, LedgerBenchCommand.self]
    )
}
