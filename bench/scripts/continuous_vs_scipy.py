#!/usr/bin/python3
"""Side by side: scipy vs DriftWatch on the same data, in the same run; prints time ratios.

    /usr/bin/python3 bench/scripts/continuous_vs_scipy.py [n] [repeats]

Generates n vs n normal values (seeded; the current side shifted by 0.05), writes them to a temporary binary file
(two int64 lengths, then the float64 values), times each scipy function (best of `repeats`, from the unsorted
arrays), then runs `dotnet run -c Release --project bench/DriftWatch.Benchmarks -- continuous-side-by-side FILE`
which times DriftWatch's methods on the same file from fresh unsorted samples, and prints both times and the ratio
scipy / DriftWatch. The statistics are printed too, as a check that both sides computed the same thing.
"""
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import scipy
from scipy import stats


def scipy_methods():
    return {
        "ks": lambda a, b: stats.ks_2samp(a, b).statistic,
        "wasserstein": lambda a, b: stats.wasserstein_distance(a, b) / max(np.std(a), 0.001),
        "mannw": lambda a, b: stats.mannwhitneyu(a, b, alternative="two-sided").statistic,
        "cramer_von_mises": lambda a, b: stats.cramervonmises_2samp(a, b).statistic,
        "anderson": lambda a, b: stats.anderson_ksamp([a, b]).statistic,
        "ed": lambda a, b: stats.energy_distance(a, b),
        "t_test": lambda a, b: stats.ttest_ind(a, b).statistic,
        "es": lambda a, b: stats.epps_singleton_2samp(a, b).statistic,
    }


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    rng = np.random.default_rng(20240607)
    a = rng.normal(size=n)
    b = rng.normal(0.05, size=n)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with tempfile.NamedTemporaryFile(suffix=".bin", delete=False) as f:
        f.write(np.array([n, n], dtype="<i8").tobytes())
        f.write(a.astype("<f8").tobytes())
        f.write(b.astype("<f8").tobytes())
        path = f.name
    try:
        import warnings
        warnings.simplefilter("ignore")
        py = {}
        for name, fn in scipy_methods().items():
            best, best_cpu, value = float("inf"), float("inf"), None
            for _ in range(repeats):
                c0 = time.process_time()
                t0 = time.perf_counter()
                value = fn(a, b)
                best = min(best, time.perf_counter() - t0)
                best_cpu = min(best_cpu, time.process_time() - c0)
            py[name] = (best, best_cpu, float(value))
        out = subprocess.run(
            ["dotnet", "run", "-c", "Release", "--project", os.path.join(root, "bench", "DriftWatch.Benchmarks"),
             "--", "continuous-side-by-side", path, str(max(repeats, 3))],
            check=True, capture_output=True, text=True, cwd=root).stdout
    finally:
        os.unlink(path)
    dw = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 5 and parts[0] in py:
            dw[parts[0]] = (float(parts[1]), float(parts[2]), float(parts[3]), int(parts[4]))
    print(f"{n:,} vs {n:,} doubles; scipy {scipy.__version__}, numpy {np.__version__}; best of {repeats}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("wall = elapsed seconds; cpu = process CPU seconds (robust on a busy machine; DriftWatch's cpu includes "
          "both threads of its parallel sort); alloc = bytes one DriftWatch call allocates / bytes of input")
    print(f"{'method':<18}{'scipy wall':>11}{'DW wall':>10}{'ratio':>8}{'scipy cpu':>11}{'DW cpu':>9}{'ratio':>8}{'alloc':>7}"
          "   statistic scipy / DriftWatch")
    for name, (t, c, v) in py.items():
        if name not in dw:
            print(f"{name:<18}{t:>11.3f}{'-':>10}")
            continue
        t2, c2, v2, allocated = dw[name]
        print(f"{name:<18}{t:>11.3f}{t2:>10.4f}{t / t2:>7.1f}x{c:>11.3f}{c2:>9.4f}{c / max(c2, 1e-9):>7.1f}x"
              f"{allocated / (16.0 * n):>6.2f}x   {v:.12g} / {v2:.12g}")


if __name__ == "__main__":
    main()
