namespace DriftWatch.AspNetCore.Security;

/// <summary>Which key list guards an endpoint.</summary>
internal enum ApiKeyScope
{
    Predict = 0,
    Feedback = 1,
    Metrics = 2,
    Admin = 3,
}
