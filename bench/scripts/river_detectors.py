#!/usr/bin/env python3
"""River's side of DetectorsBenchmark: updates per second of River's detectors on the same kind of stream.

Needs River (pip install river==0.26.0); DriftWatch's numbers come from
`dotnet run -c Release --project bench/DriftWatch.Benchmarks -- --filter '*DetectorsBenchmark*' --job short`.
The stream has 1e6 values in four segments (three changes): Bernoulli errors 0.2 / 0.4 for the binary
detectors, {0,1} / {4..7} for the others, as in the C# benchmark (generated here with Python's `random`, so
the values differ but the shape is the same). Prints one line per detector: name, M updates/s, drifts.

Usage: python3 bench/scripts/river_detectors.py [--n 1000000] [detector ...]
"""
import argparse
import random
import sys
import time

try:
    from river import drift
except ImportError:  # pragma: no cover - River is optional
    sys.exit("river is not installed: pip install river==0.26.0")

FACTORIES = {
    "adwin": lambda: drift.ADWIN(),
    "page-hinkley": lambda: drift.PageHinkley(),
    "kswin": lambda: drift.KSWIN(seed=42),
    "ddm": lambda: drift.binary.DDM(),
    "eddm": lambda: drift.binary.EDDM(),
    "hddm-a": lambda: drift.binary.HDDM_A(),
    "hddm-w": lambda: drift.binary.HDDM_W(),
    "fhddm": lambda: drift.binary.FHDDM(),
    "cusum": lambda: drift.CUSUM(),
    "ewma": lambda: drift.EWMA(),
    "shewhart": lambda: drift.Shewhart(),
}
BINARY = {"ddm", "eddm", "hddm-a", "hddm-w", "fhddm"}


def stream(name, n):
    rng = random.Random(20240601)
    quarter = n // 4
    out = []
    for i in range(n):
        second = (i // quarter) % 2 == 1
        if name in BINARY:
            out.append(1 if rng.random() < (0.4 if second else 0.2) else 0)
        else:
            out.append(rng.randrange(4, 8) if second else rng.randrange(0, 2))
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("detectors", nargs="*", default=list(FACTORIES))
    args = parser.parse_args()
    for name in args.detectors:
        values = stream(name, args.n)
        detector = FACTORIES[name]()
        drifts = 0
        start = time.perf_counter()
        for x in values:
            detector.update(x)
            if detector.drift_detected:
                drifts += 1
        seconds = time.perf_counter() - start
        print(f"{name:14s} {args.n / seconds / 1e6:8.3f} M updates/s  drifts={drifts}")


if __name__ == "__main__":
    main()
