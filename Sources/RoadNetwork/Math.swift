// Trigonometry without Foundation: the algorithm files stay Foundation-free, and
// these call straight into the C library that Swift's runtime already links.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

@inlinable func _sin(_ x: Double) -> Double { sin(x) }
@inlinable func _cos(_ x: Double) -> Double { cos(x) }
@inlinable func _asin(_ x: Double) -> Double { asin(x) }

/// Number of online processors, for sizing parallel work.
func _activeProcessorCount() -> Int {
    #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
    return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    #else
    return 1
    #endif
}
