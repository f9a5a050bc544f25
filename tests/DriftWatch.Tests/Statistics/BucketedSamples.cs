namespace DriftWatch.Tests.Statistics;

/// <summary>Seeded sample shapes for the bucketed ks and wasserstein tests: the cases that stress the buckets (ties, a
/// narrow or wide range, signed zeros, an outlier that squeezes the rest into one bucket, disjoint supports).</summary>
internal static class BucketedSamples
{
    /// <summary>Makes one sample.</summary>
    /// <param name="kind">The shape; an unknown name gives standard normal values.</param>
    /// <param name="n">The size.</param>
    /// <param name="random">The seeded source.</param>
    /// <param name="second">Whether this is the second sample of a pair (some shapes differ between the two).</param>
    /// <returns>The values.</returns>
    public static double[] Make(string kind, int n, Random random, bool second)
    {
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = kind switch
            {
                "normal" or "identical" => Normal(),
                "shifted" => Normal() + (second ? 0.05 : 0),
                "ties" => Math.Round(Normal() * 20) / 20,
                "integers" => random.Next(0, 30),
                "narrow" => 1000 + (1e-9 * Normal()) + (second ? 1e-10 : 0),
                "disjoint" => second ? 10 + random.NextDouble() : random.NextDouble(),
                "signedzeros" => random.Next(3) switch { 0 => second ? -0.0 : 0.0, 1 => second ? 0.0 : -0.0, _ => Normal() * 1e-300 },
                "offset" => 5000 + Normal(),
                "wide" => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30)),
                "onesided" => second ? Math.Abs(Normal()) : -Math.Abs(Normal()) + 0.5,
                "outlier" => i == 0 && second ? 1e4 : Normal(),
                _ => Normal(),
            };
        }

        return values;
    }
}
