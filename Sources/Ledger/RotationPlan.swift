import ReserveModel

/// What the rotation plan needs to know of an item (items.csv).
public struct RotationItem: Hashable, Sendable {
    /// Days from production (or, failing that, receipt) to expiry; nil = does not expire.
    public var shelfLifeDays: Double?
    /// m³ per unit, for the depots' monthly rotation volume.
    public var unitVolumeM3: Double
    /// Days before expiry by which a lot must be out of the depot (sold, used or
    /// donated takes time); nil = the plan's default lead.
    public var leadDays: Int?

    /// Creates an item's rotation facts.
    public init(shelfLifeDays: Double?, unitVolumeM3: Double, leadDays: Int? = nil) {
        self.shelfLifeDays = shelfLifeDays
        self.unitVolumeM3 = unitVolumeM3
        self.leadDays = leadDays
    }
}

/// Settings of a rotation plan.
public struct RotationOptions: Hashable, Sendable {
    /// The plan starts in this day's month.
    public var asOf: CalendarDate
    /// Lots whose rotate-by day falls within this many days are planned.
    public var horizonDays: Int
    /// Days before expiry a lot must be rotated out, for items without their own lead.
    public var leadDays: Int
    /// m³ each depot can rotate out per month; a depot not listed uses `defaultMonthlyVolumeM3`.
    public var monthlyVolumeM3: [String: Double]
    /// nil = no limit.
    public var defaultMonthlyVolumeM3: Double?

    /// Creates plan settings.
    public init(asOf: CalendarDate, horizonDays: Int = 365, leadDays: Int = 30,
                monthlyVolumeM3: [String: Double] = [:], defaultMonthlyVolumeM3: Double? = nil) {
        self.asOf = asOf
        self.horizonDays = horizonDays
        self.leadDays = leadDays
        self.monthlyVolumeM3 = monthlyVolumeM3
        self.defaultMonthlyVolumeM3 = defaultMonthlyVolumeM3
    }
}

/// A FEFO rotation plan: which lots leave which depot in which month so that nothing
/// expires on the shelf, within each depot's monthly rotation volume.
public struct RotationPlan: Hashable, Codable, Sendable {
    /// One lot (or part of one) to rotate out in one month.
    public struct Entry: Hashable, Codable, Sendable {
        /// The month to rotate in, `YYYY-MM`.
        public var month: String
        /// The depot it leaves.
        public var depot: String
        /// The item id.
        public var item: String
        /// The lot number.
        public var lot: String
        /// Units to rotate out this month.
        public var quantity: Double
        /// Their volume, m³.
        public var volumeM3: Double
        /// The lot's (label or derived) expiry.
        public var expiry: CalendarDate
        /// "label" when the lot carries its expiry, "shelfLife" when derived from production or receipt + shelf life.
        public var expirySource: String
        /// Expiry minus the lead time.
        public var rotateBy: CalendarDate
        /// The rotate-by day is already past.
        public var overdue: Bool
    }

    /// Units that no month before their rotate-by day has room for: they will expire on the shelf.
    public struct Risk: Hashable, Codable, Sendable {
        /// The depot.
        public var depot: String
        /// The item id.
        public var item: String
        /// The lot number.
        public var lot: String
        /// Units that no month has room for.
        public var quantity: Double
        /// The lot's expiry.
        public var expiry: CalendarDate
        /// Its rotate-by day.
        public var rotateBy: CalendarDate
    }

    /// The plan, by month, depot and rotate-by day.
    public var entries: [Entry]
    /// What will expire on the shelf under the volume limits.
    public var atRisk: [Risk]
}

extension StockLedger {
    /// Plans rotation over the horizon.
    ///
    /// Each lot's expiry is its label's, or production date (else receipt day) plus the
    /// item's shelf life; its rotate-by day is expiry minus the lead. Per depot, lots
    /// are placed latest rotate-by first into the latest month on or before their
    /// rotate-by month that still has volume, spilling to earlier months (never before
    /// the current one). Filling backwards from the deadlines keeps stock on the shelf
    /// as long as possible, and it is exact for feasibility: with every lot available
    /// now and divisible volumes, if any schedule rotates everything in time, this one
    /// does (the mirror of earliest-deadline-first). What does not fit is `atRisk`.
    public func rotationPlan(items: [String: RotationItem], options: RotationOptions) throws(LedgerError) -> RotationPlan {
        let rows = try read { db in
            try db.fetchAll("""
                SELECT b.depot, l.item, l.lot_number, b.quantity, l.expiry, l.production_date, l.inbound_date
                FROM balances b JOIN lots l ON l.id = b.lot_id WHERE b.quantity > 0
                ORDER BY b.depot, l.item, l.lot_number, l.id
                """, []).map { row -> [String] in
                    [try row[0], try row[1], try row[2], String(try row[3] as Int64), try row[4], try row[5], try row[6]]
                }
        }
        struct Candidate { var depot, item, lot: String; var units: Double; var expiry, rotateBy: CalendarDate; var source: String }
        let base = options.asOf.year * 12 + options.asOf.month - 1
        let lastMonth = CalendarDate(dayNumber: options.asOf.dayNumber + options.horizonDays).monthIndex - base
        var byDepot: [String: [Candidate]] = [:]
        for row in rows {
            let item = row[1]
            let info = items[item]
            var expiry = CalendarDate(row[4])
            var source = "label"
            if expiry == nil, let life = info?.shelfLifeDays,
               let start = CalendarDate(row[5]) ?? CalendarDate(row[6]) {
                expiry = CalendarDate(dayNumber: start.dayNumber + Int(life.rounded(.down)))
                source = "shelfLife"
            }
            guard let expiry else { continue }
            let rotateBy = CalendarDate(dayNumber: expiry.dayNumber - (info?.leadDays ?? options.leadDays))
            guard rotateBy.dayNumber <= options.asOf.dayNumber + options.horizonDays else { continue }
            byDepot[row[0], default: []].append(Candidate(depot: row[0], item: item, lot: row[2],
                                                          units: LedgerQuantity.units(Int64(row[3])!), expiry: expiry,
                                                          rotateBy: rotateBy, source: source))
        }
        var entries: [RotationPlan.Entry] = [], risks: [RotationPlan.Risk] = []
        for depot in byDepot.keys.sorted() {
            let limit = options.monthlyVolumeM3[depot] ?? options.defaultMonthlyVolumeM3
            var room = [Double](repeating: limit ?? .infinity, count: max(lastMonth, 0) + 1)
            let lots = byDepot[depot]!.sorted { ($0.rotateBy, $0.expiry, $0.item, $0.lot) > ($1.rotateBy, $1.expiry, $1.item, $1.lot) }
            for lot in lots {
                let perUnit = items[lot.item]?.unitVolumeM3 ?? 0
                var left = lot.units
                var month = max(0, min(lot.rotateBy.monthIndex - base, room.count - 1))
                while left > 1e-9, month >= 0 {
                    // Whole units per month (a lot is not split into fractions of a tent).
                    let fits = perUnit > 0 ? min(left, (room[month] / perUnit + 1e-9).rounded(.down)) : left
                    if fits > 1e-9 {
                        room[month] = max(0, room[month] - fits * perUnit)
                        left -= fits
                        entries.append(.init(month: Self.monthText(base + month), depot: depot, item: lot.item, lot: lot.lot,
                                             quantity: fits, volumeM3: fits * perUnit, expiry: lot.expiry,
                                             expirySource: lot.source, rotateBy: lot.rotateBy,
                                             overdue: lot.rotateBy < options.asOf))
                    }
                    month -= 1
                }
                if left > 1e-9 {
                    risks.append(.init(depot: depot, item: lot.item, lot: lot.lot, quantity: left, expiry: lot.expiry,
                                       rotateBy: lot.rotateBy))
                }
            }
        }
        entries.sort { ($0.month, $0.depot, $0.rotateBy, $0.item, $0.lot) < ($1.month, $1.depot, $1.rotateBy, $1.item, $1.lot) }
        risks.sort { ($0.depot, $0.rotateBy, $0.item, $0.lot) < ($1.depot, $1.rotateBy, $1.item, $1.lot) }
        return RotationPlan(entries: entries, atRisk: risks)
    }

    static func monthText(_ index: Int) -> String {
        let year = index / 12, month = index % 12 + 1
        return "\(year)-\(month < 10 ? "0" : "")\(month)"
    }
}

extension CalendarDate {
    /// Months since year 0 (year × 12 + month − 1).
    var monthIndex: Int { year * 12 + month - 1 }
}
