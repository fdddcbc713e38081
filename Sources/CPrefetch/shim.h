#ifndef ENTANGLE_CPREFETCH_SHIM_H
#define ENTANGLE_CPREFETCH_SHIM_H

#include <stdint.h>

// Swift has no prefetch instruction. This inline function compiles into its caller as one
// `prefetcht0`, a hint that never faults: the address may lie past the end of the state.
static inline void entangle_prefetch(uintptr_t address) {
  __builtin_prefetch((const void *)address, 0, 3);
}

#endif
