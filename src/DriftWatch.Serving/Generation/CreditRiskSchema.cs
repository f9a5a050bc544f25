namespace DriftWatch.Serving.Generation;

/// <summary>The names, types and categories of the default credit-risk model's features and label.</summary>
/// <remarks><threadsafety>Immutable; safe to use from any thread.</threadsafety></remarks>
public static class CreditRiskSchema
{
    /// <summary>The applicant's age in whole years (18 to 85).</summary>
    public const string Age = "age";

    /// <summary>Yearly income in whole currency units.</summary>
    public const string Income = "income";

    /// <summary>Monthly debt payments over monthly income, in [0, 1] (three decimals).</summary>
    public const string DebtToIncome = "debt_to_income";

    /// <summary>Length of the credit history in whole months.</summary>
    public const string CreditHistoryMonths = "credit_history_months";

    /// <summary>Number of open credit accounts.</summary>
    public const string NumOpenAccounts = "num_open_accounts";

    /// <summary>The requested loan in whole currency units.</summary>
    public const string LoanAmount = "loan_amount";

    /// <summary>Employment type (categorical).</summary>
    public const string EmploymentType = "employment_type";

    /// <summary>The device the application came from (categorical).</summary>
    public const string DeviceType = "device_type";

    /// <summary>The label column: 1 when the applicant defaults.</summary>
    public const string Label = "default";

    /// <summary>Gets the numeric feature names, in schema order.</summary>
    public static IReadOnlyList<string> NumericFeatures { get; } =
        [Age, Income, DebtToIncome, CreditHistoryMonths, NumOpenAccounts, LoanAmount];

    /// <summary>Gets the categorical feature names, in schema order.</summary>
    public static IReadOnlyList<string> CategoricalFeatures { get; } = [EmploymentType, DeviceType];

    /// <summary>Gets every feature name: numeric first, then categorical.</summary>
    public static IReadOnlyList<string> Features { get; } = [.. NumericFeatures, .. CategoricalFeatures];

    /// <summary>Gets the employment types.</summary>
    public static IReadOnlyList<string> EmploymentTypes { get; } = ["salaried", "self_employed", "unemployed", "retired"];

    /// <summary>Gets the device types.</summary>
    public static IReadOnlyList<string> DeviceTypes { get; } = ["desktop", "mobile", "tablet"];
}
