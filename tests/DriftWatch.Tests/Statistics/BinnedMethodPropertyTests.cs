using DriftWatch.Statistics;
using FsCheck;
using FsCheck.Xunit;

namespace DriftWatch.Tests.Statistics;

/// <summary>Invariants of the binned and categorical methods over generated samples (fixed replay seed, so deterministic).</summary>
public sealed class BinnedMethodPropertyTests
{
    private const string Seed = "(20261127,12345)";
    private static readonly double MaxJensenShannon = Math.Sqrt(Math.Log(2));
    private static readonly DriftProfile[] Profiles = [DriftProfile.Evidently, DriftProfile.Native];

    private static IDriftMethod Method(string name) => DriftMethods.TryGet(name, out var m) ? m : throw new InvalidOperationException(name);

    private static ColumnSample Numbers(NonEmptyArray<NormalFloat> values) => ColumnSample.FromNumbers([.. values.Get.Select(v => v.Get)]);

    private static ColumnSample Labels(NonEmptyArray<byte> values) => ColumnSample.FromCategories([.. values.Get.Select(v => "c" + (v % 6))]);

    private static ColumnSample BinaryLabels(NonEmptyArray<bool> values) => ColumnSample.FromCategories([.. values.Get.Select(v => v ? "yes" : "no")]);

    [Property(Replay = Seed, MaxTest = 200)]
    public void Psi_AnyNumericalSamples_IsNonNegative(NonEmptyArray<NormalFloat> a, NonEmptyArray<NormalFloat> b)
    {
        foreach (var profile in Profiles)
        {
            var psi = Method("psi").Compute(Numbers(a), Numbers(b), profile, 0.1).Score;

            Assert.True(psi >= 0, $"{profile}: {psi}");
        }
    }

    [Property(Replay = Seed, MaxTest = 200)]
    public void Distances_IdenticalSamples_AreZero(NonEmptyArray<NormalFloat> a, NonEmptyArray<byte> labels)
    {
        foreach (var profile in Profiles)
        {
            foreach (var name in new[] { "psi", "kl_div", "jensenshannon" })
            {
                Assert.Equal(0.0, Method(name).Compute(Numbers(a), Numbers(a), profile, 0.1).Score);
                Assert.Equal(0.0, Method(name).Compute(Labels(labels), Labels(labels), profile, 0.1).Score);
            }

            // Σ sqrt(p·p) rounds to 1 within a few ulps, so H = sqrt(1 − BC) is at most about 1e-8, as in Evidently.
            Assert.InRange(Method("hellinger").Compute(Numbers(a), Numbers(a), profile, 0.1).Score, 0.0, 1e-7);
            Assert.InRange(Method("hellinger").Compute(Labels(labels), Labels(labels), profile, 0.1).Score, 0.0, 1e-7);
        }
    }

    [Property(Replay = Seed, MaxTest = 200)]
    public void JensenShannon_Categorical_IsSymmetricAndBounded(NonEmptyArray<byte> a, NonEmptyArray<byte> b)
    {
        foreach (var profile in Profiles)
        {
            var js = Method("jensenshannon");

            var ab = js.Compute(Labels(a), Labels(b), profile, 0.1).Score;
            var ba = js.Compute(Labels(b), Labels(a), profile, 0.1).Score;

            Assert.Equal(ab, ba, 15);
            Assert.InRange(ab, 0.0, MaxJensenShannon + 1e-15);
        }
    }

    [Property(Replay = Seed, MaxTest = 200)]
    public void JensenShannon_Numerical_IsBoundedBySqrtLn2(NonEmptyArray<NormalFloat> a, NonEmptyArray<NormalFloat> b)
    {
        foreach (var profile in Profiles)
        {
            var js = Method("jensenshannon").Compute(Numbers(a), Numbers(b), profile, 0.1).Score;

            Assert.InRange(js, 0.0, MaxJensenShannon + 1e-15);
        }
    }

    [Property(Replay = Seed, MaxTest = 200)]
    public void Hellinger_Numerical_IsSymmetricAndInUnitInterval(NonEmptyArray<NormalFloat> a, NonEmptyArray<NormalFloat> b)
    {
        var h = Method("hellinger");

        var ab = h.Compute(Numbers(a), Numbers(b), DriftProfile.Evidently, 0.1).Score;
        var ba = h.Compute(Numbers(b), Numbers(a), DriftProfile.Evidently, 0.1).Score;

        Assert.Equal(ab, ba, 14);
        Assert.InRange(ab, 0.0, 1.0);
    }

    [Property(Replay = Seed, MaxTest = 100)]
    public void Tests_AnyCategoricalSamples_PValueInUnitInterval(NonEmptyArray<byte> a, NonEmptyArray<byte> b)
    {
        foreach (var profile in Profiles)
        {
            foreach (var name in new[] { "chisquare", "z", "TVD" })
            {
                var p = Method(name).Compute(Labels(a), Labels(b), profile, 0.05).Score;

                Assert.True(double.IsNaN(p) || p is >= 0 and <= 1, $"{name}/{profile}: {p}");
            }

            var g = Method("g_test").Compute(Labels(a), Labels(b), DriftProfile.Native, 0.1).Score;
            Assert.InRange(g, 0.0, 1.0);
        }
    }

    [Property(Replay = Seed, MaxTest = 100)]
    public void FisherExact_AnyBinarySamples_PValueInUnitInterval(NonEmptyArray<bool> a, NonEmptyArray<bool> b)
    {
        var p = Method("fisher_exact").Compute(BinaryLabels(a), BinaryLabels(b), DriftProfile.Native, 0.1).Score;

        Assert.InRange(p, 0.0, 1.0);
    }

    [Property(Replay = Seed, MaxTest = 100)]
    public void AllMethods_ReversedRowOrder_SameResult(NonEmptyArray<NormalFloat> a, NonEmptyArray<NormalFloat> b, NonEmptyArray<byte> c, NonEmptyArray<byte> d)
    {
        foreach (var profile in Profiles)
        {
            foreach (var name in new[] { "psi", "kl_div", "jensenshannon", "hellinger" })
            {
                var forward = Method(name).Compute(Numbers(a), Numbers(b), profile, 0.1);
                var reversed = Method(name).Compute(Numbers(Reverse(a)), Numbers(Reverse(b)), profile, 0.1);

                Assert.Equal(forward, reversed);
            }

            foreach (var name in new[] { "psi", "kl_div", "jensenshannon", "hellinger", "chisquare", "z", "TVD" })
            {
                var forward = Method(name).Compute(Labels(c), Labels(d), profile, 0.1);
                var reversed = Method(name).Compute(Labels(Reverse(c)), Labels(Reverse(d)), profile, 0.1);

                Assert.Equal(forward, reversed);
            }
        }
    }

    private static NonEmptyArray<T> Reverse<T>(NonEmptyArray<T> values) => NonEmptyArray<T>.NewNonEmptyArray([.. values.Get.Reverse()]);
}
