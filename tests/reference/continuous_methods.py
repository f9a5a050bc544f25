#!/usr/bin/python3
"""Reference values for DriftWatch's numerical two-sample methods, computed with scipy.

Run with Debian's scipy (python3-scipy 1.10.1, numpy 1.24):

    /usr/bin/python3 tests/reference/continuous_methods.py > tests/DriftWatch.Tests/TestData/continuous_methods.json

Each case holds either the values themselves (small cases; "nan", "inf", "-inf" are written as JSON strings) or a
generator spec that the tests reproduce bit for bit (see `generate`). For every method and profile the expected
statistic and p-value are recorded, or "error" when scipy/Evidently refuses the input. NaN and infinite values are
dropped from each side first, as Evidently does.
"""
import json
import math
import sys

import numpy as np
import scipy
from scipy import stats

MASK = (1 << 64) - 1


def generate(spec):
    """Deterministic data from splitmix64, using only exactly rounded IEEE operations (+, -, *, floor).

    kind "irwin": sum of four uniforms minus 2 (bell-shaped); "grid": floor(u * k) (heavy ties);
    "uniform": u; "skew": irwin squared. The value is loc + scale * base.
    """
    state = spec["seed"] & MASK

    def uniform():
        nonlocal state
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z = z ^ (z >> 31)
        return (z >> 11) * (2.0 ** -53)

    kind, n, loc, scale = spec["kind"], spec["n"], spec["loc"], spec["scale"]
    out = np.empty(n)
    for i in range(n):
        if kind == "irwin":
            b = uniform() + uniform() + uniform() + uniform() - 2.0
        elif kind == "skew":
            b = uniform() + uniform() + uniform() + uniform() - 2.0
            b = b * b
        elif kind == "grid":
            b = math.floor(uniform() * spec["k"])
        elif kind == "uniform":
            b = uniform()
        else:
            raise ValueError(kind)
        out[i] = loc + scale * b
    return out


def clean(values):
    a = np.asarray(values, dtype=float)
    return a[np.isfinite(a)]


def number(v):
    """A float, or its name as a string when not finite (JSON has no NaN or infinity)."""
    v = float(v)
    if math.isfinite(v):
        return v
    return "NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity")


def guard(f):
    try:
        with np.errstate(all="ignore"):
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                stat, p = f()
        return {"statistic": number(stat), "p_value": None if p is None else number(p)}
    except (ValueError, IndexError, ZeroDivisionError, np.linalg.LinAlgError) as e:
        return {"error": type(e).__name__}


def mmd_statistic(x, y):
    """Evidently's empirical_mmd statistic (RBF kernel, median heuristic on the reference)."""
    x = x.reshape(-1, 1)
    y = y.reshape(-1, 1)

    def dist(a, b):
        return (b ** 2).T - 2 * np.dot(a, b.T) + a ** 2

    dxx = dist(x, x)
    sigma = (0.5 * np.percentile(dxx.flatten(), 50, method="nearest")) ** 0.5
    if sigma == 0:
        sigma = (0.5 * 1) ** 0.5
    gamma = 1.0 / (2.0 * sigma ** 2)
    kxx = np.exp(-gamma * dxx)
    kxy = np.exp(-gamma * dist(x, y))
    kyy = np.exp(-gamma * dist(y, y))
    np.fill_diagonal(kxx, 0)
    np.fill_diagonal(kyy, 0)
    nx, ny = len(x), len(y)
    mmd = kxx.sum() / (nx * (nx - 1)) + kyy.sum() / (ny * (ny - 1)) - 2.0 * kxy.mean()
    # Evidently's permutation p-value is unseeded; record the statistic and a reference p-value from 2000
    # seeded permutations for the band check.
    rng = np.random.default_rng(12345)
    k = np.block([[kxx, kxy], [kxy.T, kyy]])
    count = 0
    perms = 2000
    for _ in range(perms):
        idx = rng.permutation(nx + ny)
        kp = k[idx][:, idx]
        m = kp[:nx, :nx].sum() / (nx * (nx - 1)) + kp[nx:, nx:].sum() / (ny * (ny - 1)) - 2.0 * kp[nx:, :nx].mean()
        count += mmd <= m
    return mmd, count / perms


def methods(ref, cur, profile):
    out = {}
    out["ks"] = guard(lambda: tuple(stats.ks_2samp(ref, cur))[:2])
    out["anderson"] = guard(lambda: (lambda r: (r.statistic, r.significance_level))(stats.anderson_ksamp([ref, cur])))
    out["cramer_von_mises"] = guard(lambda: (lambda r: (r.statistic, r.pvalue))(stats.cramervonmises_2samp(ref, cur)))
    alt = "less" if profile == "evidently" else "two-sided"
    # scipy's exact Mann-Whitney (no ties, a side of at most 8) needs memory that grows with the other side;
    # such cases are only generated small.
    out["mannw"] = guard(lambda: tuple(stats.mannwhitneyu(ref, cur, alternative=alt))[:2])

    def es():
        if stats.iqr(np.hstack((ref, cur))) == 0:
            raise ValueError("iqr")
        return tuple(stats.epps_singleton_2samp(ref, cur))[:2]

    out["es"] = guard(es)
    out["t_test"] = guard(lambda: tuple(stats.ttest_ind(ref, cur))[:2])
    out["ed"] = guard(lambda: (stats.energy_distance(ref, cur), None))
    out["wasserstein"] = guard(lambda: (stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001), None))
    if 2 <= len(ref) <= 1000 and 2 <= len(cur) <= 1000:
        out["empirical_mmd"] = guard(lambda: mmd_statistic(ref, cur))
    return out


def encode(values):
    return [v if math.isfinite(v) else ("NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity"))
            for v in (float(x) for x in values)]


def gen(seed, n, kind="irwin", loc=0.0, scale=1.0, k=None):
    spec = {"seed": seed, "n": n, "kind": kind, "loc": loc, "scale": scale}
    if k is not None:
        spec["k"] = k
    return spec


def cases():
    inline = {
        "five_vs_five": ([0.1, 0.5, 0.9, 1.3, 2.2], [0.7, 1.1, 1.9, 2.5, 3.1]),
        "five_vs_seven_shift": ([1.0, 2.0, 3.0, 4.0, 5.0], [3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5]),
        "ties_small": ([1, 1, 2, 2, 2, 3, 4, 4], [2, 2, 3, 3, 3, 4, 5, 5, 5, 6]),
        "disjoint_supports": ([1.0, 1.5, 2.0, 2.5, 3.0, 3.5], [10.0, 11.0, 12.0, 13.0, 14.0, 15.0]),
        "constant_same": ([3.0] * 8, [3.0] * 6),
        "constant_different": ([3.0] * 8, [4.0] * 6),
        "constant_reference": ([2.0] * 10, [1.0, 2.0, 3.0, 2.5, 1.5, 2.2, 2.8, 1.1, 3.3, 2.0]),
        "nan_and_inf_dropped": ([1.0, float("nan"), 2.0, float("inf"), 3.0, 4.0, 5.0, -float("inf"), 6.0],
                                [2.5, 3.5, float("nan"), 4.5, 5.5, 6.5, 7.5]),
        "signed_zeros": ([-0.0, 0.0, 1.0, -1.0, 2.0, -2.0], [0.0, -0.0, 0.5, 1.5, -0.5, 2.5]),
        "single_reference_value": ([1.0], [0.5, 1.5, 2.5, 3.5, 4.5]),
        "two_vs_two": ([1.0, 2.0], [3.0, 4.0]),
        "identical_samples": ([0.3, 1.7, 2.2, 5.1, 0.9, 4.4, 3.3], [0.3, 1.7, 2.2, 5.1, 0.9, 4.4, 3.3]),
    }
    for name, (r, c) in inline.items():
        yield name, {"reference": encode(r), "current": encode(c)}
    generated = [
        ("normal_20_vs_20", gen(1, 20), gen(2, 20)),
        ("normal_12_vs_18_shift", gen(3, 12), gen(4, 18, loc=0.8)),
        ("normal_50_vs_80_shift", gen(5, 50), gen(6, 80, loc=0.3)),
        ("normal_100_vs_100_scale", gen(7, 100), gen(8, 100, scale=1.5)),
        ("grid_ties_300_vs_200", gen(9, 300, "grid", k=7), gen(10, 200, "grid", k=8)),
        ("skew_1000_vs_1000", gen(11, 1000, "skew"), gen(12, 1000, "skew", loc=0.05)),
        ("uniform_500_vs_700", gen(13, 500, "uniform"), gen(14, 700, "uniform", loc=0.02)),
        ("normal_2000_vs_3000", gen(15, 2000), gen(16, 3000, loc=0.05)),
        ("normal_10000_vs_10000", gen(17, 10000), gen(18, 10000, loc=0.03)),
        ("normal_10000_vs_9999", gen(19, 10000), gen(20, 9999)),
        ("normal_15000_vs_12000_asymp", gen(21, 15000), gen(22, 12000, loc=0.02)),
        ("normal_100000_vs_100000", gen(23, 100000), gen(24, 100000, loc=0.01)),
        ("normal_100000_vs_50000_same", gen(25, 100000), gen(26, 50000)),
        ("small_vs_large_5_vs_20000", gen(27, 5, "grid", k=9), gen(28, 20000, "grid", k=10)),
        ("small_vs_large_9_vs_20000", gen(37, 9, loc=0.5), gen(38, 20000)),
        ("grid_ties_20000_vs_30000", gen(29, 20000, "grid", k=50), gen(30, 30000, "grid", k=50, loc=1.0)),
        ("mmd_small_shift_40_vs_60", gen(31, 40), gen(32, 60, loc=1.0)),
        ("mmd_same_300_vs_300", gen(33, 300), gen(34, 300)),
        ("exact_mw_6_vs_30", gen(35, 6, "uniform"), gen(36, 30, "uniform", loc=0.3)),
    ]
    for name, r, c in generated:
        yield name, {"reference_spec": r, "current_spec": c}


def main():
    out = {"tool": f"scipy {scipy.__version__}, numpy {np.__version__}", "cases": []}
    for name, case in cases():
        ref = clean(case["reference"] if "reference" in case else generate(case["reference_spec"]))
        cur = clean(case["current"] if "current" in case else generate(case["current_spec"]))
        if "reference_spec" in case:
            # Checksums let the tests verify that their generator reproduces the data exactly.
            case["reference_sum"] = float(np.sum(ref))
            case["current_sum"] = float(np.sum(cur))
        case["name"] = name
        if len(ref) > 0 and len(cur) > 0:
            case["evidently"] = methods(ref, cur, "evidently")
            case["native"] = methods(ref, cur, "native")
        out["cases"].append(case)
    # Direct checks of the one-sample Kolmogorov distribution across Simard-L'Ecuyer's regions.
    out["kstwo_sf"] = [{"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))}
                       for n in (3, 10, 57, 140, 141, 500, 3000, 20000, 150000)
                       for x in (0.004, 0.01, 0.03, 0.07, 0.15, 0.3, 0.55, 0.8)]
    json.dump(out, sys.stdout, indent=1, allow_nan=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
