#ifndef EMERGENCYRESERVE_CGLPK_SHIM_H
#define EMERGENCYRESERVE_CGLPK_SHIM_H
// GLPK 5.0 from Debian's libglpk-dev; it ships no pkg-config file, so the
// module map links "glpk" by name.
#include <glpk.h>
#endif
