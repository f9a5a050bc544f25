using Microsoft.ML.Data;

namespace DriftWatch.Serving.Models;

/// <summary>One training row of the default credit-risk model, in the column layout ML.NET loads.</summary>
internal sealed class CreditRiskTrainingRow
{
    [ColumnName("age")]
    public float Age { get; set; }

    [ColumnName("income")]
    public float Income { get; set; }

    [ColumnName("debt_to_income")]
    public float DebtToIncome { get; set; }

    [ColumnName("credit_history_months")]
    public float CreditHistoryMonths { get; set; }

    [ColumnName("num_open_accounts")]
    public float NumOpenAccounts { get; set; }

    [ColumnName("loan_amount")]
    public float LoanAmount { get; set; }

    [ColumnName("employment_type")]
    public string EmploymentType { get; set; } = string.Empty;

    [ColumnName("device_type")]
    public string DeviceType { get; set; } = string.Empty;

    [ColumnName("Label")]
    public bool Label { get; set; }
}
