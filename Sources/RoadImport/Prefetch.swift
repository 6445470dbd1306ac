import CPrefetch

/// Asks for `array[i]`'s cache line ahead of its use (a hint: nothing happens when `i`
/// is out of range). The importer's loops read records picked by node or vertex,
/// scattered over tens of megabytes, and waited on each miss in turn
/// (docs/decisions.md, "OSM import speed, seventh round").
@inline(__always)
func prefetch<Element>(_ array: [Element], _ i: Int) {
    array.withUnsafeBufferPointer { buffer in
        if i >= 0 && i < buffer.count { er_prefetch(buffer.baseAddress! + i) }
    }
}
