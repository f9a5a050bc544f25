#!/usr/bin/python3
"""Reference values for label-free performance estimation (CBPE) and data reconstruction drift.

Run from the repository root with Debian's python3-sklearn (1.2) and python3-numpy:

    /usr/bin/python3 tests/reference/label_free.py > tests/DriftWatch.Tests/TestData/label_free.json

Everything is computed with scikit-learn (IsotonicRegression, metrics, StratifiedShuffleSplit, SimpleImputer,
StandardScaler, PCA) and NumPy, independently of the C# code. The CBPE formulas follow NannyML's definitions
(performance_estimation/confidence_based, calibration.py, sampling_error/binary_classification.py) with the
documented choices of DriftWatch: stable sorts for ties, tied raw scores forming one ROC step, equal-count ECE bins.
"""
import json
import sys

import numpy as np
import sklearn
from sklearn.decomposition import PCA
from sklearn.impute import SimpleImputer
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import accuracy_score, auc, confusion_matrix, f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import StratifiedShuffleSplit
from sklearn.preprocessing import StandardScaler

METRICS = ["accuracy", "precision", "recall", "specificity", "f1", "roc_auc"]


def f(x):
    """JSON-safe float: NaN becomes null."""
    x = float(x)
    return None if np.isnan(x) else x


# ---------------------------------------------------------------- isotonic regression
def isotonic_case(name, x, y, queries):
    iso = IsotonicRegression(increasing=True, out_of_bounds="clip").fit(x, y)
    return {
        "name": name,
        "x": [float(v) for v in x],
        "y": [float(v) for v in y],
        "queries": [float(v) for v in queries],
        "expected": [float(v) for v in iso.predict(queries)],
    }


def isotonic_cases():
    rng = np.random.default_rng(7)
    cases = [
        isotonic_case("hand", np.array([1, 2, 3, 4, 5, 6.0]), np.array([1, 3, 2, 4, 3.5, 5.0]),
                      np.array([0, 1, 1.5, 2.5, 3, 4.2, 5.5, 6, 7.0])),
        isotonic_case("decreasing", np.arange(8.0), np.arange(8.0)[::-1].copy(), np.array([-1, 0, 3.5, 7, 9.0])),
    ]
    x = np.round(rng.uniform(0, 1, 300), 2)  # rounding makes many tied x values
    y = (rng.uniform(0, 1, 300) < x ** 2).astype(float)
    cases.append(isotonic_case("ties_binary", x, y, np.linspace(-0.1, 1.1, 61)))
    return cases


# ---------------------------------------------------------------- CBPE
def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def make_rows(rng, n, x1_mean=0.0, x1_sd=1.0, x2_sd=1.0, concept=False):
    x1 = rng.normal(x1_mean, x1_sd, n)
    x2 = rng.normal(0.0, x2_sd, n)
    model_logit = 2.0 * x1 - 1.5 * x2 - 0.5
    true_logit = (-1.0 * x1 - 1.5 * x2 - 0.5) if concept else model_logit
    actual = (rng.uniform(0, 1, n) < sigmoid(true_logit)).astype(int)
    # An under-confident model: right ranking, scores squeezed towards 1/2, so calibration helps.
    scores = np.round(sigmoid(0.6 * model_logit), 6)
    predicted = (scores >= 0.5).astype(int)
    return scores, predicted, actual


def ece(labels, probabilities, bins=10):
    n = len(labels)
    if n <= 2 * bins:
        bins = n // 2
    order = np.argsort(probabilities, kind="stable")
    p, y = probabilities[order], labels[order]
    width = n // bins
    total = 0.0
    for b in range(bins):
        lo = b * width
        hi = n if b == bins - 1 else lo + width
        total += (hi - lo) / n * abs(p[lo:hi].mean() - y[lo:hi].mean())
    return total


def calibration(scores, actual):
    sss = StratifiedShuffleSplit(n_splits=10, test_size=0.1, random_state=42)
    tests, ys, raw, cal = [], [], [], []
    for train, test in sss.split(scores, actual):
        iso = IsotonicRegression(increasing=True, out_of_bounds="clip").fit(scores[train], actual[train])
        tests.append([int(i) for i in test])
        ys.append(actual[test])
        raw.append(scores[test])
        cal.append(iso.predict(scores[test]))
    ys, raw, cal = np.concatenate(ys), np.concatenate(raw), np.concatenate(cal)
    before, after = ece(ys, raw), ece(ys, cal)
    return tests, before, after


def realized(metric, actual, predicted, scores):
    if metric == "accuracy":
        return accuracy_score(actual, predicted)
    if metric == "precision":
        return precision_score(actual, predicted, zero_division=0)
    if metric == "recall":
        return recall_score(actual, predicted, zero_division=0)
    if metric == "f1":
        return f1_score(actual, predicted, zero_division=0)
    if metric == "specificity":
        tn, fp, fn, tp = confusion_matrix(actual, predicted, labels=[0, 1]).ravel()
        return tn / (tn + fp) if tn + fp > 0 else 0.0
    return roc_auc_score(actual, scores) if len(np.unique(actual)) > 1 else np.nan


def sampling_components(actual, predicted, scores):
    n = len(actual)
    tp = (actual == 1) & (predicted == 1)
    fp = (actual == 0) & (predicted == 1)
    fn = (actual == 1) & (predicted == 0)
    tn = (actual == 0) & (predicted == 0)
    comp = {"accuracy": (np.std((actual == predicted).astype(float)), 1.0)}
    prec = np.concatenate([np.ones(tp.sum()), np.zeros(fp.sum())])
    comp["precision"] = (np.std(prec), (tp.sum() + fp.sum()) / n)
    rec = np.concatenate([np.ones(tp.sum()), np.zeros(fn.sum())])
    comp["recall"] = (np.std(rec), actual.sum() / n)
    spec = np.concatenate([np.ones(tn.sum()), np.zeros(fp.sum())])
    comp["specificity"] = (np.std(spec), (tn.sum() + fp.sum()) / n)
    tp_fp_fn = np.concatenate([np.ones(tp.sum()), np.zeros(fn.sum()), np.zeros(fp.sum())])
    factor = len(tp_fp_fn) / ((fn.sum() + fp.sum()) * 0.5 + tp.sum())
    comp["f1"] = (np.std(tp_fp_fn * factor), len(tp_fp_fn) / n)
    y, s = actual.copy(), scores.copy()
    if y.mean() > 0.5:
        y, s = 1 - y, 1 - s
    order = np.argsort(s, kind="stable")
    y = y[order]
    n_neg = (y == 0).sum()
    below = np.cumsum(y == 0)[y == 1] / n_neg  # negatives ranked below each positive
    comp["roc_auc"] = (np.std(below), y.sum() / n)
    return comp


def estimate_roc_auc(p_hat, raw):
    order = np.argsort(-raw, kind="stable")
    p, r = p_hat[order], raw[order]
    tps = np.cumsum(p)
    fps = np.cumsum(1 - p)
    last_of_tie = np.r_[np.where(np.diff(r) != 0)[0], len(r) - 1]
    tpr = np.r_[0, tps[last_of_tie]] / tps[-1]
    fpr = np.r_[0, fps[last_of_tie]] / fps[-1]
    return auc(fpr, tpr)


def cbpe_case():
    rng = np.random.default_rng(2024)
    chunk = 500
    ref_s, ref_p, ref_a = make_rows(rng, 5000)
    tests, before, after = calibration(ref_s, ref_a)
    needs = bool(before > after)
    iso = IsotonicRegression(increasing=True, out_of_bounds="clip").fit(ref_s, ref_a)
    comps = sampling_components(ref_a, ref_p, ref_s)

    thresholds = {}
    for m in METRICS:
        values = np.array([realized(m, ref_a[i:i + chunk], ref_p[i:i + chunk], ref_s[i:i + chunk])
                           for i in range(0, len(ref_a) - chunk + 1, chunk)])
        values = values[~np.isnan(values)]
        mean, std = values.mean(), values.std()
        thresholds[m] = (max(0.0, mean - 3 * std), min(1.0, mean + 3 * std))

    chunks = {
        "unshifted": make_rows(rng, 1000),
        "covariate_shift": make_rows(rng, 1000, x1_mean=0.25, x1_sd=0.35, x2_sd=0.5),
        "concept_shift": make_rows(rng, 1000, concept=True),
    }
    out_chunks = []
    for name, (s, pr, a) in chunks.items():
        p_hat = iso.predict(s) if needs else s
        tp = p_hat[pr == 1].sum()
        fp = (1 - p_hat[pr == 1]).sum()
        fn = p_hat[pr == 0].sum()
        tn = (1 - p_hat[pr == 0]).sum()
        est = {
            "accuracy": (tp + tn) / len(s),
            "precision": tp / (tp + fp),
            "recall": tp / (tp + fn),
            "specificity": tn / (tn + fp),
            "f1": tp / (tp + 0.5 * (fp + fn)),
            "roc_auc": estimate_roc_auc(p_hat, s),
        }
        metrics = []
        for m in METRICS:
            std, frac = comps[m]
            se = std / np.sqrt(len(s) * frac)
            lo, hi = thresholds[m]
            metrics.append({
                "metric": m, "estimate": f(est[m]), "sampling_error": f(se),
                "lower_bound": f(max(0.0, est[m] - 3 * se)), "upper_bound": f(min(1.0, est[m] + 3 * se)),
                "lower_threshold": f(lo), "upper_threshold": f(hi),
                "alert": bool(est[m] < lo or est[m] > hi), "realized": f(realized(m, a, pr, s)),
            })
        out_chunks.append({
            "name": name, "scores": s.tolist(), "predicted": pr.tolist(), "actual": a.tolist(),
            "calibrated": [float(v) for v in p_hat], "expected_confusion": [f(tp), f(fp), f(fn), f(tn)],
            "metrics": metrics,
        })

    return {
        "chunk_size": chunk,
        "reference": {"scores": ref_s.tolist(), "predicted": ref_p.tolist(), "actual": ref_a.tolist()},
        "calibration": {"test_sets": tests, "ece_before": before, "ece_after": after, "needs_calibration": needs},
        "chunks": out_chunks,
    }


# ---------------------------------------------------------------- data reconstruction
def mixed_rows(rng, n, rho):
    a = rng.normal(10, 2, n)
    z = rng.normal(0, 1, n)
    b = 5 + 3 * (rho * (a - 10) / 2 + np.sqrt(1 - rho ** 2) * z)  # corr(a, b) = rho, marginal N(5, 3^2)
    c = rng.normal(0, 1, n) + 0.5 * (a - 10) / 2
    d = rng.exponential(1.0, n)
    cat = rng.choice(["red", "green", "blue"], size=n, p=[0.5, 0.3, 0.2]).astype(object)
    return {"a": a, "b": b, "c": c, "d": d, "cat": cat}


def with_missing(rng, cols, share):
    out = {}
    for name, values in cols.items():
        values = values.copy()
        mask = rng.uniform(0, 1, len(values)) < share
        values[mask] = None if values.dtype == object else np.nan
        out[name] = values
    return out


def reconstruction_case():
    rng = np.random.default_rng(99)
    chunk = 200
    numeric, categorical = ["a", "b", "c", "d"], ["cat"]
    ref = with_missing(rng, mixed_rows(rng, 1200, rho=0.9), 0.02)
    cur = with_missing(rng, mixed_rows(rng, 400, rho=-0.9), 0.02)
    cur["cat"][5] = "purple"  # a label the reference never saw

    imp_num = SimpleImputer(strategy="mean").fit(np.column_stack([ref[c] for c in numeric]))
    cat_ref = np.array(ref["cat"], dtype=object).reshape(-1, 1)
    imp_cat = SimpleImputer(strategy="most_frequent", missing_values=None).fit(cat_ref)
    ref_cat = imp_cat.transform(cat_ref).ravel()
    labels, counts = np.unique(ref_cat, return_counts=True)
    freq = dict(zip(labels, counts / len(ref_cat)))

    def encode(cols):
        num = imp_num.transform(np.column_stack([cols[c] for c in numeric]))
        cat = imp_cat.transform(np.array(cols["cat"], dtype=object).reshape(-1, 1)).ravel()
        return np.column_stack([num, [freq.get(v, 0.0) for v in cat]])

    scaler = StandardScaler().fit(encode(ref))
    pca = PCA(n_components=0.65, svd_solver="full").fit(scaler.transform(encode(ref)))

    def errors(cols):
        z = scaler.transform(encode(cols))
        return np.linalg.norm(z - pca.inverse_transform(pca.transform(z)), axis=1)

    ref_err = errors(ref)
    chunk_means = np.array([ref_err[i:i + chunk].mean() for i in range(0, len(ref_err) - chunk + 1, chunk)])
    cur_err = errors(cur)
    outlier_threshold = np.percentile(ref_err, 99.9)

    def dump(cols):
        return {k: [None if (v is None or (isinstance(v, float) and np.isnan(v))) else (v if isinstance(v, str) else float(v))
                    for v in cols[k]] for k in numeric + categorical}

    return {
        "chunk_size": chunk, "columns": numeric + categorical,
        "reference": dump(ref), "current": dump(cur),
        "components": int(pca.n_components_), "explained_variance": float(pca.explained_variance_ratio_.sum()),
        "reference_errors": ref_err.tolist(), "reference_chunk_means": chunk_means.tolist(),
        "lower_threshold": chunk_means.mean() - 3 * chunk_means.std(),
        "upper_threshold": chunk_means.mean() + 3 * chunk_means.std(),
        "outlier_threshold": float(outlier_threshold),
        "current_errors": cur_err.tolist(), "current_mean_error": float(cur_err.mean()),
        "current_sampling_error": float(ref_err.std(ddof=1) / np.sqrt(len(cur_err))),
        "current_outliers": int((cur_err > outlier_threshold).sum()),
    }


def main():
    result = {
        "generator": f"tests/reference/label_free.py; scikit-learn {sklearn.__version__}, numpy {np.__version__}",
        "isotonic": isotonic_cases(),
        "cbpe": cbpe_case(),
        "reconstruction": reconstruction_case(),
    }
    json.dump(result, sys.stdout, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
