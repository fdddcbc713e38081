#ifndef ENTANGLE_CKERNELSUPPORT_SHIM_H
#define ENTANGLE_CKERNELSUPPORT_SHIM_H

#include <stdint.h>

// Two instructions Swift cannot express, as inline functions that compile into their caller
// with no call and no build flags.

// `prefetcht0`: a hint that never faults, so the address may lie past the end of the state.
static inline void entangle_prefetch(uintptr_t address) {
  __builtin_prefetch((const void *)address, 0, 3);
}

typedef double entangle_double8 __attribute__((ext_vector_type(8)));

// The vector unchanged, but opaque to the optimiser: an empty assembly statement that takes
// and returns it in a vector register. LLVM otherwise merges consecutive lane exchanges into
// one permutation of four or eight sources, which costs three two-source shuffles per vector
// where the exchanges cost one each. Without AVX-512 (no 64-byte registers) it does nothing.
static inline entangle_double8 entangle_opaque_double8(entangle_double8 vector) {
#if defined(__x86_64__) && defined(__AVX512F__)
  __asm__("" : "+v"(vector));
#endif
  return vector;
}

// The 128 bytes at `address`, as far as the optimiser knows, read and rewritten here: stores
// to them are made, and later loads read memory rather than the registers that were stored.
static inline void entangle_opaque_bytes128(void *address) {
  __asm__ volatile("" : "+m"(*(struct { char bytes[128]; } *)address));
}

#endif
