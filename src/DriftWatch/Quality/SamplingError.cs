namespace DriftWatch.Quality;

/// <summary>
/// Per-metric sampling-error components learned from labelled reference rows, as NannyML's
/// <c>sampling_error.binary_classification</c> defines them.
/// </summary>
/// <remarks>
/// Each metric is written as a mean over the rows it depends on: accuracy over all rows of the 0/1 correctness vector;
/// precision over predicted positives (TP → 1, FP → 0); recall over actual positives (TP → 1, FN → 0); specificity over
/// actual negatives (TN → 1, FP → 0); F1 over TP, FP and FN rows (TP → c, others 0, c = |rows| / (TP + (FP + FN)/2)).
/// The component is the population standard deviation σ of that vector and the fraction f of all rows it covers; the
/// sampling error of a chunk of n rows is σ / √(n·f). ROC AUC uses the Mann-Whitney form: after making class 1 the
/// minority (flipping labels and scores when the positive share exceeds ½), σ is the standard deviation over positives of
/// the share of negatives scored below each, and f the positive share. NannyML drops the lowest-ranked positive when it is
/// ranked first; this does not (identical otherwise). Ties are ordered by row index (a stable sort).
/// <threadsafety>Immutable; safe to use from any thread.</threadsafety>
/// </remarks>
internal sealed class SamplingError
{
    private readonly double[] _std;
    private readonly double[] _fraction;

    private SamplingError(double[] std, double[] fraction)
    {
        _std = std;
        _fraction = fraction;
    }

    public double StandardDeviation(CbpeMetric metric) => _std[(int)metric];

    public double Fraction(CbpeMetric metric) => _fraction[(int)metric];

    public static SamplingError Fit(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted, ReadOnlySpan<double> scores)
    {
        var n = actual.Length;
        var c = ClassificationMetrics.Confusion(actual, predicted);
        var std = new double[6];
        var fraction = new double[6];

        // A 0/1 vector with k ones among m has population standard deviation sqrt(p(1 − p)), p = k / m.
        std[(int)CbpeMetric.Accuracy] = BernoulliStd(c.TruePositives + c.TrueNegatives, n);
        fraction[(int)CbpeMetric.Accuracy] = 1.0;
        std[(int)CbpeMetric.Precision] = BernoulliStd(c.TruePositives, c.TruePositives + c.FalsePositives);
        fraction[(int)CbpeMetric.Precision] = (c.TruePositives + c.FalsePositives) / n;
        std[(int)CbpeMetric.Recall] = BernoulliStd(c.TruePositives, c.TruePositives + c.FalseNegatives);
        fraction[(int)CbpeMetric.Recall] = (c.TruePositives + c.FalseNegatives) / n;
        std[(int)CbpeMetric.Specificity] = BernoulliStd(c.TrueNegatives, c.TrueNegatives + c.FalsePositives);
        fraction[(int)CbpeMetric.Specificity] = (c.TrueNegatives + c.FalsePositives) / n;

        var relevant = c.TruePositives + c.FalsePositives + c.FalseNegatives;
        var factor = relevant / (c.TruePositives + (0.5 * (c.FalsePositives + c.FalseNegatives)));
        std[(int)CbpeMetric.F1] = BernoulliStd(c.TruePositives, relevant) * factor;
        fraction[(int)CbpeMetric.F1] = relevant / n;

        (std[(int)CbpeMetric.RocAuc], fraction[(int)CbpeMetric.RocAuc]) = RocAucComponents(actual, scores);
        return new SamplingError(std, fraction);
    }

    public double For(CbpeMetric metric, int rows) =>
        _std[(int)metric] / Math.Sqrt(rows * _fraction[(int)metric]);

    private static double BernoulliStd(double ones, double count)
    {
        if (count <= 0)
        {
            return double.NaN;
        }

        var p = ones / count;
        return Math.Sqrt(p * (1 - p));
    }

    private static (double Std, double Fraction) RocAucComponents(ReadOnlySpan<int> actual, ReadOnlySpan<double> scores)
    {
        var n = actual.Length;
        long positives = 0;
        foreach (var a in actual)
        {
            positives += a;
        }

        var flip = positives * 2 > n;
        var y = new int[n];
        var s = new double[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = flip ? 1 - actual[i] : actual[i];
            s[i] = flip ? 1 - scores[i] : scores[i];
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var cmp = s[a].CompareTo(s[b]);
            return cmp != 0 ? cmp : a.CompareTo(b);
        });

        long nPos = 0;
        foreach (var v in y)
        {
            nPos += v;
        }

        var nNeg = n - nPos;
        if (nPos == 0 || nNeg == 0)
        {
            return (double.NaN, (double)nPos / n);
        }

        // Welford over the positives of (negatives ranked below) / nNeg.
        long negativesBelow = 0, count = 0;
        double mean = 0, m2 = 0;
        foreach (var i in order)
        {
            if (y[i] == 0)
            {
                negativesBelow++;
                continue;
            }

            var v = (double)negativesBelow / nNeg;
            count++;
            var delta = v - mean;
            mean += delta / count;
            m2 += delta * (v - mean);
        }

        return (Math.Sqrt(m2 / count), (double)nPos / n);
    }
}
