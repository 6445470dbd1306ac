/// A quantity of one item held at one depot, received as one batch.
public struct StockLot: Hashable, Codable, Sendable {
    /// Where it is held.
    public var depot: DepotID
    /// What it is.
    public var item: ItemID
    /// How many units (in the item's unit).
    public var quantity: Double
    /// Optional unit as written in the ledger; must equal the item's unit if given.
    public var unit: String?
    /// Batch number (批次), free-form.
    public var batch: String
    /// Day received into storage.
    public var received: CalendarDate?
    /// Day it expires; nil if it does not.
    public var expiry: CalendarDate?

    /// Creates a stock lot.
    public init(depot: DepotID, item: ItemID, quantity: Double, unit: String? = nil, batch: String = "",
                received: CalendarDate? = nil, expiry: CalendarDate? = nil) {
        self.depot = depot
        self.item = item
        self.quantity = quantity
        self.unit = unit
        self.batch = batch
        self.received = received
        self.expiry = expiry
    }
}
