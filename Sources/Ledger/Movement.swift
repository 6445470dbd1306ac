import Foundation
import ReserveModel

/// What a movement does. Quantities are signed: in is positive, out negative.
public enum MovementKind: String, Codable, Sendable, CaseIterable {
    /// Goods received into a depot (入库): +.
    case receive
    /// Goods issued (出库), e.g. for a dispatch: −.
    case issue
    /// The leaving half of a transfer: −. Always posted with its `transferIn`.
    case transferOut
    /// The arriving half of a transfer: +.
    case transferIn
    /// A stock-count adjustment (盘点): counted minus book, either sign.
    case count
    /// Rotated out before expiry: sold or used (轮换): −.
    case rotateOut
    /// Scrapped with an approval reference (报废): −.
    case writeOff
    /// Goods coming back from a dispatch (归还/回收): +.
    case `return`
    /// The exact negation of an earlier movement, which stays in the book.
    case reversal
}

/// One row of the book. Movements are never changed or deleted (SQL triggers refuse
/// it); a mistake is corrected by a ``MovementKind/reversal``.
public struct Movement: Hashable, Codable, Sendable {
    /// Row id, increasing in posting order.
    public var id: Int64
    /// What it does.
    public var kind: MovementKind
    /// The depot whose balance it changes.
    public var depot: String
    /// The lot's item id.
    public var item: String
    /// The lot number.
    public var lot: String
    /// The lot's expiry, if it has one.
    public var expiry: CalendarDate?
    /// Signed quantity in the item's unit.
    public var quantity: Double
    /// When it happened (business time; `balance --at` uses it), UTC, `2026-01-02T03:04:05Z`.
    public var at: String
    /// Who posted it.
    public var user: String
    /// The document it was posted from (入库单、出库单、调拨单号…).
    public var document: String
    /// Why (free text).
    public var reason: String
    /// The posting's key; retries with the same key post nothing new.
    public var idempotencyKey: String
    /// 0 for single movements; the position within a multi-movement posting otherwise.
    public var leg: Int
    /// Approval reference (write-offs).
    public var approval: String?
    /// The movement this one reverses.
    public var reverses: Int64?
    /// Why a balance was allowed to go negative, if it was.
    public var negativeReason: String?
    /// When it was written (wall clock), UTC.
    public var recordedAt: String
}

/// One cached balance: a depot × item × lot.
public struct BalanceRow: Hashable, Codable, Sendable {
    /// The depot holding it.
    public var depot: String
    /// The item id.
    public var item: String
    /// The lot number.
    public var lot: String
    /// Units on hand, in the item's unit.
    public var quantity: Double
    /// The lot's expiry, if it has one.
    public var expiry: CalendarDate?
    /// Day it entered storage.
    public var received: CalendarDate?
    /// The unit on the lot's label ("" if none was given).
    public var unit: String
}

/// Who posts, from which document, why, when and under which idempotency key: the
/// part of a posting that every movement kind shares.
public struct PostingContext: Hashable, Sendable {
    /// Who posts (the CLI's `--user`, by default the OS user).
    public var user: String
    /// The source document number.
    public var document: String
    /// Why (free text, kept on every movement of the posting).
    public var reason: String
    /// A retried posting with the same key is posted once; nil makes a fresh key.
    public var idempotencyKey: String?
    /// Business time; nil = now.
    public var at: Date?
    /// Set to allow a balance to go below zero; the reason is recorded on the movement.
    public var allowNegativeReason: String?

    /// Creates a context.
    public init(user: String, document: String, reason: String = "", idempotencyKey: String? = nil,
                at: Date? = nil, allowNegativeReason: String? = nil) {
        self.user = user
        self.document = document
        self.reason = reason
        self.idempotencyKey = idempotencyKey
        self.at = at
        self.allowNegativeReason = allowNegativeReason
    }
}

/// What a posting wrote (or, when `replayed`, had written before under the same key).
public struct PostingResult: Hashable, Codable, Sendable {
    /// The movements of the posting, in leg order.
    public var movements: [Movement]
    /// True when the idempotency key had been posted already and nothing new was written.
    public var replayed: Bool
}
