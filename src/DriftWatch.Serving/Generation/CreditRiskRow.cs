using DriftWatch.Serving.Models;

namespace DriftWatch.Serving.Generation;

/// <summary>One generated credit application: the features as the service receives them, and the ground truth.</summary>
/// <remarks>
/// Numeric features are <see cref="double.NaN"/> when missing; categorical features are <see langword="null"/> when
/// missing. The ground truth (<see cref="DefaultProbability"/>, <see cref="Label"/>) is computed from the true
/// applicant before any integrity fault (a swap, a blank field, an outlier) corrupts what the service sees.
/// </remarks>
/// <param name="Age">Age in whole years.</param>
/// <param name="Income">Yearly income.</param>
/// <param name="DebtToIncome">Debt-to-income ratio.</param>
/// <param name="CreditHistoryMonths">Credit history in months.</param>
/// <param name="NumOpenAccounts">Open credit accounts.</param>
/// <param name="LoanAmount">Requested loan amount.</param>
/// <param name="EmploymentType">Employment type.</param>
/// <param name="DeviceType">Device type.</param>
/// <param name="DefaultProbability">The ground-truth probability of default under the scenario's label rule.</param>
/// <param name="Label">The ground-truth label drawn from <see cref="DefaultProbability"/>: 1 = default.</param>
public sealed record CreditRiskRow(
    double Age,
    double Income,
    double DebtToIncome,
    double CreditHistoryMonths,
    double NumOpenAccounts,
    double LoanAmount,
    string? EmploymentType,
    string? DeviceType,
    double DefaultProbability,
    int Label)
{
    /// <summary>Gets a numeric feature by its schema name.</summary>
    /// <param name="feature">One of <see cref="CreditRiskSchema.NumericFeatures"/>.</param>
    /// <returns>The value; NaN when missing.</returns>
    /// <exception cref="ArgumentException"><paramref name="feature"/> is not a numeric feature.</exception>
    public double GetNumber(string feature) => feature switch
    {
        CreditRiskSchema.Age => Age,
        CreditRiskSchema.Income => Income,
        CreditRiskSchema.DebtToIncome => DebtToIncome,
        CreditRiskSchema.CreditHistoryMonths => CreditHistoryMonths,
        CreditRiskSchema.NumOpenAccounts => NumOpenAccounts,
        CreditRiskSchema.LoanAmount => LoanAmount,
        _ => throw new ArgumentException($"'{feature}' is not a numeric credit-risk feature.", nameof(feature)),
    };

    /// <summary>Gets a categorical feature by its schema name.</summary>
    /// <param name="feature">One of <see cref="CreditRiskSchema.CategoricalFeatures"/>.</param>
    /// <returns>The value; <see langword="null"/> when missing.</returns>
    /// <exception cref="ArgumentException"><paramref name="feature"/> is not a categorical feature.</exception>
    public string? GetCategory(string feature) => feature switch
    {
        CreditRiskSchema.EmploymentType => EmploymentType,
        CreditRiskSchema.DeviceType => DeviceType,
        _ => throw new ArgumentException($"'{feature}' is not a categorical credit-risk feature.", nameof(feature)),
    };

    /// <summary>Gets the features as a name-to-value map, as a predict request carries them.</summary>
    /// <returns>Numbers as <see cref="double"/>, categories as <see cref="string"/>; a missing value is <see langword="null"/>.</returns>
    public IReadOnlyDictionary<string, object?> ToFeatures()
    {
        var result = new Dictionary<string, object?>(CreditRiskSchema.Features.Count, StringComparer.Ordinal);
        foreach (var name in CreditRiskSchema.NumericFeatures)
        {
            var value = GetNumber(name);
            result[name] = double.IsNaN(value) ? null : value;
        }

        result[CreditRiskSchema.EmploymentType] = EmploymentType;
        result[CreditRiskSchema.DeviceType] = DeviceType;
        return result;
    }

    /// <summary>Lays rows out as a model's input batch, each schema feature read by name.</summary>
    /// <param name="schema">The model's schema (credit-risk feature names; any order).</param>
    /// <param name="rows">The rows.</param>
    /// <returns>A batch with one row per generated row.</returns>
    internal static FeatureBatch ToBatch(ModelSchema schema, IReadOnlyList<CreditRiskRow> rows)
    {
        var batch = new FeatureBatch(schema, rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var f = 0; f < schema.Count; f++)
            {
                var feature = schema.Features[f];
                if (feature.Kind == FeatureKind.Numeric)
                {
                    batch.SetNumber(r, f, rows[r].GetNumber(feature.Name));
                }
                else
                {
                    batch.SetString(r, f, rows[r].GetCategory(feature.Name));
                }
            }
        }

        return batch;
    }
}
