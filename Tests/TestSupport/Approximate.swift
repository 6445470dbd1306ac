/// Whether `a` and `b` agree within an absolute or a relative tolerance.
public func isApproximatelyEqual(_ a: Double, _ b: Double, absolute: Double = 1e-7, relative: Double = 1e-9) -> Bool {
    if a == b { return true }
    let difference = abs(a - b)
    return difference <= absolute || difference <= relative * max(abs(a), abs(b))
}
