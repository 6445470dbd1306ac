import ReserveModel

/// Which lot: an item, its lot (batch) number and, when the same number was used twice
/// for one item, its expiry. A lot is item + lot number + expiry, as in OpenLMIS and
/// ERPNext.
public struct LotKey: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The item id (items.csv `id`).
    public var item: String
    /// The lot number (批次号).
    public var lot: String
    /// The expiry; nil matches the lot whatever its expiry if only one has this number.
    public var expiry: CalendarDate?

    /// Names a lot.
    public init(item: String, lot: String, expiry: CalendarDate? = nil) {
        self.item = item
        self.lot = lot
        self.expiry = expiry
    }

    public var description: String { "lot '\(lot)' of '\(item)'" + (expiry.map { " (expiry \($0))" } ?? "") }
}

/// A lot and the label fields the central rules for relief reserves
/// (中央级救灾储备物资管理办法) require on every batch: name (the item), specification,
/// origin, number, quality, production and inbound dates. Quantity lives in movements.
public struct LotLabel: Hashable, Codable, Sendable {
    /// The item id.
    public var item: String
    /// The lot number (批次号).
    public var lot: String
    /// Expiry (有效期至); nil if it does not expire.
    public var expiry: CalendarDate?
    /// Production date (生产日期).
    public var productionDate: CalendarDate?
    /// Supplier, manufacturer or donor (产地/供应商/捐赠方).
    public var origin: String
    /// How it is held (储备方式): a ``ReserveMode`` raw value, or "" if unknown.
    public var reserveMode: String
    /// The depot that first received it.
    public var depot: String
    /// Specification (规格型号).
    public var specification: String
    /// Quality grade or inspection result (质量).
    public var quality: String
    /// The item's unit as written on the label.
    public var unit: String
    /// Day it entered storage (入库日期).
    public var inboundDate: CalendarDate?

    /// Creates a label; only item, lot number and depot are required.
    public init(item: String, lot: String, depot: String, expiry: CalendarDate? = nil,
                productionDate: CalendarDate? = nil, origin: String = "", reserveMode: String = "",
                specification: String = "", quality: String = "", unit: String = "", inboundDate: CalendarDate? = nil) {
        self.item = item
        self.lot = lot
        self.depot = depot
        self.expiry = expiry
        self.productionDate = productionDate
        self.origin = origin
        self.reserveMode = reserveMode
        self.specification = specification
        self.quality = quality
        self.unit = unit
        self.inboundDate = inboundDate
    }

    /// The key that names this lot.
    public var key: LotKey { LotKey(item: item, lot: lot, expiry: expiry) }
}
