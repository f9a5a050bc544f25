namespace DriftWatch.Detectors;

/// <summary>The cut scan.</summary>
public sealed partial class Adwin
{
    // δ' = ln(2·ln|W|/δ) grows with |W|, so its value at a smaller width bounds it from below; the pre-test uses the
    // value cached at _deltaPrimeWidth for widths up to twice that, which saves two logarithms per scan.
    private double _deltaPrimeWidth;
    private double _deltaPrimeLow;

    // One pass per restart: a cut removes the oldest bucket and the scan starts again, as in River.
    private bool Scan()
    {
        bool change = false;
        while (CutOnce())
        {
            change = true;
        }

        return change;
    }

    private bool CutOnce()
    {
        double width = _width;

        // Division-free pre-test. With G = u₀n₁ − u₁n₀, River's μ₀ − μ₁ = G/(n₀n₁), and since m⁻¹ ≥ 1/n₀ + 1/n₁ = |W|/(n₀n₁),
        // a cut needs ε < |G|/(n₀n₁), hence G² > 2·Var(W)·δ'·n₀n₁ (Var(W) = σ²|W| is River's running sum). The scan
        // skips a cut only when G², computed with an allowance for its rounding, is at most (1 − 10⁻⁹) times that
        // bound taken with a lower bound of δ': River's own test, run for every other cut, would reject it too.
        double deltaPrimeLow = DeltaPrimeLowerBound(width);
        double scale = 2 * _variance * deltaPrimeLow * (1 - 1e-9);

        // |u₀|, |u₁| ≤ 2Σ|x| (with room for rounding), so 10⁻¹⁵(|u₀n₁| + |u₁n₀|) ≤ slack bounds G's rounding error.
        double slack = 1e-15 * (2.002 * _absoluteSum) * width;
        if (!(deltaPrimeLow > 0) || !double.IsFinite(scale * width * width) || !double.IsFinite(slack))
        {
            // Degenerate or overflowing figures: River's test for every cut (NaN makes the pre-test's comparison false).
            scale = double.NaN;
        }

        var cursor = new ScanCursor { N1 = width, U1 = _total, Row = _rows - 1 };
        while (Seek(_totals, _counts, _stride, scale, slack, _minWindowLength, ref cursor))
        {
            if (Cut(cursor.N0, cursor.N1, cursor.U0, cursor.U1))
            {
                DeleteOldest();
                return true;
            }
        }

        return false;
    }

    // Walks the cuts from the cursor, oldest to newest, with River's running n₀, n₁, u₀, u₁, and stops at the next
    // one the pre-test cannot rule out (true) or at the end (false). No calls in the loop, so the sums stay in registers.
    private static bool Seek(double[] totals, int[] counts, int stride, double scale, double slack, double mwl, ref ScanCursor cursor)
    {
        double n0 = cursor.N0;
        double n1 = cursor.N1;
        double u0 = cursor.U0;
        double u1 = cursor.U1;
        int index = cursor.Index;
        unchecked
        {
            for (int row = cursor.Row; row >= 0; row--, index = 0)
            {
                double size = Pow2(row);
                int start = row * stride;

                // River adds row 0's newest bucket and stops: that cut (W₁ empty) is never tested.
                int end = start + counts[row] - (row == 0 ? 1 : 0);
                for (int k = start + index; k < end; k++)
                {
                    double t = totals[k];
                    n0 += size;
                    n1 -= size;
                    u0 += t;
                    u1 -= t;
                    double gap = Math.Abs((u0 * n1) - (u1 * n0)) + slack;
                    if (gap * gap <= scale * (n0 * n1) || n1 < mwl || n0 < mwl)
                    {
                        continue;
                    }

                    cursor = new ScanCursor { N0 = n0, N1 = n1, U0 = u0, U1 = u1, Row = row, Index = k + 1 - start };
                    return true;
                }
            }
        }

        return false;
    }

    // River's _evaluate_cut, operation for operation: |u₀/n₀ − u₁/n₁| > √(2·m⁻¹·(Var/|W|)·δ') + ⅔·δ'·m⁻¹.
    private bool Cut(double n0, double n1, double u0, double u1)
    {
        double deltaMean = (u0 / n0) - (u1 / n1);
        double deltaPrime = Math.Log(2 * Math.Log(_width) / _delta);
        double mwl = _minWindowLength;
        double mRecip = (1.0 / (n0 - mwl + 1)) + (1.0 / (n1 - mwl + 1));
        double epsilon = Math.Sqrt(2 * mRecip * (_variance / _width) * deltaPrime) + (2.0 / 3.0 * deltaPrime * mRecip);
        return Math.Abs(deltaMean) > epsilon;
    }

    private double DeltaPrimeLowerBound(double width)
    {
        if (!(width >= _deltaPrimeWidth && width < 2 * _deltaPrimeWidth))
        {
            _deltaPrimeWidth = width;
            _deltaPrimeLow = Math.Log(2 * Math.Log(width) / _delta);
        }

        return _deltaPrimeLow;
    }

    // Where a scan stands: River's running sums after the cut it last stopped at, and the next bucket (row, index in row).
    private struct ScanCursor
    {
        public double N0;
        public double N1;
        public double U0;
        public double U1;
        public int Row;
        public int Index;
    }
}
