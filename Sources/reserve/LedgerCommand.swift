import ArgumentParser

/// `reserve ledger …`: the stock book (lots, immutable movements, kept balances).
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "The stock book: receive, issue, transfer, count, rotate, write off and reverse lots; balances and audit trail.",
        discussion: """
        Every command is one transaction on an SQLite file (--db, default $RESERVE_LEDGER or ledger.sqlite). \
        Movements are never changed: mistakes are reversed. See docs/ledger.md.

        Examples:
          reserve ledger init --db book.sqlite
          reserve ledger import Data/hegang --db book.sqlite
          reserve ledger issue --db book.sqlite --item water --lot HE-202410-008 --depot HG-D-CITY --quantity 500 --document CK-001
          reserve ledger balance --db book.sqlite --depot HG-D-CITY --json
          reserve dispatch Data/hegang --json > response.json && reserve ledger post-dispatch response.json --db book.sqlite

        Exit codes: 0 success, 64 usage error, 65 invalid data (refused movement, drift found by verify), \
        66 missing ledger or input, 70 internal failure, 73 cannot write.
        """,
        subcommands: [LedgerInitCommand.self, LedgerImportCommand.self, LedgerReceiveCommand.self, LedgerIssueCommand.self,
                      LedgerTransferCommand.self, LedgerCountCommand.self, LedgerRotateCommand.self, LedgerWriteOffCommand.self,
                      LedgerReturnCommand.self, LedgerReverseCommand.self, LedgerBalanceCommand.self, LedgerHistoryCommand.self,
                      LedgerExpiringCommand.self, LedgerVerifyCommand.self, LedgerExportCommand.self,
                      LedgerPostDispatchCommand.self, LedgerRotationCommand.self, LedgerReportCommand.self,
                      LedgerImportSheetCommand.self, LedgerBenchCommand.self]
    )
}
