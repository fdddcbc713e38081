#!/usr/bin/env python3
"""Entangle's density matrix against Qiskit Aer's density-matrix method on the same noisy circuits.

    .venv-peers/bin/python Benchmarks/compare-noise-with-aer.py [--qubits 10 12] [--repeat 3] [--entangle PATH]

For each size it writes a seeded random circuit (h, x, rz, cx layers) as OpenQASM 2.0 and one noise
model twice: as Entangle's JSON (Docs/Noise.md) and as Aer's NoiseModel. The model has depolarizing
errors after h and cx, amplitude damping after x on qubit 0, and phase damping after rz, with no
readout error (Aer's saved probabilities do not include readout). It prints the largest difference
between the two probability vectors and the median wall time of each. Entangle's time is the whole
`entangle run` process (parse, simulate, print); Aer's is `AerSimulator.run(...).result()`.
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import tempfile
import time

from qiskit import QuantumCircuit, qasm2
from qiskit_aer import AerSimulator
from qiskit_aer.noise import NoiseModel, amplitude_damping_error, depolarizing_error, phase_damping_error

parser = argparse.ArgumentParser()
parser.add_argument("--qubits", type=int, nargs="+", default=[10, 12])
parser.add_argument("--repeat", type=int, default=3)
parser.add_argument("--layers", type=int, default=4)
parser.add_argument("--entangle", default=None, help="the entangle binary (default: the release build)")
args = parser.parse_args()

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
entangle = args.entangle or subprocess.run(
    ["swift", "build", "-c", "release", "--toolset", "Toolsets/native.json", "--show-bin-path"],
    cwd=root, capture_output=True, text=True, check=True).stdout.strip() + "/entangle"

LAMBDA_1Q, LAMBDA_2Q, GAMMA, PHASE = 0.01, 0.02, 0.05, 0.02
entangle_model = {"errors": [
    {"gates": ["h"], "channel": "depolarizing", "probability": LAMBDA_1Q},
    {"gates": ["cx"], "channel": "depolarizing", "probability": LAMBDA_2Q},
    {"gates": ["x"], "qubits": [0], "channel": "amplitude_damping", "gamma": GAMMA},
    {"gates": ["rz"], "channel": "phase_damping", "lambda": PHASE},
]}
aer_model = NoiseModel()
aer_model.add_all_qubit_quantum_error(depolarizing_error(LAMBDA_1Q, 1), ["h"])
aer_model.add_all_qubit_quantum_error(depolarizing_error(LAMBDA_2Q, 2), ["cx"])
aer_model.add_quantum_error(amplitude_damping_error(GAMMA), ["x"], [0])
aer_model.add_all_qubit_quantum_error(phase_damping_error(PHASE), ["rz"])


def circuit(n, seed):
    rng = random.Random(seed)
    qc = QuantumCircuit(n)
    for _ in range(args.layers):
        for q in range(n):
            choice = rng.randrange(3)
            if choice == 0:
                qc.h(q)
            elif choice == 1:
                qc.x(q)
            else:
                qc.rz(rng.uniform(-3.1, 3.1), q)
        for q in range(rng.randrange(2), n - 1, 2):
            qc.cx(q, q + 1)
    return qc


def median_time(function):
    function()
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


print("| n | gates | largest |Δp| | Entangle s (whole process) | Aer s | Entangle ÷ Aer |")
print("|---|---|---|---|---|---|")
with tempfile.TemporaryDirectory() as folder:
    model_path = os.path.join(folder, "noise.json")
    with open(model_path, "w") as handle:
        json.dump(entangle_model, handle)
    for n in args.qubits:
        qc = circuit(n, seed=n)
        qasm_path = os.path.join(folder, f"noisy{n}.qasm")
        with open(qasm_path, "w") as handle:
            handle.write(qasm2.dumps(qc))
        command = [entangle, "run", qasm_path, "--noise", model_path, "--method", "density-matrix",
                   "--output", "probabilities", "--format", "json", "--threads", "1"]
        ours = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)["probabilities"]
        simulator = AerSimulator(method="density_matrix", noise_model=aer_model, max_parallel_threads=1)
        saved = qc.copy()
        saved.save_probabilities()

        def run_aer():
            return simulator.run(saved, optimization_level=0).result()

        theirs = run_aer().data()["probabilities"]
        difference = max(abs(a - b) for a, b in zip(ours, theirs))
        entangle_time = median_time(lambda: subprocess.run(command, capture_output=True, check=True))
        aer_time = median_time(run_aer)
        print(f"| {n} | {qc.size()} | {difference:.2e} | {entangle_time:.4f} | {aer_time:.4f} | {entangle_time / aer_time:.2f} |", flush=True)
