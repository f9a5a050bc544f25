"""Reference values for DriftWatch.Profiles: decile bin edges and the reference CDF at them.

Run with Debian's python3 and numpy (tool and version are written into the output):
    /usr/bin/python3 tests/reference/profile_reference.py > tests/DriftWatch.Tests/TestData/Profiles/profile_reference.json
Each case holds its input values, so the tests need no Python.
"""
import json
import sys

import numpy as np


def case(name, values, bins=10):
    x = np.asarray(values, dtype=float)
    finite = np.sort(x[np.isfinite(x)])
    inner = []
    for i in range(1, bins):
        q = float(np.quantile(finite, i / bins))  # linear (type 7), numpy's default
        if not inner or q > inner[-1]:
            inner.append(q)
    edges = inner + [float("inf")]
    cdf = [float(np.count_nonzero(finite <= e)) / len(finite) for e in edges]
    return {
        "name": name,
        "values": [None if not np.isfinite(v) else float(v) for v in x],
        "bins": bins,
        "inner_edges": inner,
        "cdf": cdf,
        "missing": int(np.count_nonzero(~np.isfinite(x))),
        "min": float(finite[0]),
        "max": float(finite[-1]),
    }


rng = np.random.default_rng(20261127)
cases = [
    case("lognormal_1000", np.round(rng.lognormal(10.0, 0.6, 1000), 2)),
    case("poisson_ties_500", rng.poisson(3.5, 500)),
    case("normal_with_missing_300", np.where(rng.random(300) < 0.1, np.nan, np.round(rng.normal(40, 11, 300), 3))),
    case("uniform_5_bins_200", np.round(rng.uniform(-5, 5, 200), 4), bins=5),
]
json.dump({"tool": f"numpy {np.__version__} (python {sys.version.split()[0]})", "cases": cases}, sys.stdout, indent=1)
print()
