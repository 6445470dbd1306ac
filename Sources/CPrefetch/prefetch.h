#ifndef EMERGENCYRESERVE_CPREFETCH_H
#define EMERGENCYRESERVE_CPREFETCH_H
// A cache prefetch hint, which Swift has no spelling for. The road importer's loops
// read records picked by node or vertex index, scattered over tens of megabytes, and
// wait on each cache miss in turn; asking for the lines a few rows ahead overlaps
// those misses (docs/decisions.md, "OSM import speed, seventh round"). A hint only:
// it never faults and changes no value.
static inline void er_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }
#endif
