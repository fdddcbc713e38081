/// The in-place passes over a state vector that every gate is lowered to.
///
/// A state of n qubits is `2^n` amplitudes stored interleaved (re, im, …) at a 64-byte
/// aligned pointer; qubit k is bit k of an amplitude's index (little-endian, as Qiskit).
/// A gate matrix of dimension `2^k` is row-major and its index has bit i for `targets[i]`
/// (Qiskit's convention). `controlMask` has bit c set for each control qubit c; a kernel
/// changes only amplitudes whose index has all those bits set, and never loads a vector
/// in which none has. A control below the vector width (qubits 0-1 for `Double`, 0-2 for
/// `Float`) shares a vector with uncontrolled amplitudes: those lanes get the identity
/// coefficient or keep their value in a blend, so they are rewritten unchanged.
///
/// One-qubit, diagonal and permutation passes are bound by memory bandwidth, so they stream
/// 64-byte vectors (`SIMD8<Double>`, `SIMD16<Float>`: one cache line), pair whole vectors
/// for high targets, shuffle inside a vector for low ones, keep at least two streams going
/// through memory (`VectorLayout.forEachRunPair`), and split the state into one
/// contiguous chunk per thread above about 2^18 amplitudes. Every entry point first picks
/// the concrete scalar type, so the SIMD code is specialised even when the caller is
/// generic over `AmplitudeScalar`. The caller guarantees valid input (distinct targets in
/// range, disjoint from the controls, matrices of the right size).
enum StateKernels {}
