#!/usr/bin/env python3
"""Qulacs's cost per gate on small states, for the side-by-side with `kernel-benchmark --suite calls`.

The same gates as the Swift suite: dense k-qubit unitaries (a tensor product of U gates), on the
k lowest and the k highest qubits, n = 10 and 16, one thread, complex128. Two ways of calling:
200 gates in one `QuantumCircuit.update_quantum_state` (Qulacs's own loop, no Python per gate),
and 200 `gate.update_quantum_state` calls from Python. Minimum over the repetitions, microseconds
per gate.

    .venv-peers/bin/python Benchmarks/qulacs-per-gate.py [--repeat 15]
"""
import argparse
import os
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")  # before qulacs loads its OpenMP runtime

import numpy as np
import qulacs
from qulacs.gate import DenseMatrix

GATES = 200


def u(theta, phi, lam):
    """OpenQASM's U(θ, φ, λ), as `Gate.u` in Entangle."""
    c, s = np.cos(theta / 2), np.sin(theta / 2)
    return np.array([[c, -np.exp(1j * lam) * s], [np.exp(1j * phi) * s, np.exp(1j * (phi + lam)) * c]])


def dense(k):
    """The benchmark's dense k-qubit unitary: U(0.3 + 0.2 i, 0.1 i, 0.7) for i in 0..<k, tensored."""
    matrix = np.array([[1.0 + 0j]])
    for i in range(k):
        matrix = np.kron(matrix, u(0.3 + 0.2 * i, 0.1 * i, 0.7))
    return matrix


def minimum_seconds(run, repeats):
    run()  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    print(f"# qulacs {qulacs.__version__}, OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']}, "
          f"{GATES} gates per run, minimum of {args.repeat} runs")
    print("| n | targets | µs per gate, one circuit | µs per gate, a Python call each |")
    print("|---|---|---|---|")
    for n in (10, 16):
        for k in range(1, 6):
            for targets in (list(range(k)), list(range(n - k, n))):
                matrix = dense(k)
                state = qulacs.QuantumState(n)
                circuit = qulacs.QuantumCircuit(n)
                for _ in range(GATES):
                    # Qulacs reads the first target as the matrix's lowest index bit, as Entangle does.
                    circuit.add_gate(DenseMatrix(targets, matrix))
                gate = DenseMatrix(targets, matrix)

                def each():
                    for _ in range(GATES):
                        gate.update_quantum_state(state)

                whole = minimum_seconds(lambda: circuit.update_quantum_state(state), args.repeat)
                calls = minimum_seconds(each, args.repeat)
                print(f"| {n} | {targets} | {whole / GATES * 1e6:.2f} | {calls / GATES * 1e6:.2f} |")


if __name__ == "__main__":
    main()
