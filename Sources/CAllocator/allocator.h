#ifndef EMERGENCYRESERVE_CALLOCATOR_H
#define EMERGENCYRESERVE_CALLOCATOR_H
// glibc's mallopt, which Swift's Glibc module does not export (malloc.h is not in it).
//
// A large road import frees hundreds of MB in its middle (pass 2's look-ahead, the node
// index) and then allocates as much again (the cut pieces, the position text). glibc
// serves every allocation above 32 MB by mmap and gives it back by munmap on free, so
// the later arrays land on fresh pages: each page is faulted in and zeroed again, and
// on the VMs this project measures on a fresh page costs several times a reused one.
// Serving every allocation from the heap and never trimming it lets the import reuse
// what it freed: on the 1300² grid of scripts/bench_import.py minor faults fell
// 182 k → 149 k, system time 0.42 → 0.33 s and the median wall time 1.09 → 1.00 s
// (docs/decisions.md, "OSM import speed, eighth round"). A process-wide choice, so
// the CLI makes it for its import commands, which exit soon after; the library never
// does. Returns whether both settings took (always false off glibc).
#include <limits.h> // defines __GLIBC__ on glibc, which the test below needs first
#if defined(__GLIBC__)
#include <malloc.h>
static inline int er_keep_freed_memory(void) {
    return mallopt(M_MMAP_MAX, 0) == 1 && mallopt(M_TRIM_THRESHOLD, INT_MAX) == 1;
}
#else
static inline int er_keep_freed_memory(void) { return 0; }
#endif
#endif
