#!/usr/bin/env python3
"""The adjoint gradient of PennyLane's lightning.qubit on the circuits of variational-benchmark.

    .venv-peers/bin/python Benchmarks/lightning-gradient.py [--qubits 16 20] [--threads 1] [--repeat 5]

Same ansatz (RY and RZ on every qubit, then a CX ladder, per layer), same observable
(Σ Z_q Z_{q+1} + 0.5 Σ X_q) and same parameter values as Benchmarks/VariationalBenchmark.
Prints one markdown row per size: forward ⟨H⟩, adjoint gradient, and their ratio (medians).
OMP_NUM_THREADS is set from --threads before PennyLane loads.
"""
import argparse
import os
import statistics
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--qubits", type=int, nargs="+", default=[16, 20])
parser.add_argument("--threads", type=int, default=1)
parser.add_argument("--repeat", type=int, default=5)
args = parser.parse_args()
os.environ["OMP_NUM_THREADS"] = str(args.threads)

import pennylane as qml  # noqa: E402
from pennylane import numpy as pnp  # noqa: E402

LAYERS = {4: 2, 16: 4, 20: 3}


def values(names, seed):
    # Benchmarks/VariationalBenchmark: 0.1 * ((index * 7 + seed * 13) % 31) - 1.5, names sorted.
    return [0.1 * ((i * 7 + seed * 13) % 31) - 1.5 for i in range(len(names))]


def median_time(function, repeat):
    function()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


print(f"| n | layers | parameters | lightning.qubit {qml.devices.__name__ and qml.__version__} threads | forward ⟨H⟩ s | adjoint gradient s | gradient ÷ forward |")
print("|---|---|---|---|---|---|---|")
for n in args.qubits:
    layers = LAYERS.get(n, 3)
    names = sorted([f"y{l}_{q}" for l in range(layers) for q in range(n)] + [f"z{l}_{q}" for l in range(layers) for q in range(n)])
    value_of = dict(zip(names, values(names, 1)))
    theta = pnp.array([[[value_of[f"y{l}_{q}"], value_of[f"z{l}_{q}"]] for q in range(n)] for l in range(layers)], requires_grad=True)
    hamiltonian = qml.Hamiltonian(
        [1.0] * (n - 1) + [0.5] * n,
        [qml.PauliZ(q) @ qml.PauliZ(q + 1) for q in range(n - 1)] + [qml.PauliX(q) for q in range(n)],
    )
    device = qml.device("lightning.qubit", wires=n)

    def ansatz(theta):
        for l in range(layers):
            for q in range(n):
                qml.RY(theta[l, q, 0], wires=q)
                qml.RZ(theta[l, q, 1], wires=q)
            for q in range(n - 1):
                qml.CNOT(wires=[q, q + 1])
        return qml.expval(hamiltonian)

    forward = qml.QNode(ansatz, device, diff_method=None)
    adjoint = qml.QNode(ansatz, device, diff_method="adjoint")
    gradient = qml.grad(adjoint)
    forward_time = median_time(lambda: forward(theta), args.repeat)
    gradient_time = median_time(lambda: gradient(theta), args.repeat)
    print(f"| {n} | {layers} | {2 * n * layers} | {args.threads} | {forward_time:.4f} | {gradient_time:.4f} | {gradient_time / forward_time:.2f} |")
    sys.stdout.flush()
