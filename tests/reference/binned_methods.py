#!/usr/bin/python3
"""Expected values for the binned and categorical drift methods, both profiles.

Run:  /usr/bin/python3 tests/reference/binned_methods.py > tests/DriftWatch.Tests/TestData/binned_methods.json
Tools: Debian python3-numpy 1.24.2, python3-scipy 1.10.1.

"evidently" re-expresses Evidently 0.7's legacy stattests (psi, kl_div, jensenshannon, hellinger, chisquare, z,
g_test, fisher_exact, TVD) with numpy/scipy; "native" is DriftWatch's corrected profile. Samples are described by a
spec (refdata.py) so large cases need no stored data.
"""
import json
import math
import sys

import numpy as np
from scipy import stats
from scipy.spatial import distance

from refdata import enc, materialise

THRESHOLDS = {"chisquare": 0.05, "z": 0.05}
TESTS = {"chisquare", "z", "g_test", "fisher_exact", "TVD"}
PERMUTATIONS_PRECISE = 20000


class MethodError(Exception):
    pass


def clean(values, labels):
    if labels == "string":
        return [v for v in values if v is not None]
    a = np.asarray(values, dtype=float)
    return a[np.isfinite(a)]


def union_counts(ref, cur):
    """Counts per category over the sorted union."""
    keys = sorted(set(list(ref)) | set(list(cur)))
    index = {k: i for i, k in enumerate(keys)}
    rc = np.zeros(len(keys))
    cc = np.zeros(len(keys))
    for v in ref:
        rc[index[v]] += 1
    for v in cur:
        cc[index[v]] += 1
    return keys, rc, cc


def fill_evidently(p):
    p = p.copy()
    m = p[p != 0].min()
    p[p == 0] = m / 10**6 if m <= 0.0001 else 0.0001
    return p


def evidently_binned(ref, cur, numerical, fill):
    if numerical and len(np.unique(ref)) > 20:
        bins = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
        r = np.histogram(ref, bins)[0] / len(ref)
        c = np.histogram(cur, bins)[0] / len(cur)
    else:
        _, rc, cc = union_counts(ref, cur)
        r = rc / len(ref)
        c = cc / len(cur)
    if fill:
        r, c = fill_evidently(r), fill_evidently(c)
    return r, c


def native_binned(ref, cur, numerical):
    if numerical:
        edges = np.unique(np.quantile(ref, np.arange(1, 10) / 10))
        rc = np.bincount(np.searchsorted(edges, ref, side="left"), minlength=len(edges) + 1).astype(float)
        cc = np.bincount(np.searchsorted(edges, cur, side="left"), minlength=len(edges) + 1).astype(float)
    else:
        _, rc, cc = union_counts(ref, cur)
    out = []
    for counts in (rc, cc):
        p = counts / counts.sum()
        p[p == 0] = 1e-4
        out.append(p / p.sum())
    return out[0], out[1]


def hellinger(ref, cur, numerical):
    if not numerical:
        _, rc, cc = union_counts(ref, cur)
        bc = np.sum(np.sqrt((rc / len(ref)) * (cc / len(cur))))
    else:
        keys = np.unique(np.concatenate([ref, cur]))
        bins = np.histogram_bin_edges(keys, bins="sturges")
        h1 = np.histogram(ref, bins=bins, density=True)[0]
        h2 = np.histogram(cur, bins=bins, density=True)[0]
        width = (max(bins) - min(bins)) / (len(bins) - 1)
        bc = 0.0
        for i in range(len(h1)):
            bc += math.sqrt(h1[i] * h2[i]) * width
    return math.sqrt(1 - np.clip(bc, 0, 1))


def z_test(ref, cur, native):
    keys = sorted(set(list(ref)) | set(list(cur)))
    if len(keys) == 1:
        return 0.0, 1.0
    n1, n2 = len(ref), len(cur)
    p1 = sum(0 if v == keys[0] else 1 for v in ref) / n1
    p2 = sum(0 if v == keys[0] else 1 for v in cur) / n2
    pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2))
    p = 2 * stats.norm.sf(abs(z)) if native else 2 * (1 - stats.norm.cdf(np.abs(z)))
    return float(z), float(p)


def tvd(rc, cc):
    return 0.5 * np.sum(np.abs(rc / rc.sum() - cc / cc.sum()))


def tvd_precise_p(rc, cc):
    """Permutation p-value with many permutations (the C# value, from 1000, must fall in a band around it)."""
    rng = np.random.default_rng(12345)
    labels = np.repeat(np.arange(len(rc)), (rc + cc).astype(int))
    nr = int(rc.sum())
    observed = tvd(rc, cc)
    hits = 0
    for _ in range(PERMUTATIONS_PRECISE):
        perm = rng.permutation(labels)
        r = np.bincount(perm[:nr], minlength=len(rc)).astype(float)
        c = np.bincount(perm[nr:], minlength=len(rc)).astype(float)
        hits += tvd(r, c) >= observed - 1e-12
    return hits / PERMUTATIONS_PRECISE


def compute(method, profile, ref, cur, numerical):
    native = profile == "native"
    if method in ("psi", "kl_div", "jensenshannon"):
        if native:
            r, c = native_binned(ref, cur, numerical)
        else:
            r, c = evidently_binned(ref, cur, numerical, fill=method != "jensenshannon")
        if method == "psi":
            d = float(np.sum((r - c) * np.log(r / c)))
        elif method == "kl_div":
            d = float(stats.entropy(r, c))
        else:
            d = float(distance.jensenshannon(r, c))
        return d, None
    if method == "hellinger":
        return float(hellinger(ref, cur, numerical)), None
    keys, rc, cc = union_counts(ref, cur)
    if method == "chisquare":
        if native:
            res = stats.chi2_contingency(np.array([rc, cc]), correction=False)
            return float(res[0]), float(res[1])
        k_norm = len(cur) / len(ref)
        stat, p = stats.chisquare(cc, rc * k_norm)
        return float(stat), float(p)
    if method == "g_test":
        if native:
            res = stats.chi2_contingency(np.array([rc, cc]), correction=False, lambda_="log-likelihood")
            return float(res[0]), float(res[1])
        try:
            stat, p = stats.power_divergence(cc, rc, lambda_="log-likelihood")
        except ValueError as e:
            raise MethodError("equal size") from e
        return float(stat), float(p)
    if method == "z":
        return z_test(ref, cur, native)
    if method == "fisher_exact":
        if not native and len(ref) != len(cur):
            raise MethodError("equal size")
        if len(keys) > 2:
            raise MethodError("binary")
        if len(keys) == 1:
            return None, 1.0
        table = np.array([[cc[0], cc[1]], [rc[0], rc[1]]], dtype=np.int64)
        return None, float(stats.fisher_exact(table)[1])
    if method == "TVD":
        return float(tvd(rc, cc)), tvd_precise_p(rc, cc)
    raise ValueError(method)


def N(n, seed, **kw):
    return {"gen": dict(kind="normal", n=n, seed=seed, **kw)}


def U(n, seed, lo, hi):
    return {"gen": dict(kind="uniform", n=n, seed=seed, lo=lo, hi=hi)}


def C(n, seed, labels, weights):
    return {"gen": dict(kind="choice", n=n, seed=seed, labels=labels, weights=weights)}


def I(values):
    return {"inline": values}


NUMERIC_METHODS = ["psi", "kl_div", "jensenshannon", "hellinger"]
CATEGORICAL_METHODS = ["chisquare", "z", "g_test", "fisher_exact", "TVD", "psi", "kl_div", "jensenshannon", "hellinger"]
LABELS = ["apple", "banana", "cherry", "date", "elder"]

NUMERIC_CASES = [
    ("tiny_5_vs_7", I([0.5, 1.25, -0.75, 2.0, 0.0]), I([0.25, 1.5, 3.0, -1.0, 0.5, 2.5, 1.0])),
    ("normal_200_vs_300_shift", N(200, 1), N(300, 2, loc=0.3)),
    ("normal_1000_same", N(1000, 3), N(1000, 4)),
    ("ties_step_quarter_2000_vs_1500", N(2000, 5, step=0.25), N(1500, 6, step=0.25, loc=0.1)),
    ("few_distinct_8_values", N(500, 7, step=1.0, scale=1.5), N(400, 8, step=1.0, scale=1.5, loc=0.4)),
    ("exactly_21_distinct", I([float(i % 21) for i in range(63)]), I([float(i % 17) for i in range(40)])),
    ("exactly_20_distinct", I([float(i % 20) for i in range(60)]), I([float(i % 23) for i in range(46)])),
    ("constant_same", I([3.0] * 50), I([3.0] * 30)),
    ("constant_vs_other", I([3.0] * 50), I([4.0] * 20 + [3.0] * 5)),
    ("disjoint_uniform", U(300, 9, 0.0, 1.0), U(200, 10, 2.0, 3.0)),
    ("nan_inf_dropped", I([1.0, "nan", 2.5, "inf", 3.0, -1.0, "-inf", 0.5, 4.0, 2.0, 1.5]),
     I(["nan", 0.0, 2.0, 3.5, "inf", 1.0, 5.0])),
    ("negative_zero", I([-0.0, 0.0, 1.0, 2.0, 0.0]), I([0.0, -0.0, 1.0, 1.0])),
    ("large_100000_shift_small", N(100000, 11), N(100000, 12, loc=0.05)),
    ("large_100000_vs_5000", N(100000, 13, scale=2.0), N(5000, 14, scale=2.2)),
    ("ref_continuous_cur_few", U(500, 15, 0.0, 10.0), I([1.0, 2.0, 2.0, 3.0, 9.0])),
]

CATEGORICAL_CASES = [
    ("strings_3_500_vs_500", C(500, 21, LABELS[:3], [0.5, 0.3, 0.2]), C(500, 22, LABELS[:3], [0.5, 0.3, 0.2]), "string"),
    ("strings_5_shifted", C(800, 23, LABELS, [0.3, 0.3, 0.2, 0.1, 0.1]), C(600, 24, LABELS, [0.2, 0.3, 0.2, 0.2, 0.1]), "string"),
    ("unseen_in_reference", C(300, 25, LABELS[:3], [0.4, 0.4, 0.2]), C(300, 26, LABELS[:4], [0.4, 0.3, 0.2, 0.1]), "string"),
    ("vanished_in_current", C(400, 27, LABELS[:4], [0.4, 0.3, 0.2, 0.1]), C(250, 28, LABELS[:3], [0.4, 0.4, 0.2]), "string"),
    ("one_category", I(["x"] * 20), I(["x"] * 20), "string"),
    ("binary_100_vs_100", C(100, 29, ["no", "yes"], [0.7, 0.3]), C(100, 30, ["no", "yes"], [0.6, 0.4]), "string"),
    ("binary_1000_vs_1000_same", C(1000, 31, ["a", "b"], [0.5, 0.5]), C(1000, 32, ["a", "b"], [0.5, 0.5]), "string"),
    ("binary_unequal_300_vs_120", C(300, 33, ["a", "b"], [0.8, 0.2]), C(120, 34, ["a", "b"], [0.7, 0.3]), "string"),
    ("binary_one_side_constant", I(["a"] * 30), I(["a"] * 25 + ["b"] * 5), "string"),
    ("tiny_5_vs_5", I(["p", "q", "p", "p", "q"]), I(["q", "q", "p", "q", "q"]), "string"),
    ("missing_labels_dropped", I(["a", None, "b", "a", "c", None, "a"]), I([None, "b", "b", "a", "c"]), "string"),
    ("large_binary_100000", C(100000, 35, ["a", "b"], [0.5, 0.5]), C(100000, 36, ["a", "b"], [0.49, 0.51]), "string"),
    ("large_5_100000_vs_50000", C(100000, 37, LABELS, [0.2] * 5), C(50000, 38, LABELS, [0.22, 0.2, 0.2, 0.2, 0.18]), "string"),
    ("numeric_labels_0_to_4", C(600, 39, [0.0, 1.0, 2.0, 3.0, 4.0], [0.1, 0.2, 0.3, 0.2, 0.2]),
     C(500, 40, [0.0, 1.0, 2.0, 3.0, 4.0], [0.1, 0.25, 0.25, 0.2, 0.2]), "number"),
    ("numeric_labels_sort_by_value", I([10.0, 2.0, 2.0, 10.0, 3.0, 2.0]), I([2.0, 10.0, 10.0, 3.0, 3.0, 10.0]), "number"),
    ("disjoint_categories", I(["a", "b"] * 10), I(["c", "d"] * 10), "string"),
]

SLOW_TVD = 20000  # the precise permutation p-value is skipped above this pooled size


def main():
    cases = []

    def add(name, method, profile, ctype, labels, ref_side, cur_side):
        ref = clean(materialise(ref_side), labels)
        cur = clean(materialise(cur_side), labels)
        numerical = ctype == "numerical"
        if method == "TVD" and len(ref) + len(cur) > SLOW_TVD:
            return
        threshold = THRESHOLDS.get(method, 0.1)
        case = {"name": f"{name}/{method}/{profile}", "method": method, "profile": profile, "type": ctype,
                "labels": labels, "reference": ref_side, "current": cur_side, "threshold": threshold}
        try:
            stat, p = compute(method, profile, ref, cur, numerical)
        except MethodError as e:
            case["error"] = str(e)
            cases.append(case)
            return
        score = p if method in TESTS else stat
        if method in TESTS:
            detected = (not math.isnan(score)) and score < threshold
        else:
            detected = score >= threshold
        case.update({"statistic": enc(stat), "p_value": enc(p), "score": enc(score), "detected": bool(detected)})
        if method == "TVD":
            case["detected"] = None  # depends on the permutation draw; the p-value band is checked instead
        cases.append(case)

    for profile in ("evidently", "native"):
        for name, r, c in NUMERIC_CASES:
            for m in NUMERIC_METHODS:
                add(name, m, profile, "numerical", "number", r, c)
        for name, r, c, labels in CATEGORICAL_CASES:
            for m in CATEGORICAL_METHODS:
                add(name, m, profile, "categorical", labels, r, c)

    bins = []
    for name, r, c in NUMERIC_CASES:
        ref = clean(materialise(r), "number")
        cur = clean(materialise(c), "number")
        edges = np.unique(np.quantile(ref, np.arange(1, 10) / 10))
        sturges = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
        bins.append({"name": name, "reference": r, "current": c,
                     "quantile_edges": [float(e) for e in edges],
                     "quantile_reference_counts": [int(x) for x in np.bincount(np.searchsorted(edges, ref, side="left"), minlength=len(edges) + 1)],
                     "quantile_current_counts": [int(x) for x in np.bincount(np.searchsorted(edges, cur, side="left"), minlength=len(edges) + 1)],
                     "sturges_edges": [float(e) for e in sturges],
                     "sturges_current_counts": [int(x) for x in np.histogram(cur, sturges)[0]]})

    json.dump({"tool": f"numpy {np.__version__}, scipy {__import__('scipy').__version__}",
               "tvd_precise_permutations": PERMUTATIONS_PRECISE, "cases": cases, "bins": bins}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
