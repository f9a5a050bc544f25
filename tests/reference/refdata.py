"""Deterministic test data shared by the reference scripts and the C# tests.

Values come from splitmix64 and exact arithmetic only (integer mixing, (z >> 11) * 2**-53, sums of uniforms,
power-of-two steps), so the C# tests regenerate bit-identical samples from a small spec instead of storing them.
"""
import math

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next_u64(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self):
        return (self.next_u64() >> 11) * (1.0 / 9007199254740992.0)


def generate(spec):
    """spec: {"kind": "normal"|"uniform"|"choice", "n": int, "seed": int, ...} -> list of floats or strings."""
    rng = SplitMix64(spec["seed"])
    n = spec["n"]
    kind = spec["kind"]
    out = []
    if kind == "normal":
        # Irwin-Hall approximation: sum of 12 uniforms minus 6, then loc + scale * x, optionally floored to a step.
        loc, scale, step = spec.get("loc", 0.0), spec.get("scale", 1.0), spec.get("step", 0.0)
        for _ in range(n):
            s = 0.0
            for _ in range(12):
                s += rng.uniform()
            v = loc + scale * (s - 6.0)
            if step:
                v = math.floor(v / step) * step
            out.append(v)
    elif kind == "uniform":
        lo, hi = spec["lo"], spec["hi"]
        for _ in range(n):
            out.append(lo + (hi - lo) * rng.uniform())
    elif kind == "choice":
        labels, weights = spec["labels"], spec["weights"]
        total = 0.0
        for w in weights:
            total += w
        cum = []
        acc = 0.0
        for w in weights:
            acc += w / total
            cum.append(acc)
        for _ in range(n):
            u = rng.uniform()
            k = len(labels) - 1
            for i, c in enumerate(cum):
                if u < c:
                    k = i
                    break
            out.append(labels[k])
    else:
        raise ValueError(kind)
    return out


def decode(values):
    """Inline values: numbers, or the strings "nan", "inf", "-inf"; null is a missing label."""
    special = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}
    return [special.get(v, v) if isinstance(v, str) and v in special else v for v in values]


def materialise(side):
    return decode(side["inline"]) if "inline" in side else generate(side["gen"])


def enc(x):
    """JSON-safe float: NaN and infinities as strings."""
    if x is None:
        return None
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x
