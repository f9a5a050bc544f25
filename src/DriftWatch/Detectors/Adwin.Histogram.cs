using System.Runtime.Intrinsics;

namespace DriftWatch.Detectors;

/// <summary>The exponential histogram: merging new values into the rows, dropping the oldest bucket.</summary>
public sealed partial class Adwin
{
    // Row r's buckets are _totals/_variances[r * _stride .. + _counts[r]], oldest first; row 0 is the newest. A row
    // holds at most max_buckets buckets between merges; the spare room takes the buckets it receives in one merge.
    // Row 0 holds single values, whose variance is 0 (its _variances entries are not used), and takes new values
    // directly: _fill is its live length, _counts[0] its length at the last merge.
    private readonly int _stride;
    private double[] _totals;
    private double[] _variances;
    private int[] _counts;
    private int _rows;
    private int _fill;

    // Σ|x| of the values inserted since the last reset (or a bound restored from a snapshot): bounds every partial
    // sum of the scan, for its rounding-error allowance.
    private double _absoluteSum;

    // 2^row, exactly.
    private static double Pow2(int row) => BitConverter.Int64BitsToDouble((1023L + row) << 52);

    // 2^−row, exactly: dividing by 2^row and multiplying by this round the same exact quotient, so they agree to the bit.
    private static double InversePow2(int row) => BitConverter.Int64BitsToDouble((1023L - row) << 52);

    // Brings the rows to what River's _compress_buckets leaves after the same insertions. A row that reaches
    // max_buckets + 1 entries merges its two oldest into the next row, so a row of L buckets merges its oldest pairs,
    // 1 + (L − max_buckets − 1)/2 of them when L > max_buckets, and keeps the rest; each merge depends only on its
    // pair, so merging a run of insertions at once changes no value.
    private void MergePending()
    {
        int fill = _fill;
        int previous = _counts[0];
        if (fill == previous)
        {
            return;
        }

        _absoluteSum += SumOfMagnitudes(_totals.AsSpan(previous, fill - previous));
        _counts[0] = fill;
        for (int row = 0; MergeRow(row); row++)
        {
        }

        _fill = _counts[0];
        _accounted = _fill;
    }

    // Merges the row's oldest pairs into the next row (created if needed); returns whether the next row received any.
    private bool MergeRow(int row)
    {
        int length = _counts[row];
        if (length <= _maxBuckets)
        {
            return false;
        }

        if (row + 1 == _rows)
        {
            EnsureRows(row + 2);
            _counts[row + 1] = 0;
            _rows++;
        }

        unchecked
        {
            int merges = 1 + ((length - _maxBuckets - 1) / 2);
            var totals = _totals.AsSpan(row * _stride, _stride);
            var variances = _variances.AsSpan(row * _stride, _stride);
            int received = _counts[row + 1];
            var nextTotals = _totals.AsSpan(((row + 1) * _stride) + received, merges);
            var nextVariances = _variances.AsSpan(((row + 1) * _stride) + received, merges);

            // River: n1 = 2^row, μ = total/n1, temp = n1·0.5·(μ1 − μ2)², v12 = v1 + v2 + temp (v = 0 in row 0, so there
            // v12 = 0 + 0 + temp = temp and μ = total).
            if (row == 0)
            {
                for (int j = 0; j < nextTotals.Length; j++)
                {
                    double t1 = totals[2 * j];
                    double t2 = totals[(2 * j) + 1];
                    nextTotals[j] = t1 + t2;
                    nextVariances[j] = 0.5 * (t1 - t2) * (t1 - t2);
                }
            }
            else
            {
                double halfN = Pow2(row) * 0.5;
                double inverseN = InversePow2(row);
                for (int j = 0; j < nextTotals.Length; j++)
                {
                    double t1 = totals[2 * j];
                    double t2 = totals[(2 * j) + 1];
                    double mu1 = t1 * inverseN;
                    double mu2 = t2 * inverseN;
                    nextTotals[j] = t1 + t2;
                    nextVariances[j] = variances[2 * j] + variances[(2 * j) + 1] + (halfN * (mu1 - mu2) * (mu1 - mu2));
                }
            }

            // Keep the newest (at most max_buckets) at the front of the row.
            int keep = length - (2 * merges);
            for (int k = 0; k < keep; k++)
            {
                totals[k] = totals[k + (2 * merges)];
                variances[k] = variances[k + (2 * merges)];
            }

            _counts[row] = keep;
            _counts[row + 1] = received + merges;
        }

        return true;
    }

    // River's _delete_element: drops the oldest bucket (first of the last row) and updates the window statistics.
    private void DeleteOldest()
    {
        int last = _rows - 1;
        int start = last * _stride;
        double n = Pow2(last);
        double u = _totals[start];
        double mu = u * InversePow2(last);
        double v = last == 0 ? 0.0 : _variances[start];

        _width -= n;
        _total -= u;
        double muWindow = _total / _width;
        double incremental = v + (n * _width * (mu - muWindow) * (mu - muWindow) / (n + _width));
        _variance -= incremental;

        int remaining = _counts[last] - 1;
        _totals.AsSpan(start + 1, remaining).CopyTo(_totals.AsSpan(start));
        _variances.AsSpan(start + 1, remaining).CopyTo(_variances.AsSpan(start));
        _counts[last] = remaining;
        if (last == 0)
        {
            _fill = remaining;
            _accounted = remaining;
        }
        else if (remaining == 0)
        {
            _rows--;
        }
    }

    private void EnsureRows(int rows)
    {
        if (rows <= _counts.Length)
        {
            return;
        }

        int capacity = Math.Max(rows, _counts.Length * 2);
        Array.Resize(ref _counts, capacity);
        Array.Resize(ref _totals, capacity * _stride);
        Array.Resize(ref _variances, capacity * _stride);
    }

    // Σ|x|, four lanes at a time; an upper bound only, so the summation order does not matter.
    private static double SumOfMagnitudes(ReadOnlySpan<double> values)
    {
        var sum = Vector256<double>.Zero;
        int i = 0;
        for (; i + 4 <= values.Length; i += 4)
        {
            sum += Vector256.Abs(Vector256.Create(values.Slice(i, 4)));
        }

        double total = Vector256.Sum(sum);
        for (; i < values.Length; i++)
        {
            total += Math.Abs(values[i]);
        }

        return total;
    }
}
