#!/usr/bin/env python3
"""Converts QASMBench reference probabilities from numpy .npz to raw little-endian float64.

Each ref/<name>.npz (key "probs", float64, length 2**qubits) becomes ref/<name>.f64: the same
numbers as 8-byte little-endian IEEE doubles, index i = basis state i (qubit k is bit k), so the
Swift tests read them without numpy. Needs numpy.

Usage: Scripts/convert-qasmbench-references.py SOURCE_REF_DIR DESTINATION_REF_DIR
e.g.   Scripts/convert-qasmbench-references.py ../shared/qasmbench/ref Tests/EntangleOpenQASMTests/Fixtures/QASMBench/ref
"""
import pathlib
import sys

import numpy


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    source, destination = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    destination.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted(source.glob("*.npz")):
        with numpy.load(path) as archive:
            probabilities = numpy.asarray(archive["probs"], dtype="<f8")
        size = probabilities.shape[0]
        if probabilities.ndim != 1 or size & (size - 1) != 0:
            print(f"{path}: probs is not a vector of 2**n entries", file=sys.stderr)
            return 1
        (destination / (path.stem + ".f64")).write_bytes(probabilities.tobytes())
        count += 1
    print(f"wrote {count} files to {destination}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
