/// A reader of the protobuf wire format over a byte range
/// (protobuf.dev/programming-guides/encoding): varints, zigzag, length-delimited
/// fields and packed repeated scalars. The hot part of a PBF file (its
/// `PrimitiveBlock`s) is walked with it instead of being decoded into
/// swift-protobuf messages; docs/decisions.md, "OSM import speed", has the numbers.
struct ProtobufWire {
    enum Failure: Error, Equatable {
        case truncated(at: Int)
        case overlongVarint(at: Int)
        case badWireType(Int, at: Int)
        case lengthBeyondEnd(at: Int)
    }

    /// A field's key and where its value lies.
    struct Field {
        var number: Int
        var wireType: Int
        /// Varint and fixed fields: the value; length-delimited: 0.
        var value: UInt64
        /// Length-delimited: the payload's range in the buffer.
        var range: Range<Int>
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    let end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
    }

    var atEnd: Bool { position >= end }

    @inline(__always) mutating func varint() throws(Failure) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        let start = position
        while true {
            guard position < end else { throw .truncated(at: start) }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
            guard shift < 64 else { throw .overlongVarint(at: start) }
        }
    }

    /// The next field; skips nothing (the caller ignores fields it does not want).
    mutating func field() throws(Failure) -> Field {
        let at = position
        let key = try varint()
        let wireType = Int(key & 7), number = Int(key >> 3)
        switch wireType {
        case 0:
            return Field(number: number, wireType: 0, value: try varint(), range: position..<position)
        case 1, 5:
            let size = wireType == 1 ? 8 : 4
            guard end - position >= size else { throw .truncated(at: position) }
            var value: UInt64 = 0
            for k in 0..<size { value |= UInt64(bytes[position + k]) << (8 * UInt64(k)) }
            position += size
            return Field(number: number, wireType: wireType, value: value, range: position..<position)
        case 2:
            let length = try varint()
            guard length <= UInt64(end - position) else { throw .lengthBeyondEnd(at: at) }
            let range = position..<(position + Int(length))
            position = range.upperBound
            return Field(number: number, wireType: 2, value: 0, range: range)
        default:
            throw .badWireType(wireType, at: at)
        }
    }

    @inline(__always) static func zigzag(_ v: UInt64) -> Int64 {
        Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
    }
}

/// The values of one repeated varint field, packed (length-delimited runs) or not
/// (one varint per occurrence), in the order they occur: parsers must accept both.
struct VarintRuns {
    enum Part { case run(Range<Int>), value(UInt64) }
    // The first part inline, the rest (rare: a repeated field written unpacked, or split)
    // in an array: a packed field is one run, and an array per field was three
    // allocations per way in the first pass (docs/decisions.md, "eighth round").
    private var first: Part?
    private var rest: [Part] = []

    mutating func add(_ field: ProtobufWire.Field) {
        let part: Part = field.wireType == 2 ? .run(field.range) : .value(field.value)
        if first == nil { first = part } else { rest.append(part) }
    }

    func isEmpty() -> Bool {
        guard let first else { return true }
        func empty(_ part: Part) -> Bool { if case .run(let r) = part { r.isEmpty } else { false } }
        return empty(first) && rest.allSatisfy(empty)
    }

    /// Every value, in order.
    func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt64) throws(ProtobufWire.Failure) -> Void) throws(ProtobufWire.Failure) {
        func values(_ part: Part) throws(ProtobufWire.Failure) {
            switch part {
            case .run(let run):
                var wire = ProtobufWire(bytes, range: run)
                while !wire.atEnd { try body(try wire.varint()) }
            case .value(let v):
                try body(v)
            }
        }
        guard let first else { return }
        try values(first)
        for part in rest { try values(part) }
    }

    /// Number of values (a run's values end in bytes below 0x80).
    func count(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        func count(_ part: Part) -> Int {
            guard case .run(let run) = part else { return 1 }
            var n = 0
            for k in run where bytes[k] < 0x80 { n += 1 }
            return n
        }
        guard let first else { return 0 }
        return rest.reduce(count(first)) { $0 + count($1) }
    }
}
