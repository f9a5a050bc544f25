namespace DriftWatch.Serving.Generation;

/// <summary>The ground-truth default probability of a credit applicant: a logistic model in the true features.</summary>
/// <remarks>
/// <para>The reference rule (<see cref="Original"/>):
/// <c>logit = −1.5 + 7 (dti − 0.31) − 1.6 ln(income / 50 000) + 1.0 ln(loan / 12 000) − 0.04 (age − 40)
/// − 0.008 (history − 80) + 0.2 (accounts − 3.5) + e(employment)</c> with e = 0 (salaried), 0.5 (self-employed),
/// 1.6 (unemployed), 0.15 (retired); <c>p = 1 / (1 + exp(−logit))</c>: about 20% defaults on the reference
/// population, and the Bayes classifier (p &gt; 0.5) is right about 87% of the time (the majority class 80%).</para>
/// <para>The competitor rule (<see cref="Competitor"/>): after a competitor takes the low-risk, well-paid applicants,
/// those who remain default for other reasons: high income and large loans now raise the risk, debt-to-income
/// matters less and the wrong way round, young applicants are safer:
/// <c>logit = −1.8 − 3 (dti − 0.31) + 2 ln(income / 50 000) + 1.2 ln(loan / 12 000) + 0.04 (age − 40)
/// + 0.003 (history − 80) − 0.15 (accounts − 3.5) − e(employment)</c>. About 28% default, and the old rule's Bayes
/// classifier falls to about 60% accuracy.</para>
/// <para>Missing (NaN) inputs are not expected: the rule is applied to the true applicant, before integrity faults.</para>
/// </remarks>
public static class CreditRiskLabelRule
{
    private const double OriginalIntercept = -1.5;
    private const double CompetitorIntercept = -1.8;

    /// <summary>The reference label rule.</summary>
    /// <param name="age">Age in years.</param>
    /// <param name="income">Yearly income (positive).</param>
    /// <param name="debtToIncome">Debt-to-income ratio.</param>
    /// <param name="historyMonths">Credit history in months.</param>
    /// <param name="openAccounts">Open accounts.</param>
    /// <param name="loanAmount">Loan amount (positive).</param>
    /// <param name="employmentType">Employment type.</param>
    /// <returns>The probability of default.</returns>
    public static double Original(
        double age, double income, double debtToIncome, double historyMonths, double openAccounts, double loanAmount, string employmentType)
    {
        var logit = OriginalIntercept
            + (7.0 * (debtToIncome - 0.31))
            - (1.6 * Math.Log(income / 50_000.0))
            + (1.0 * Math.Log(loanAmount / 12_000.0))
            - (0.04 * (age - 40.0))
            - (0.008 * (historyMonths - 80.0))
            + (0.2 * (openAccounts - 3.5))
            + EmploymentEffect(employmentType);
        return Logistic(logit);
    }

    /// <summary>The label rule after the concept changes (a competitor changes who defaults).</summary>
    /// <param name="age">Age in years.</param>
    /// <param name="income">Yearly income (positive).</param>
    /// <param name="debtToIncome">Debt-to-income ratio.</param>
    /// <param name="historyMonths">Credit history in months.</param>
    /// <param name="openAccounts">Open accounts.</param>
    /// <param name="loanAmount">Loan amount (positive).</param>
    /// <param name="employmentType">Employment type.</param>
    /// <returns>The probability of default.</returns>
    public static double Competitor(
        double age, double income, double debtToIncome, double historyMonths, double openAccounts, double loanAmount, string employmentType)
    {
        var logit = CompetitorIntercept
            - (3.0 * (debtToIncome - 0.31))
            + (2.0 * Math.Log(income / 50_000.0))
            + (1.2 * Math.Log(loanAmount / 12_000.0))
            + (0.04 * (age - 40.0))
            + (0.003 * (historyMonths - 80.0))
            - (0.15 * (openAccounts - 3.5))
            - EmploymentEffect(employmentType);
        return Logistic(logit);
    }

    private static double EmploymentEffect(string employmentType) => employmentType switch
    {
        "self_employed" => 0.5,
        "unemployed" => 1.6,
        "retired" => 0.15,
        _ => 0.0,
    };

    private static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));
}
