#!/usr/bin/python3
"""Side by side: DriftWatch's binned methods and a 20-column report against numpy/scipy on identical data.

Run from the repository root:
    dotnet build bench/DriftWatch.Benchmarks -c Release
    /usr/bin/python3 bench/scripts/binned_vs_scipy.py

The script writes the samples as raw float64 files, times the numpy/scipy versions (best of 5), runs the C# timing
harness on the same files (`DriftWatch.Benchmarks binned-side-by-side DIR`, best of 5 after a warm-up), checks that both
sides computed the same numbers, and prints speed ratios (scipy time / C# time; higher is better for C#).

The numpy/scipy peers are the fastest straightforward renditions of each workload, not Evidently's own code (which
adds pandas and Python-set overhead): psi/jensenshannon with Evidently's Sturges bins, the native decile bins, Evidently's
Hellinger, and a per-column loop of ks_2samp or wasserstein_distance / std (what Evidently runs for each column).
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
from scipy import stats
from scipy.spatial import distance

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HARNESS = os.path.join(ROOT, "artifacts", "bin", "DriftWatch.Benchmarks", "release", "DriftWatch.Benchmarks.dll")
RUNS = 5
N = 1_000_000
COLUMNS, ROWS = 20, 100_000


def best_of(fn):
    value = fn()
    best, best_cpu = float("inf"), float("inf")
    for _ in range(RUNS):
        c = time.process_time()
        t = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - t)
        best_cpu = min(best_cpu, time.process_time() - c)
    return best, best_cpu, value


def fill(p):
    p = p.copy()
    m = p[p != 0].min()
    p[p == 0] = m / 1e6 if m <= 1e-4 else 1e-4
    return p


def evidently_bins(ref, cur):
    # Evidently also counts the reference's distinct values first (pandas nunique); left out here, in scipy's favour.
    bins = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
    return np.histogram(ref, bins)[0] / len(ref), np.histogram(cur, bins)[0] / len(cur)


def native_bins(ref, cur):
    edges = np.unique(np.quantile(ref, np.arange(1, 10) / 10))
    out = []
    for x in (ref, cur):
        p = np.bincount(np.searchsorted(edges, x, side="left"), minlength=len(edges) + 1) / len(x)
        p[p == 0] = 1e-4
        out.append(p / p.sum())
    return out


def psi(r, c):
    return float(np.sum((r - c) * np.log(r / c)))


def hellinger(ref, cur):
    keys = np.unique(np.concatenate([ref, cur]))
    bins = np.histogram_bin_edges(keys, bins="sturges")
    h1 = np.histogram(ref, bins=bins, density=True)[0]
    h2 = np.histogram(cur, bins=bins, density=True)[0]
    width = (bins[-1] - bins[0]) / (len(bins) - 1)
    return float(np.sqrt(1 - np.clip(np.sum(np.sqrt(h1 * h2)) * width, 0, 1)))


def main():
    rng = np.random.default_rng(2026)
    ref = rng.normal(0.0, 1.0, N)
    cur = rng.normal(0.05, 1.1, N)
    report_ref = np.stack([rng.normal(j * 0.1, 1.0, ROWS) for j in range(COLUMNS)])
    report_cur = np.stack([rng.normal(j * 0.1 + (0.1 if j % 4 == 0 else 0.0), 1.0, ROWS) for j in range(COLUMNS)])

    with tempfile.TemporaryDirectory() as tmp:
        ref.astype("<f8").tofile(os.path.join(tmp, "ref_1m.f64"))
        cur.astype("<f8").tofile(os.path.join(tmp, "cur_1m.f64"))
        report_ref.astype("<f8").tofile(os.path.join(tmp, "report_ref.f64"))
        report_cur.astype("<f8").tofile(os.path.join(tmp, "report_cur.f64"))
        with open(os.path.join(tmp, "report_columns.txt"), "w") as f:
            f.write(str(COLUMNS))
        out = subprocess.run(["dotnet", HARNESS, "binned-side-by-side", tmp], check=True, capture_output=True, text=True).stdout
    cs = json.loads(out.strip().splitlines()[-1])

    py = {
        "psi_evidently": best_of(lambda: psi(*map(fill, evidently_bins(ref, cur)))),
        "psi_native": best_of(lambda: psi(*native_bins(ref, cur))),
        "jensenshannon_evidently": best_of(lambda: float(distance.jensenshannon(*evidently_bins(ref, cur)))),
        "jensenshannon_native": best_of(lambda: float(distance.jensenshannon(*native_bins(ref, cur)))),
        "hellinger": best_of(lambda: hellinger(ref, cur)),
        "report_ks": best_of(lambda: sum(stats.ks_2samp(report_ref[j], report_cur[j]).pvalue for j in range(COLUMNS))),
        "report_auto": best_of(lambda: sum(stats.wasserstein_distance(report_ref[j], report_cur[j]) / max(np.std(report_ref[j]), 0.001)
                                           for j in range(COLUMNS))),
    }

    print(f"numpy {np.__version__}, scipy {__import__('scipy').__version__}; {os.cpu_count()} cores; best of {RUNS}; "
          f"load average {os.getloadavg()[0]:.1f}")
    print("wall = elapsed seconds; cpu = process CPU seconds (robust on a busy machine; C#'s cpu counts all its threads); "
          "alloc = bytes allocated by one C# run / bytes of input")
    print(f"{'workload':24} {'scipy wall':>10} {'C# wall':>9} {'ratio':>7} {'scipy cpu':>10} {'C# cpu':>8} {'ratio':>7} "
          f"{'alloc':>6}  {'agree':>8}")
    for key, (seconds, cpu, value) in py.items():
        if key not in cs:
            print(f"{key:24} {seconds:10.4f} {'n/a':>9}  (method not registered in DriftWatch yet)")
            continue
        c = cs[key]
        rel = abs(c["value"] - value) / max(abs(value), 1e-300)
        inputs = cs["input_bytes_report"] if key.startswith("report") else cs["input_bytes_1m"]
        alloc = f"{c['allocated_bytes'] / inputs:5.2f}x" if "allocated_bytes" in c else "-"
        print(f"{key:24} {seconds:10.4f} {c['seconds']:9.4f} {seconds / c['seconds']:6.1f}x {cpu:10.4f} {c['cpu_seconds']:8.4f} "
              f"{cpu / max(c['cpu_seconds'], 1e-9):6.1f}x {alloc:>6}  {rel:8.1e}")


if __name__ == "__main__":
    sys.exit(main())
