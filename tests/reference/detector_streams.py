#!/usr/bin/python3
"""Writes the input streams behind River's published drift-detector results.

Each stream is built exactly as River 0.26 builds it: the docstring examples with Python's
standard `random` module, the test-suite streams (river/drift/test_drift_detectors.py) with
numpy's legacy global RandomState, as that file does. One CSV per stream, header `x`, written
to tests/DriftWatch.Tests/TestData/detectors/. Floats are written with repr(), which
round-trips exactly.

Run from the repository root:  /usr/bin/python3 tests/reference/detector_streams.py
"""
import json
import os
import random

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "DriftWatch.Tests", "TestData", "detectors")


def write(name, values):
    path = os.path.join(OUT, name + ".csv")
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write("x\n")
        for v in values:
            f.write(repr(v) if isinstance(v, float) else str(int(v)))
            f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)

    # ADWIN, PageHinkley, KSWIN docstrings: {0,1} then {4..7}.
    rng = random.Random(12345)
    write("docstring_12345", rng.choices([0, 1], k=1000) + rng.choices(range(4, 8), k=1000))

    # DDM, EDDM, HDDM_A, HDDM_W docstrings: P(1) = 0.5 then 0.7.
    rng = random.Random(42)
    stream = rng.choices([0, 1], k=1000)
    stream = stream + rng.choices([0, 1], k=1000, weights=[0.3, 0.7])
    write("binary_42", stream)

    # FHDDM docstring: P(1) = 0.5 then 0.1.
    rng = random.Random(42)
    stream = rng.choices([0, 1], k=250)
    stream = stream + rng.choices([0, 1], k=250, weights=[0.9, 0.1])
    write("fhddm_42", stream)

    # CUSUM docstring: N(0, 1) then N(3, 1).
    rng = random.Random(12345)
    stable = [rng.gauss(0, 1) for _ in range(200)]
    shifted = [rng.gauss(3, 1) for _ in range(200)]
    write("cusum_12345", stable + shifted)

    # EWMA docstring: N(0, 1) then N(3, 1), drawn in one loop.
    rng = random.Random(12345)
    write("ewma_12345", [rng.gauss(0, 1) if i < 1000 else rng.gauss(3, 1) for i in range(2000)])

    # Shewhart docstring: N(0, 1) then N(5, 1).
    rng = random.Random(12345)
    stable = [rng.gauss(0, 1) for _ in range(300)]
    shifted = [rng.gauss(5, 1) for _ in range(200)]
    write("shewhart_12345", stable + shifted)

    # ADWIN regression test (river/drift/test_adwin_regression.py): four segments.
    rng = random.Random(42)
    write(
        "adwin_regression_42",
        rng.choices([0, 1], k=1000)
        + rng.choices(range(4, 8), k=1000)
        + rng.choices([0, 1], k=1000)
        + rng.choices(range(4, 8), k=1000),
    )

    # River's test-suite streams (numpy legacy RandomState, as the test file builds them).
    np.random.seed(12345)
    write("ds1", np.concatenate((np.random.randint(2, size=1000), np.random.randint(8, size=1000))))

    np.random.seed(12345)
    write(
        "ds2",
        np.concatenate(
            [
                [np.random.binomial(1, 0.2) for _ in range(1000)],
                [np.random.binomial(1, 0.8) for _ in range(1000)],
            ]
        ).astype(int),
    )

    np.random.seed(12345)
    write(
        "ds3",
        np.concatenate(
            (
                np.random.normal(0.0, 0.1, 500) > 0,
                np.random.normal(0.25, 0.1, 500) > 0,
                np.random.normal(0.0, 0.1, 500) > 0,
                np.random.normal(0.25, 0.1, 500) > 0,
            )
        ).astype(int),
    )


    # CPython's random.Random itself: raw 32-bit draws and sample(range(n), k), for KSWIN's sampler.
    cases = []
    for seed in [0, 1, 42, 12345, -7, 2**40 + 3]:
        rng = random.Random(seed)
        draws = [rng.getrandbits(32) for _ in range(5)]
        samples = [(n, k, rng.sample(range(n), k)) for n, k in [(70, 30), (100, 100), (1000, 30), (5, 1), (9000, 3)]]
        cases.append({"seed": seed, "draws": draws, "samples": [{"n": n, "k": k, "indices": s} for n, k, s in samples]})
    with open(os.path.join(OUT, "python_random.json"), "w", encoding="ascii", newline="\n") as f:
        json.dump(cases, f, indent=1)
        f.write("\n")

if __name__ == "__main__":
    main()
