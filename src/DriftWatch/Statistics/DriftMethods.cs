namespace DriftWatch.Statistics;

/// <summary>The registry of drift methods by their Evidently names.</summary>
/// <remarks><threadsafety>Immutable; safe to use from any thread.</threadsafety></remarks>
public static class DriftMethods
{
    private static readonly Dictionary<string, IDriftMethod> ByName = Build();

    /// <summary>Gets every registered method, in registry order.</summary>
    public static IReadOnlyCollection<IDriftMethod> All => ByName.Values;

    /// <summary>Finds a method by name (case-sensitive, as Evidently spells it: <c>TVD</c> is upper case).</summary>
    /// <param name="name">The method name.</param>
    /// <param name="method">The method, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IDriftMethod? method) =>
        ByName.TryGetValue(name, out method);

    private static Dictionary<string, IDriftMethod> Build()
    {
        // Each method registers itself here, one line per method.
        IDriftMethod[] methods =
        [
            new KsMethod(),
            new ChiSquareMethod(),
            new ZTestMethod(),
            new KlDivMethod(),
            new PsiMethod(),
            new JensenShannonMethod(),
            new FisherExactMethod(),
            new GTestMethod(),
            new HellingerMethod(),
            new TvdMethod(),
            new AndersonDarlingMethod(),
            new CramerVonMisesMethod(),
            new MannWhitneyMethod(),
            new EppsSingletonMethod(),
            new TTestMethod(),
            new EnergyDistanceMethod(),
            new WassersteinMethod(),
            new EmpiricalMmdMethod(),
        ];
        return methods.ToDictionary(m => m.Name, StringComparer.Ordinal);
    }
}
