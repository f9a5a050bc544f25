namespace DriftWatch.AspNetCore.Monitoring;

/// <summary>The <c>kind</c> label values of <c>driftwatch_input_violations_total</c>.</summary>
/// <remarks>
/// The first three are found in served rows (the request is answered); the others make the request fail with a 400
/// and are counted once per offending field.
/// </remarks>
internal static class InputViolationKinds
{
    public const int MissingValue = 0;
    public const int OutOfRange = 1;
    public const int UnseenCategory = 2;
    public const int WrongType = 3;
    public const int NonFinite = 4;
    public const int MissingFeature = 5;
    public const int UnknownFeature = 6;

    public static readonly string[] Names =
        ["missing_value", "out_of_range", "unseen_category", "wrong_type", "non_finite", "missing_feature", "unknown_feature"];
}
