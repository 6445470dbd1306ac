import Foundation

extension StockLedger {
    /// Posts `count` synthetic movements through the ordinary posting path, `batch` per
    /// transaction, for the benchmarks: first one receive of 1,000,000 units into each of
    /// `lots` lots of `item-k` at `depot-(k mod depots)`, then alternating issues and
    /// receives of 1 unit round the lots (so no balance goes negative). Each batch is one
    /// posting keyed `synthetic:<seed>:<n>`, its movements legs 0…batch−1.
    ///
    /// - Returns: the movements written.
    package func postSynthetic(count: Int, batch: Int = 10_000, lots: Int = 10_000, depots: Int = 100,
                               seed: String = "1") throws(LedgerError) -> Int {
        precondition(count >= 0 && batch > 0 && lots > 0 && depots > 0)
        let context = PostingContext(user: "bench", document: "synthetic", at: Date(timeIntervalSince1970: 1_735_689_600))
        var stored: [StoredLot] = []
        stored.reserveCapacity(lots)
        var written = 0
        var n = 0
        while written < count {
            let size = min(batch, count - written)
            let first = written
            var posting = context
            posting.idempotencyKey = "synthetic:\(seed):\(n)"
            let known = stored
            let (newLots, _) = try write { db -> ([StoredLot], PostingResult?) in
                var lotsNow = known
                let wanted = min(lots, first + size)
                if lotsNow.count < wanted {
                    lotsNow += try Self.findOrCreateLots((lotsNow.count..<wanted).map { k in
                        LotLabel(item: "item-\(k % 500)", lot: "S\(seed)-\(k)", depot: "depot-\(k % depots)")
                    }, in: db)
                }
                var legs: [PendingLeg] = []
                legs.reserveCapacity(size)
                for i in first..<(first + size) {
                    let k = i % lots
                    let micros: Int64 = i < lots ? 1_000_000 * 1_000_000 : ((i / lots) % 2 == 1 ? -1_000_000 : 1_000_000)
                    legs.append(PendingLeg(kind: micros < 0 ? .issue : .receive, lot: lotsNow[k], depot: "depot-\(k % depots)",
                                           micros: micros))
                }
                _ = try Self.post(legs, context: posting, in: db, fetchResult: false) { _ in "synthetic" }
                return (lotsNow, nil)
            }
            stored = newLots
            written += size
            n += 1
        }
        return written
    }
}
