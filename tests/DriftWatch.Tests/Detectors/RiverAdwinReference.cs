using DriftWatch.Detectors;

namespace DriftWatch.Tests.Detectors;

/// <summary>
/// A straightforward transcription of River's <c>river/drift/adwin_c.pyx</c> (0.24+; <c>AdaptiveWindowing</c> plus the
/// <c>ADWIN</c> wrapper that starts a fresh window after a drift): a list of rows of (total, variance) buckets, River's
/// expressions as written (divisions by 2ⁱ included), no pre-test, no buffering. The optimised <see cref="Adwin"/> is
/// checked against it.
/// </summary>
internal sealed class RiverAdwinReference(AdwinOptions options)
{
    private List<List<(double Total, double Variance)>> _rows = [[]];
    private long _tick;

    public double Width { get; private set; }

    public double Total { get; private set; }

    public double Variance { get; private set; }

    public bool DriftDetected { get; private set; }

    public void Update(double x)
    {
        if (DriftDetected)
        {
            _rows = [[]];
            Width = Total = Variance = 0;
            _tick = 0;
        }

        InsertElement(x);
        DriftDetected = DetectChange();
    }

    private void InsertElement(double value)
    {
        _rows[0].Add((value, 0.0));
        Width += 1;
        double incrementalVariance = 0.0;
        if (Width > 1.0)
        {
            incrementalVariance = (Width - 1.0) * (value - (Total / (Width - 1.0))) * (value - (Total / (Width - 1.0))) / Width;
        }

        Variance += incrementalVariance;
        Total += value;
        CompressBuckets();
    }

    private void CompressBuckets()
    {
        for (int idx = 0; idx < _rows.Count && _rows[idx].Count == options.MaxBuckets + 1; idx++)
        {
            if (idx + 1 == _rows.Count)
            {
                _rows.Add([]);
            }

            var bucket = _rows[idx];
            double n1 = Math.Pow(2, idx);
            double mu1 = bucket[0].Total / n1;
            double mu2 = bucket[1].Total / n1;
            double total12 = bucket[0].Total + bucket[1].Total;
            double temp = n1 * 0.5 * (mu1 - mu2) * (mu1 - mu2);
            double v12 = bucket[0].Variance + bucket[1].Variance + temp;
            _rows[idx + 1].Add((total12, v12));
            bucket.RemoveRange(0, 2);
            if (_rows[idx + 1].Count <= options.MaxBuckets)
            {
                break;
            }
        }
    }

    private double DeleteElement()
    {
        var bucket = _rows[^1];
        double n = Math.Pow(2, _rows.Count - 1);
        double u = bucket[0].Total;
        double mu = u / n;
        double v = bucket[0].Variance;
        Width -= n;
        Total -= u;
        double muWindow = Total / Width;
        double incrementalVariance = v + (n * Width * (mu - muWindow) * (mu - muWindow) / (n + Width));
        Variance -= incrementalVariance;
        bucket.RemoveAt(0);
        if (bucket.Count == 0)
        {
            _rows.RemoveAt(_rows.Count - 1);
        }

        return n;
    }

    private bool DetectChange()
    {
        bool changeDetected = false;
        _tick++;
        if (_tick % options.Clock == 0 && Width > options.GracePeriod)
        {
            bool reduceWidth = true;
            while (reduceWidth)
            {
                reduceWidth = false;
                bool exitFlag = false;
                double n0 = 0.0, n1 = Width, u0 = 0.0, u1 = Total;
                for (int idx = _rows.Count - 1; idx >= 0 && !exitFlag; idx--)
                {
                    var bucket = _rows[idx];
                    double bucketSize = Math.Pow(2, idx);
                    for (int k = 0; k < bucket.Count; k++)
                    {
                        n0 += bucketSize;
                        n1 -= bucketSize;
                        u0 += bucket[k].Total;
                        u1 -= bucket[k].Total;
                        if (idx == 0 && k == bucket.Count - 1)
                        {
                            exitFlag = true;
                            break;
                        }

                        double deltaMean = (u0 / n0) - (u1 / n1);
                        if (n1 >= options.MinWindowLength && n0 >= options.MinWindowLength && EvaluateCut(n0, n1, deltaMean))
                        {
                            reduceWidth = true;
                            changeDetected = true;
                            if (Width > 0)
                            {
                                DeleteElement();
                                exitFlag = true;
                                break;
                            }
                        }
                    }
                }
            }
        }

        return changeDetected;
    }

    private bool EvaluateCut(double n0, double n1, double deltaMean)
    {
        double deltaPrime = Math.Log(2 * Math.Log(Width) / options.Delta);
        double mRecip = (1.0 / (n0 - options.MinWindowLength + 1)) + (1.0 / (n1 - options.MinWindowLength + 1));
        double epsilon = Math.Sqrt(2 * mRecip * (Variance / Width) * deltaPrime) + (2.0 / 3.0 * deltaPrime * mRecip);
        return Math.Abs(deltaMean) > epsilon;
    }
}
