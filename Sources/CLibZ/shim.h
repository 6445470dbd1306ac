#ifndef EMERGENCYRESERVE_CZLIB_SHIM_H
#define EMERGENCYRESERVE_CZLIB_SHIM_H
// The system zlib (Debian's zlib1g-dev): RoadImport inflates OpenStreetMap PBF blobs
// with it. Only RoadImport's Inflate.swift imports this module.
#include <zlib.h>
#endif
