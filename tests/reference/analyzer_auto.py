#!/usr/bin/python3
"""Expected DriftAnalyzer results with automatic method choice (Evidently's rule), both profiles.

Run:  /usr/bin/python3 tests/reference/analyzer_auto.py > tests/DriftWatch.Tests/TestData/analyzer_auto.json
Tools: Debian python3-numpy 1.24.2, python3-scipy 1.10.1.

Each dataset pair is a list of column specs (refdata.py); "missing_every": k blanks every k-th value (NaN or a missing
label) after generation. Expected: column type, chosen method, score, verdict, missing count, and the dataset verdict.
"""
import json
import math
import sys

import numpy as np
from scipy import stats

from binned_methods import TESTS, THRESHOLDS, clean, compute
from refdata import enc, materialise

# Evidently's defaults: 0.05 for ks, chisquare, z; 0.1 for wasserstein and jensenshannon.
THRESHOLDS = {**THRESHOLDS, "ks": 0.05}


def side_values(side, kind, missing_every):
    values = materialise(side)
    if missing_every:
        values = [(None if kind == "string" else math.nan) if i % missing_every == missing_every - 1 else v
                  for i, v in enumerate(values)]
    return values


def column_type(kind, ref):
    if kind == "string":
        return "categorical"
    if kind == "integer":
        return "categorical" if len(np.unique(ref)) <= 10 else "numerical"
    return "numerical"


def choose(ctype, n_ref, distinct):
    if n_ref <= 1000:
        if ctype == "numerical" and distinct > 5:
            return "ks"
        return "chisquare" if distinct > 2 else "z"
    return "wasserstein" if ctype == "numerical" and distinct > 5 else "jensenshannon"


def analyse(columns, profile):
    results = []
    for col in columns:
        kind = col["kind"]
        labels = "string" if kind == "string" else "number"
        raw_ref = side_values(col["reference"], kind, col.get("missing_every", 0))
        raw_cur = side_values(col["current"], kind, col.get("missing_every", 0))
        ref = clean(raw_ref, labels)
        cur = clean(raw_cur, labels)
        ctype = column_type(kind, ref)
        distinct = len(set(list(ref)) | set(list(cur)))
        method = choose(ctype, len(ref), distinct)
        threshold = THRESHOLDS.get(method, 0.1)
        if method == "ks":
            res = stats.ks_2samp(ref, cur)
            stat, p = float(res.statistic), float(res.pvalue)
            score, detected = p, p <= threshold
        elif method == "wasserstein":
            stat = float(stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001))
            p, score, detected = None, stat, stat >= threshold
        else:
            stat, p = compute(method, profile, ref, cur, ctype == "numerical")
            score = p if method in TESTS else stat
            detected = (score < threshold) if method in TESTS else (score >= threshold)
        missing = sum(1 for v in raw_cur if v is None or (isinstance(v, float) and math.isnan(v)))
        results.append({"column": col["name"], "type": ctype, "method": method, "statistic": enc(stat),
                        "p_value": enc(p), "score": enc(score), "threshold": threshold,
                        "detected": bool(detected), "missing": missing})
    drifted = sum(r["detected"] for r in results)
    share = drifted / len(results)
    return {"columns": results,
            "dataset_drift": {"drifted_columns": drifted, "columns": len(results), "share": share, "detected": share >= 0.5}}


def N(n, seed, **kw):
    return {"gen": dict(kind="normal", n=n, seed=seed, **kw)}


def C(n, seed, labels, weights):
    return {"gen": dict(kind="choice", n=n, seed=seed, labels=labels, weights=weights)}


def col(name, kind, ref, cur, missing_every=0):
    c = {"name": name, "kind": kind, "reference": ref, "current": cur}
    if missing_every:
        c["missing_every"] = missing_every
    return c


INTS_31 = [float(i) for i in range(31)]
PAIRS = {
    "small_800_vs_600": [
        col("f_normal_shift", "float", N(800, 101), N(600, 102, loc=0.25)),
        col("f_three_values", "float", C(800, 103, [0.5, 1.5, 2.5], [0.5, 0.3, 0.2]), C(600, 104, [0.5, 1.5, 2.5], [0.5, 0.3, 0.2])),
        col("f_binary", "float", C(800, 105, [0.0, 1.0], [0.7, 0.3]), C(600, 106, [0.0, 1.0], [0.6, 0.4])),
        col("i_codes", "integer", C(800, 107, [0.0, 1.0, 2.0, 3.0], [0.4, 0.3, 0.2, 0.1]), C(600, 108, [0.0, 1.0, 2.0, 3.0], [0.4, 0.3, 0.2, 0.1])),
        col("i_wide", "integer", C(800, 109, INTS_31, [1.0] * 31), C(600, 110, INTS_31, [1.0] * 31), missing_every=7),
        col("s_three", "string", C(800, 111, ["red", "green", "blue"], [0.5, 0.3, 0.2]), C(600, 112, ["red", "green", "blue"], [0.3, 0.3, 0.4]), missing_every=10),
        col("s_binary", "string", C(800, 113, ["no", "yes"], [0.5, 0.5]), C(600, 114, ["no", "yes"], [0.5, 0.5])),
    ],
    "large_5000_vs_4000": [
        col("f_normal", "float", N(5000, 201), N(4000, 202, scale=1.3)),
        col("f_four_values", "float", C(5000, 203, [1.0, 2.0, 3.0, 4.0], [0.25] * 4), C(4000, 204, [1.0, 2.0, 3.0, 4.0], [0.4, 0.2, 0.2, 0.2])),
        col("i_codes", "integer", C(5000, 205, [0.0, 1.0, 2.0], [0.5, 0.3, 0.2]), C(4000, 206, [0.0, 1.0, 2.0], [0.5, 0.3, 0.2])),
        col("s_many", "string", C(5000, 207, [f"k{i}" for i in range(12)], [1.0] * 12), C(4000, 208, [f"k{i}" for i in range(12)], [1.0] * 12), missing_every=25),
    ],
}


def main():
    out = []
    for name, columns in PAIRS.items():
        for profile in ("evidently", "native"):
            out.append({"name": f"{name}/{profile}", "profile": profile, "columns": columns, "expected": analyse(columns, profile)})
    json.dump({"tool": f"numpy {np.__version__}, scipy {__import__('scipy').__version__}", "cases": out}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
