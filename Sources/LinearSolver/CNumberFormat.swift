#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// C's `printf` conversions of one number, for files that must match other tools'
/// output byte for byte (Swift's own `description` prints shortest round-trip digits,
/// `printf("%.15g")` does not).
enum CNumberFormat {
    /// `printf(format, value)`; `format` holds one floating-point conversion.
    static func format(_ format: String, _ value: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            let written = withVaList([value]) { vsnprintf(buffer.baseAddress, 64, format, $0) }
            precondition(written >= 0 && written < 64, "a number does not fit 64 bytes")
            return String(cString: buffer.baseAddress!)
        }
    }

    /// `%.15g` (`DBL_DIG` significant digits), as GLPK's CPLEX LP writer prints.
    static func g15(_ value: Double) -> String {
        // Integers of up to 15 digits print as themselves: the common case, without
        // the C call.
        if value != 0, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return format("%.15g", value)
    }
}
