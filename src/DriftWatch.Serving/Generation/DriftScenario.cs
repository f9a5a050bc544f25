namespace DriftWatch.Serving.Generation;

/// <summary>A kind of trouble the credit-risk generator can play, named as in the CLI (<c>covariate_shift</c>, ...).</summary>
/// <remarks>See <see cref="DriftScenarios"/> for the names and <see cref="CreditRiskGenerator"/> for what each scenario does.</remarks>
public enum DriftScenario
{
    /// <summary><c>none</c>: the reference distribution and label rule.</summary>
    None = 0,

    /// <summary><c>covariate_shift</c>: a new market; applicants are younger, earn less, borrow less and apply from phones.</summary>
    CovariateShift = 1,

    /// <summary><c>concept_drift</c>: same inputs, a new label rule (a competitor changes who defaults).</summary>
    ConceptDrift = 2,

    /// <summary><c>gradual_concept_drift</c>: the label rule moves from the old to the new one as progress goes from 0 to 1.</summary>
    GradualConceptDrift = 3,

    /// <summary><c>seasonal_device</c>: the device mix moves over the day (progress 0..1 is the time of day).</summary>
    SeasonalDevice = 4,

    /// <summary><c>swapped_columns</c>: a broken pipeline swaps the age and debt_to_income values.</summary>
    SwappedColumns = 5,

    /// <summary><c>blank_field</c>: a web form accepts leaving the income field blank (missing in a share of rows).</summary>
    BlankField = 6,

    /// <summary><c>outliers</c>: a share of rows carries an extreme value in one numeric feature.</summary>
    Outliers = 7,

    /// <summary><c>correlation_shift</c>: income and loan amount change their correlation; every marginal stays the same.</summary>
    CorrelationShift = 8,
}
