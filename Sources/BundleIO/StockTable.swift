import ReserveModel

/// `stock.csv` ↔ ``StockLot``.
enum StockTable: TableCodec {
    static let table = BundleTable.stock
    static let columns = ["depot", "item", "quantity", "unit", "batch", "received", "expiry"]
    static let requiredColumns = ["depot", "item", "quantity"]

    static func decode(_ r: inout RowReader) -> StockLot {
        StockLot(depot: DepotID(r.requiredString("depot")), item: ItemID(r.requiredString("item")),
                 quantity: r.requiredDouble("quantity"), unit: r.optionalString("unit"), batch: r.string("batch"),
                 received: r.date("received"), expiry: r.date("expiry"))
    }

    static func encode(_ s: StockLot) -> [String] {
        [s.depot.rawValue, s.item.rawValue, NumberText.format(s.quantity), s.unit ?? "", s.batch,
         s.received?.description ?? "", s.expiry?.description ?? ""]
    }
}
