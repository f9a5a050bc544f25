using DriftWatch.Data;
using MathNet.Numerics.Distributions;

namespace DriftWatch.Serving.Generation;

/// <summary>
/// A seeded generator of realistic credit applications with a ground-truth label rule and the drift scenarios of
/// <see cref="DriftScenario"/>: the default model's training data, its reference, and the simulator's traffic.
/// </summary>
/// <remarks>
/// <para>The population (reference, <see cref="DriftScenario.None"/>): employment type salaried 62%, self-employed 18%,
/// unemployed 7%, retired 13%; age (whole years) N(39, 11) clipped to [18, 70], or N(67, 6) clipped to [55, 85] for
/// the retired; income lognormal with median 56 000 (salaried), 62 000 (self-employed, wider), 16 000 (unemployed),
/// 30 000 (retired); debt-to-income Beta(2.2, 5) to three decimals; credit history (age − 18) · 12 · Beta(4, 2)
/// months; open accounts Poisson(3.5); loan amount lognormal with median 12 000 whose latent normal has correlation
/// 0.6 with the income's latent normal (a Gaussian copula); device desktop 50%, mobile 40%, tablet 10%.
/// The label is Bernoulli(<see cref="CreditRiskLabelRule.Original"/>), about 20% defaults.</para>
/// <para>Scenarios: <c>covariate_shift</c> is a new market: ages N(28, 7) for the non-retired, incomes × 0.6, loans
/// × 0.7 and a mobile-first device mix (desktop 25%, mobile 65%, tablet 10%); credit history follows age, so five of
/// the eight features shift; <c>concept_drift</c> keeps the inputs and labels with
/// <see cref="CreditRiskLabelRule.Competitor"/>; <c>gradual_concept_drift</c> labels with probability
/// (1 − progress) · p_original + progress · p_competitor; <c>seasonal_device</c> moves the device mix with
/// s = sin(2π · progress) (progress 0..1 is one day): mobile 0.4 + 0.35 s, desktop 0.5 − 0.3 s, tablet 0.1 − 0.05 s;
/// <c>swapped_columns</c> swaps the age and debt_to_income values; <c>blank_field</c> leaves income missing (NaN) in
/// 30% of rows; <c>outliers</c> puts a value 3 to 10 times the feature's plausible maximum into one random numeric
/// feature of 5% of rows; <c>correlation_shift</c> turns the income/loan copula correlation from 0.6 to −0.6, which
/// leaves every marginal distribution unchanged.</para>
/// <para>Every row consumes the same random draws whatever the scenario, so two generators with the same seed produce
/// the same applicants under every scenario (only the scenario's transformation differs). Labels come from the true
/// applicant, before integrity faults.</para>
/// <threadsafety>Not thread-safe: use one instance per thread.</threadsafety>
/// </remarks>
public sealed class CreditRiskGenerator
{
    /// <summary>The share of rows whose income is blank under <see cref="DriftScenario.BlankField"/>.</summary>
    public const double BlankShare = 0.3;

    /// <summary>The share of rows with an outlier under <see cref="DriftScenario.Outliers"/>.</summary>
    public const double OutlierShare = 0.05;

    /// <summary>The income/loan latent correlation of the reference population.</summary>
    public const double ReferenceCorrelation = 0.6;

    private static readonly double[] PlausibleMaximum = [85, 500_000, 1, 804, 20, 200_000];

    private readonly Random _random;

    /// <summary>Initializes a new instance of the <see cref="CreditRiskGenerator"/> class.</summary>
    /// <param name="seed">The seed; the same seed gives the same rows.</param>
    public CreditRiskGenerator(int seed)
    {
        _random = new Random(seed);
    }

    /// <summary>Gets the features that a scenario changes in distribution (what drift detection should name).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The feature names; empty when the inputs do not change (none, concept drift, correlation shift).</returns>
    public static IReadOnlyList<string> ShiftedFeatures(DriftScenario scenario) => scenario switch
    {
        DriftScenario.CovariateShift =>
            [CreditRiskSchema.Age, CreditRiskSchema.Income, CreditRiskSchema.CreditHistoryMonths, CreditRiskSchema.LoanAmount, CreditRiskSchema.DeviceType],
        DriftScenario.SeasonalDevice => [CreditRiskSchema.DeviceType],
        DriftScenario.SwappedColumns => [CreditRiskSchema.Age, CreditRiskSchema.DebtToIncome],
        DriftScenario.BlankField => [CreditRiskSchema.Income],
        _ => [],
    };

    /// <summary>Generates rows.</summary>
    /// <param name="count">How many rows.</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="progress">How far into the scenario, in [0, 1] (used by gradual and seasonal scenarios).</param>
    /// <returns>The rows.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or <paramref name="progress"/> is outside [0, 1].</exception>
    public IReadOnlyList<CreditRiskRow> Generate(int count, DriftScenario scenario = DriftScenario.None, double progress = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        CheckProgress(progress);
        var rows = new CreditRiskRow[count];
        for (var i = 0; i < count; i++)
        {
            rows[i] = Next(scenario, progress);
        }

        return rows;
    }

    /// <summary>Generates one row.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="progress">How far into the scenario, in [0, 1] (used by gradual and seasonal scenarios).</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="progress"/> is outside [0, 1] or NaN.</exception>
    public CreditRiskRow Next(DriftScenario scenario = DriftScenario.None, double progress = 0)
    {
        CheckProgress(progress);

        // Fixed order of draws, whatever the scenario (see remarks).
        var uEmployment = _random.NextDouble();
        var zAge = Normal.Sample(_random, 0, 1);
        var zIncome = Normal.Sample(_random, 0, 1);
        var zLoan = Normal.Sample(_random, 0, 1);
        var dti = Math.Round(Beta.Sample(_random, 2.2, 5.0), 3);
        var historyShare = Beta.Sample(_random, 4.0, 2.0);
        var accounts = (double)Poisson.Sample(_random, 3.5);
        var uDevice = _random.NextDouble();
        var uLabel = _random.NextDouble();
        var uFault = _random.NextDouble();
        var uFaultFeature = _random.NextDouble();
        var uFaultSize = _random.NextDouble();

        var employment = uEmployment < 0.62 ? "salaried" : uEmployment < 0.80 ? "self_employed" : uEmployment < 0.87 ? "unemployed" : "retired";
        var shifted = scenario == DriftScenario.CovariateShift;
        double age;
        if (employment == "retired")
        {
            age = Math.Round(Math.Clamp(67 + (6 * zAge), 55, 85));
        }
        else
        {
            age = shifted ? Math.Round(Math.Clamp(28 + (7 * zAge), 18, 70)) : Math.Round(Math.Clamp(39 + (11 * zAge), 18, 70));
        }

        var (median, sigma) = employment switch
        {
            "salaried" => (56_000.0, 0.45),
            "self_employed" => (62_000.0, 0.65),
            "unemployed" => (16_000.0, 0.5),
            _ => (30_000.0, 0.4),
        };
        var income = Math.Round(Math.Max(1_000, median * Math.Exp(sigma * zIncome) * (shifted ? 0.6 : 1.0)));
        var history = Math.Round((age - 18) * 12 * historyShare);

        var rho = scenario == DriftScenario.CorrelationShift ? -ReferenceCorrelation : ReferenceCorrelation;
        var latentLoan = (rho * zIncome) + (Math.Sqrt(1 - (rho * rho)) * zLoan);
        var loan = Math.Round(Math.Max(500, 12_000 * Math.Exp(0.7 * latentLoan) * (shifted ? 0.7 : 1.0)));

        var device = shifted
            ? (uDevice < 0.25 ? "desktop" : uDevice < 0.9 ? "mobile" : "tablet")
            : Device(uDevice, scenario == DriftScenario.SeasonalDevice ? Math.Sin(2 * Math.PI * progress) : 0);

        var pOriginal = CreditRiskLabelRule.Original(age, income, dti, history, accounts, loan, employment);
        var p = scenario switch
        {
            DriftScenario.ConceptDrift => CreditRiskLabelRule.Competitor(age, income, dti, history, accounts, loan, employment),
            DriftScenario.GradualConceptDrift =>
                ((1 - progress) * pOriginal) + (progress * CreditRiskLabelRule.Competitor(age, income, dti, history, accounts, loan, employment)),
            _ => pOriginal,
        };
        var label = uLabel < p ? 1 : 0;

        double[] seen = [age, income, dti, history, accounts, loan];
        switch (scenario)
        {
            case DriftScenario.SwappedColumns:
                (seen[0], seen[2]) = (seen[2], seen[0]);
                break;
            case DriftScenario.BlankField when uFault < BlankShare:
                seen[1] = double.NaN;
                break;
            case DriftScenario.Outliers when uFault < OutlierShare:
                var feature = Math.Min(seen.Length - 1, (int)(uFaultFeature * seen.Length));
                var extreme = PlausibleMaximum[feature] * (3 + (7 * uFaultSize));
                seen[feature] = feature == 2 ? Math.Round(extreme, 3) : Math.Round(extreme);
                break;
            default:
                break;
        }

        return new CreditRiskRow(seen[0], seen[1], seen[2], seen[3], seen[4], seen[5], employment, device, p, label);
    }

    /// <summary>Turns rows into a <see cref="Dataset"/> with the schema's columns (and the label, if asked).</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="includeLabel">Whether to add the <see cref="CreditRiskSchema.Label"/> column.</param>
    /// <param name="source">The name the dataset reports in messages.</param>
    /// <returns>The dataset: numeric features as <see cref="ValueKind.Float"/> (NaN when missing), categories as strings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    public static Dataset ToDataset(IReadOnlyList<CreditRiskRow> rows, bool includeLabel = false, string source = "credit-risk")
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = new List<DatasetColumn>(CreditRiskSchema.Features.Count + 1);
        foreach (var name in CreditRiskSchema.NumericFeatures)
        {
            var values = new double[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                values[i] = rows[i].GetNumber(name);
            }

            columns.Add(new DatasetColumn(name, ValueKind.Float, values, null));
        }

        foreach (var name in CreditRiskSchema.CategoricalFeatures)
        {
            var values = new string?[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                values[i] = rows[i].GetCategory(name);
            }

            columns.Add(new DatasetColumn(name, ValueKind.String, null, values));
        }

        if (includeLabel)
        {
            var labels = new double[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                labels[i] = rows[i].Label;
            }

            columns.Add(new DatasetColumn(CreditRiskSchema.Label, ValueKind.Integer, labels, null));
        }

        return new Dataset(source, columns);
    }

    private static string Device(double u, double season)
    {
        var desktop = 0.5 - (0.3 * season);
        var mobile = 0.4 + (0.35 * season);
        return u < desktop ? "desktop" : u < desktop + mobile ? "mobile" : "tablet";
    }

    private static void CheckProgress(double progress)
    {
        if (!double.IsFinite(progress) || progress < 0 || progress > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(progress), progress, "Progress must be a finite number in [0, 1].");
        }
    }
}
