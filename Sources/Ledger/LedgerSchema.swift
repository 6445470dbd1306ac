import GRDB

/// The ledger's tables, built by numbered migrations. `PRAGMA user_version` holds the
/// schema version, so that an older program can refuse a newer file before touching it.
///
/// * Version 1: lots (item, lot number, expiry, depot, inbound date), immutable
///   movements, kept balances.
/// * Version 2: the label fields the central rules require on every batch (production
///   date, origin or donor, reserve mode, specification, quality, unit), and an index
///   for `balance --at` and `history`.
package enum LedgerSchema {
    /// The version this program writes and the highest it opens.
    package static let version = 2

    /// The migrations, oldest first; `upTo` stops early (tests build old files this way).
    package static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: version1)
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: version2)
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        return migrator
    }

    /// Migration identifiers in order, so "up to version n" is `identifiers[n - 1]`.
    package static let identifiers = ["v1", "v2"]

    // Movement kinds are checked in SQL too, so that no other writer can add a kind
    // the program does not know. Expiry '' means "does not expire" (NULLs are distinct
    // in a UNIQUE index, which would let the same lot be created twice).
    static let version1 = """
        CREATE TABLE lots (
            id INTEGER PRIMARY KEY,
            item TEXT NOT NULL,
            lot_number TEXT NOT NULL,
            expiry TEXT NOT NULL DEFAULT '',
            depot TEXT NOT NULL,
            inbound_date TEXT NOT NULL DEFAULT '',
            UNIQUE (item, lot_number, expiry)
        );
        CREATE TABLE movements (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('receive', 'issue', 'transferOut', 'transferIn', 'count',
                                                'rotateOut', 'writeOff', 'return', 'reversal')),
            lot_id INTEGER NOT NULL REFERENCES lots(id),
            depot TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            document TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            idempotency_key TEXT NOT NULL,
            leg INTEGER NOT NULL DEFAULT 0,
            approval TEXT,
            reverses INTEGER UNIQUE REFERENCES movements(id),
            negative_reason TEXT,
            recorded_at TEXT NOT NULL,
            UNIQUE (idempotency_key, leg)
        );
        CREATE TABLE balances (
            depot TEXT NOT NULL,
            lot_id INTEGER NOT NULL REFERENCES lots(id),
            quantity INTEGER NOT NULL,
            PRIMARY KEY (depot, lot_id)
        ) WITHOUT ROWID;
        CREATE TRIGGER movements_are_immutable BEFORE UPDATE ON movements
            BEGIN SELECT RAISE(ABORT, 'movements are immutable; post a reversal instead'); END;
        CREATE TRIGGER movements_are_never_deleted BEFORE DELETE ON movements
            BEGIN SELECT RAISE(ABORT, 'movements are immutable; post a reversal instead'); END;
        CREATE TRIGGER write_off_needs_approval BEFORE INSERT ON movements
            WHEN NEW.kind = 'writeOff' AND (NEW.approval IS NULL OR trim(NEW.approval) = '')
            BEGIN SELECT RAISE(ABORT, 'a write-off needs an approval reference'); END;
        """

    static let version2 = """
        ALTER TABLE lots ADD COLUMN production_date TEXT NOT NULL DEFAULT '';
        ALTER TABLE lots ADD COLUMN origin TEXT NOT NULL DEFAULT '';
        ALTER TABLE lots ADD COLUMN reserve_mode TEXT NOT NULL DEFAULT '';
        ALTER TABLE lots ADD COLUMN specification TEXT NOT NULL DEFAULT '';
        ALTER TABLE lots ADD COLUMN quality TEXT NOT NULL DEFAULT '';
        ALTER TABLE lots ADD COLUMN unit TEXT NOT NULL DEFAULT '';
        CREATE INDEX movements_by_lot ON movements (lot_id, depot, at);
        CREATE INDEX movements_by_time ON movements (at);
        """
}
