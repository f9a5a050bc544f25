namespace DriftWatch.Statistics;

/// <summary>
/// The distribution of the one-sample two-sided Kolmogorov-Smirnov statistic Dₙ (scipy's <c>kstwo</c>), and the
/// one-sided Smirnov distribution Dₙ⁺ (scipy's <c>special.smirnov</c>).
/// </summary>
/// <remarks>
/// <para>The survival function follows Simard and L'Ecuyer (2011) exactly as scipy's <c>_ksstats._kolmogn</c> does:
/// Ruben-Gambino closed forms for t = n·x ≤ 1 and t ≥ n − 1; 2·smirnov(n, x) for x ≥ 0.5; for n ≤ 140 the
/// Durbin matrix (Marsaglia-Tsang-Wang) when n·x² ≤ 0.754693, Pomeranz's recursion when n·x² ≤ 4, else
/// 2·smirnov(n, x); for n &gt; 140 the survival function is 0 when n·x² ≥ 370, 2·smirnov(n, x) when n·x² ≥ 2.2, else
/// 1 − CDF with the CDF from the Durbin matrix (n ≤ 100 000 and n·x^1.5 ≤ 1.4) or the Pelz-Good expansion.</para>
/// <para>smirnov(n, x) = x · Σ_{v=0}^{⌊n(1−x)⌋} C(n, v) (x + v/n)^(v−1) (1 − x − v/n)^(n−v) (Birnbaum-Tingey),
/// summed with compensation in log space from the exact integer/fraction split of n·x, as scipy's cephes
/// <c>kolmogorov.c</c> does in double-double arithmetic.</para>
/// <para>Hand-written because MathNet.Numerics has neither the finite-n Kolmogorov distribution nor Smirnov's.</para>
/// <threadsafety>Stateless; safe to call from any thread.</threadsafety>
/// </remarks>
internal static class KolmogorovDistribution
{
    private const double Ep128 = 3.4028236692093846e38; // 2^128
    private const double Em128 = 2.9387358770557188e-39; // 2^-128
    private const int E128 = 128;
    private const double MinLogCephes = -7.451332191019412076235e2;
    private const int SmirnovMaxComputeN = 1_000_000;
    private const double DblEpsilon = 2.220446049250313e-16;

    private static readonly double Sqrt2Pi = Math.Sqrt(2 * Math.PI);
    private static readonly double Log2Pi = Math.Log(2 * Math.PI);
    private static readonly double PiSquared = Math.PI * Math.PI;
    private static readonly double PiFour = Math.Pow(Math.PI, 4);
    private static readonly double PiSix = Math.Pow(Math.PI, 6);

    // Stirling coefficients B_{2j}/(2j)/(2j-1) for j = 8..1 (highest power first).
    private static readonly double[] StirlingCoeffs =
    [
        -2.955065359477124183e-2, 6.4102564102564102564e-3,
        -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4,
        -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ];

    /// <summary>Pr(Dₙ ≥ x) for the one-sample two-sided statistic (scipy <c>kstwo.sf(x, n)</c>).</summary>
    /// <param name="x">The statistic value.</param>
    /// <param name="n">The sample size (a positive integer value).</param>
    /// <returns>The survival probability in [0, 1]; NaN for an invalid n.</returns>
    public static double Sf(double x, double n)
    {
        if (double.IsNaN(n) || double.IsNaN(x) || n <= 0 || Math.Floor(n) != n)
        {
            return double.NaN;
        }

        if (n > int.MaxValue)
        {
            return double.NaN;
        }

        var ni = (int)n;
        return Kolmogn(ni, x, cdf: false);
    }

    /// <summary>Pr(Dₙ ≤ x) for the one-sample two-sided statistic (scipy <c>kstwo.cdf(x, n)</c>).</summary>
    /// <param name="x">The statistic value.</param>
    /// <param name="n">The sample size.</param>
    /// <returns>The cumulative probability in [0, 1].</returns>
    public static double Cdf(double x, int n) => Kolmogn(n, x, cdf: true);

    /// <summary>Pr(Dₙ⁺ ≥ x), the one-sided Smirnov survival function (scipy <c>special.smirnov(n, x)</c>).</summary>
    /// <param name="n">The sample size.</param>
    /// <param name="x">The statistic value in [0, 1].</param>
    /// <returns>The survival probability.</returns>
    public static double Smirnov(int n, double x)
    {
        if (!(n > 0 && x >= 0.0 && x <= 1.0))
        {
            return double.NaN;
        }

        if (n == 1)
        {
            return 1 - x;
        }

        if (x == 0.0)
        {
            return 1.0;
        }

        if (x == 1.0)
        {
            return 0.0;
        }

        // n·x split exactly into floor and fraction (the product is exact as hi + lo).
        var nx = n * x;
        var lo = Math.FusedMultiplyAdd(n, x, -nx);
        var nxfl = Math.Floor(nx);
        var alpha = (nx - nxfl) + lo;
        if (alpha < 0)
        {
            nxfl -= 1;
            alpha += 1;
        }

        if (alpha >= 1)
        {
            nxfl += 1;
            alpha -= 1;
        }

        var nxFloor = (int)nxfl;
        var n1mxfl = n - nxFloor - (alpha == 0 ? 0 : 1);
        if (alpha == 0)
        {
            n1mxfl -= 1;
        }

        if (nxFloor == 0 || (nxFloor == 1 && alpha == 0))
        {
            // x <= 1/n: cdf = x (1 + x)^(n-1).
            var cdf = x * Math.Pow(1 + x, n - 1);
            return Math.Clamp(1 - cdf, 0, 1);
        }

        if (-2 * n * x * x < MinLogCephes)
        {
            return 0.0;
        }

        if (nxFloor >= n - 1)
        {
            return Math.Clamp(Math.Pow(1 - x, n), 0, 1);
        }

        if (n > SmirnovMaxComputeN)
        {
            // p ~ exp(-(6nx+1)^2 / 18n), as scipy does for very large n.
            var logp = -Math.Pow((6.0 * n * x) + 1, 2) / 18.0 / n;
            return logp < -Math.Log(2) ? Math.Exp(logp) : 1 - (-double.ExpM1(logp));
        }

        // Lower sum: every term is positive, so plain double in log space (with compensated summation) keeps
        // about 1e-12 relative accuracy; scipy's upper-sum branch only applies to x <= 0.5/sqrt(n) with at most
        // three terms, which the Kolmogorov survival function never asks for.
        var nTerms = n1mxfl + 1;
        var vmid = n / 2;
        var ln2 = Math.Log(2);

        // A_0 = (1 - x)^n / x
        var logA0 = (n * Math.Log(((n - nxFloor) - alpha) / n)) - Math.Log(x);
        var sum = Math.Exp(logA0);
        var comp = 0.0;
        double cman = 1.0;
        var cexpt = 0;
        UpdateBinomial(ref cman, ref cexpt, n, 0);
        for (var j = 1; j < nTerms; j++)
        {
            var v = j;
            var b1 = ((nxFloor + v) + alpha) / n; // x + v/n
            var b2 = ((n - nxFloor - v) - alpha) / n; // 1 - x - v/n
            var logAv = Math.Log(cman) + (cexpt * ln2) + ((v - 1) * Math.Log(b1)) + ((n - v) * Math.Log(b2));
            var av = Math.Exp(logAv);
            if (double.IsFinite(av) && av != 0)
            {
                var y = av - comp;
                var t = sum + y;
                comp = (t - sum) - y;
                sum = t;
            }

            if (av != 0)
            {
                if (4.0 * (nTerms - j) * Math.Abs(av) < DblEpsilon * sum && j != nTerms - 1)
                {
                    break;
                }
            }
            else if (j > vmid)
            {
                break;
            }

            UpdateBinomial(ref cman, ref cexpt, n, j);
        }

        return Math.Clamp(x * sum, 0, 1);
    }

    private static void UpdateBinomial(ref double cman, ref int cexpt, int n, int j)
    {
        var man = cman * ((double)(n - j) / (j + 1.0));
        var e = Math.ILogB(man) + 1;
        cman = Math.ScaleB(man, -e);
        cexpt += e;
    }

    private static double SelectAndClip(double cdfProb, double sfProb, bool cdf) => Math.Clamp(cdf ? cdfProb : sfProb, 0.0, 1.0);

    private static double Kolmogn(int n, double x, bool cdf)
    {
        if (x >= 1.0)
        {
            return SelectAndClip(1.0, 0.0, cdf);
        }

        if (x <= 0.0)
        {
            return SelectAndClip(0.0, 1.0, cdf);
        }

        var t = n * x;
        if (t <= 1.0)
        {
            if (t <= 0.5)
            {
                return SelectAndClip(0.0, 1.0, cdf);
            }

            double prob;
            if (n <= 140)
            {
                prob = 1.0;
                for (var i = 1; i <= n; i++)
                {
                    prob *= i * (1.0 / n) * ((2 * t) - 1);
                }
            }
            else
            {
                prob = Math.Exp(LogNFactorialDivNPowN(n) + (n * Math.Log((2 * t) - 1)));
            }

            return SelectAndClip(prob, 1.0 - prob, cdf);
        }

        if (t >= n - 1)
        {
            var prob = 2 * Math.Pow(1.0 - x, n);
            return SelectAndClip(1 - prob, prob, cdf);
        }

        if (x >= 0.5)
        {
            var prob = 2 * Smirnov(n, x);
            return SelectAndClip(1.0 - prob, prob, cdf);
        }

        var nxsquared = t * x;
        if (n <= 140)
        {
            if (nxsquared <= 0.754693)
            {
                var prob = Durbin(n, x);
                return SelectAndClip(prob, 1.0 - prob, cdf);
            }

            if (nxsquared <= 4)
            {
                var prob = Pomeranz(n, x);
                return SelectAndClip(prob, 1.0 - prob, cdf);
            }

            var p2 = 2 * Smirnov(n, x);
            return SelectAndClip(1.0 - p2, p2, cdf);
        }

        if (!cdf)
        {
            if (nxsquared >= 370.0)
            {
                return 0.0;
            }

            if (nxsquared >= 2.2)
            {
                return Math.Clamp(2 * Smirnov(n, x), 0.0, 1.0);
            }
        }

        double cdfprob;
        if (nxsquared >= 18.0)
        {
            cdfprob = 1.0;
        }
        else if (n <= 100000 && n * Math.Pow(x, 1.5) <= 1.4)
        {
            cdfprob = Durbin(n, x);
        }
        else
        {
            cdfprob = PelzGood(n, x);
        }

        return SelectAndClip(cdfprob, 1.0 - cdfprob, cdf);
    }

    private static double LogNFactorialDivNPowN(int n)
    {
        // log(n!/n^n) by Stirling with n log n removed up front to avoid cancellation.
        var rn = 1.0 / n;
        var x = rn / n;
        var poly = 0.0;
        foreach (var c in StirlingCoeffs)
        {
            poly = (poly * x) + c;
        }

        return (Math.Log(n) / 2) - n + (Log2Pi / 2) + (rn * poly);
    }

    /// <summary>Pr(Dₙ ≤ d) by the Durbin matrix algorithm in the Marsaglia-Tsang-Wang form, with scaling.</summary>
    private static double Durbin(int n, double d)
    {
        if (d >= 1.0)
        {
            return 1.0;
        }

        var nd = n * d;
        if (nd <= 0.5)
        {
            return 0.0;
        }

        var k = (int)Math.Ceiling(nd);
        var h = k - nd;
        var m = (2 * k) - 1;
        var hm = new double[m, m];
        var v = new double[m];
        var w = new double[m];
        var fac = 1.0;
        for (var j = 1; j <= m; j++)
        {
            v[j - 1] = 1.0 - Math.Pow(h, j);
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] *= fac;
        }

        var tt = Math.Pow(Math.Max((2 * h) - 1.0, 0), m) - (2 * Math.Pow(h, m));
        v[m - 1] = (1.0 + tt) * fac;
        for (var i = 1; i < m; i++)
        {
            for (var r = i - 1; r < m; r++)
            {
                hm[r, i] = w[r - (i - 1)];
            }
        }

        for (var r = 0; r < m; r++)
        {
            hm[r, 0] = v[r];
        }

        for (var c = 0; c < m; c++)
        {
            hm[m - 1, c] = v[m - 1 - c];
        }

        var hpwr = new double[m, m];
        for (var i = 0; i < m; i++)
        {
            hpwr[i, i] = 1.0;
        }

        var nn = n;
        var expnt = 0;
        var hexpnt = 0;
        while (nn > 0)
        {
            if (nn % 2 == 1)
            {
                hpwr = MatMul(hpwr, hm, m);
                expnt += hexpnt;
            }

            hm = MatMul(hm, hm, m);
            hexpnt *= 2;
            if (Math.Abs(hm[k - 1, k - 1]) > Ep128)
            {
                for (var r = 0; r < m; r++)
                {
                    for (var c = 0; c < m; c++)
                    {
                        hm[r, c] /= Ep128;
                    }
                }

                hexpnt += E128;
            }

            nn /= 2;
        }

        var p = hpwr[k - 1, k - 1];
        for (var i = 1; i <= n; i++)
        {
            p = i * p / n;
            if (Math.Abs(p) < Em128)
            {
                p *= Ep128;
                expnt -= E128;
            }
        }

        if (expnt != 0)
        {
            p = Math.ScaleB(p, expnt);
        }

        return Math.Clamp(p, 0.0, 1.0);
    }

    private static double[,] MatMul(double[,] a, double[,] b, int m)
    {
        var c = new double[m, m];
        for (var i = 0; i < m; i++)
        {
            for (var l = 0; l < m; l++)
            {
                var ail = a[i, l];
                if (ail == 0)
                {
                    continue;
                }

                for (var j = 0; j < m; j++)
                {
                    c[i, j] += ail * b[l, j];
                }
            }
        }

        return c;
    }

    private static (int J1, int J2) PomeranzJ1J2(int i, int n, int ll, int ceilf, int roundf)
    {
        int j1, j2;
        if (i == 0)
        {
            j1 = -ll - ceilf - 1;
            j2 = ll + ceilf - 1;
        }
        else
        {
            var ip1div2 = (i + 1) / 2;
            var ip1mod2 = (i + 1) % 2;
            if (ip1mod2 == 0)
            {
                if (ip1div2 == n + 1)
                {
                    j1 = n - ll - ceilf - 1;
                    j2 = n + ll + ceilf - 1;
                }
                else
                {
                    j1 = ip1div2 - 1 - ll - roundf - 1;
                    j2 = ip1div2 + ll - 1 + ceilf - 1;
                }
            }
            else
            {
                j1 = ip1div2 - 1 - ll - 1;
                j2 = ip1div2 + ll + roundf - 1;
            }
        }

        return (Math.Max(j1 + 2, 0), Math.Min(j2, n));
    }

    /// <summary>Pr(Dₙ ≤ x) by Pomeranz's recursion (1974), with scaling.</summary>
    private static double Pomeranz(int n, double x)
    {
        var t = n * x;
        var ll = (int)Math.Floor(t);
        var f = t - ll;
        var g = Math.Min(f, 1.0 - f);
        var ceilf = f > 0 ? 1 : 0;
        var roundf = f > 0.5 ? 1 : 0;
        var npwrs = 2 * (ll + 1);
        var gpower = new double[npwrs];
        var twogpower = new double[npwrs];
        var onem2gpower = new double[npwrs];
        gpower[0] = 1.0;
        twogpower[0] = 1.0;
        onem2gpower[0] = 1.0;
        var expnt = 0;
        double gOverN = g / n, twoGOverN = 2 * g / n, oneMinusTwoGOverN = (1 - (2 * g)) / n;
        for (var m = 1; m < npwrs; m++)
        {
            gpower[m] = gpower[m - 1] * gOverN / m;
            twogpower[m] = twogpower[m - 1] * twoGOverN / m;
            onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
        }

        var v0 = new double[npwrs];
        var v1 = new double[npwrs];
        v1[0] = 1;
        int v0s = 0, v1s = 0;
        var (j1, j2) = PomeranzJ1J2(0, n, ll, ceilf, roundf);
        for (var i = 1; i < (2 * n) + 2; i++)
        {
            var k1 = j1;
            (v0, v1) = (v1, v0);
            (v0s, v1s) = (v1s, v0s);
            Array.Clear(v1);
            (j1, j2) = PomeranzJ1J2(i, n, ll, ceilf, roundf);
            var pwrs = i == 1 || i == (2 * n) + 1 ? gpower : (i % 2 == 1 ? twogpower : onem2gpower);
            var ln2 = j2 - k1 + 1;
            if (ln2 > 0)
            {
                var convStart = j1 - k1;
                var convLen = j2 - j1 + 1;
                var baseIdx = k1 - v0s;

                // numpy clips both slices at the end of their arrays.
                var la = Math.Min(ln2, npwrs - baseIdx);
                var lp = Math.Min(ln2, npwrs);
                var maxV = 0.0;
                for (var c = 0; c < convLen; c++)
                {
                    // Full convolution entry (convStart + c) of V0[k1-V0s ..+ln2] with pwrs[..ln2].
                    var idx = convStart + c;
                    var s = 0.0;
                    var lo = Math.Max(0, idx - (lp - 1));
                    var hi = Math.Min(idx, la - 1);
                    for (var a = lo; a <= hi; a++)
                    {
                        s += v0[baseIdx + a] * pwrs[idx - a];
                    }

                    v1[c] = s;
                    maxV = Math.Max(maxV, s);
                }

                if (maxV > 0 && maxV < Em128)
                {
                    for (var c = 0; c < npwrs; c++)
                    {
                        v1[c] *= Ep128;
                    }

                    expnt -= E128;
                }

                v1s = v0s + j1 - k1;
            }
        }

        var ans = v1[n - v1s];
        for (var m = 1; m <= n; m++)
        {
            if (Math.Abs(ans) > Ep128)
            {
                ans *= Em128;
                expnt += E128;
            }

            ans *= m;
        }

        if (expnt != 0)
        {
            ans = Math.ScaleB(ans, expnt);
        }

        return Math.Clamp(ans, 0.0, 1.0);
    }

    /// <summary>The Pelz-Good (1976) approximation to Pr(Dₙ ≤ x).</summary>
    private static double PelzGood(int n, double x)
    {
        if (x <= 0.0)
        {
            return 0.0;
        }

        if (x >= 1.0)
        {
            return 1.0;
        }

        var z = Math.Sqrt(n) * x;
        double zsquared = z * z, zthree = z * z * z, zfour = Math.Pow(z, 4), zsix = Math.Pow(z, 6);
        var qlog = -PiSquared / 8 / zsquared;
        if (qlog < -708)
        {
            return 0.0;
        }

        var q = Math.Exp(qlog);
        var k1a = -zsquared;
        var k1b = PiSquared / 4;
        var k2a = (6 * zsix) + (2 * zfour);
        var k2b = ((2 * zfour) - (5 * zsquared)) * PiSquared / 4;
        var k2c = PiFour * (1 - (2 * zsquared)) / 16;
        var k3d = PiSix * (5 - (30 * zsquared)) / 64;
        var k3c = PiFour * ((-60 * zsquared) + (212 * zfour)) / 16;
        var k3b = PiSquared * ((135 * zfour) - (96 * zsix)) / 4;
        var k3a = (-30 * zsix) - (90 * Math.Pow(z, 8));

        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var maxk = (int)Math.Ceiling(16 * z / Math.PI);
        for (var k = maxk; k > 0; k--)
        {
            double mm = (2 * k) - 1;
            double msq = mm * mm, mfour = Math.Pow(mm, 4), msix = Math.Pow(mm, 6);
            var qpower = Math.Pow(q, 8 * k);
            s0 = (s0 * qpower) + 1.0;
            s1 = (s1 * qpower) + (k1a + (k1b * msq));
            s2 = (s2 * qpower) + (k2a + (k2b * msq) + (k2c * mfour));
            s3 = (s3 * qpower) + (k3a + (k3b * msq) + (k3c * mfour) + (k3d * msix));
        }

        s0 = s0 * q * Sqrt2Pi / z;
        s1 = s1 * q * Sqrt2Pi / (6 * zfour);
        s2 = s2 * q * Sqrt2Pi / (72 * Math.Pow(z, 7));
        s3 = s3 * q * Sqrt2Pi / (6480 * Math.Pow(z, 10));

        var q2 = Math.Exp(-PiSquared / 2 / zsquared);
        var sqrt3z = Math.Sqrt(3) * z;
        double k2extra = 0, k3extra = 0;
        for (var k = maxk; k > 0; k--)
        {
            double ksq = (double)k * k;
            var qp = Math.Pow(q2, ksq);
            k2extra += ksq * qp;
            var kspi = Math.PI * k;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp;
        }

        k2extra *= PiSquared * Sqrt2Pi / (-36 * zthree);
        k3extra *= PiSquared * Sqrt2Pi / (216 * zsix);
        s2 += k2extra;
        s3 += k3extra;
        s1 /= Math.Pow(n, 0.5);
        s2 /= n;
        s3 /= Math.Pow(n, 1.5);
        return s0 + s1 + s2 + s3;
    }
}
