using DriftWatch.Monitoring;
using DriftWatch.Statistics;
using Microsoft.Extensions.Options;

namespace DriftWatch.AspNetCore.Drift;

/// <summary>Validates <see cref="DriftMonitorOptions"/> at start-up with the message <see cref="DriftMonitorOptions.Validate"/> gives.</summary>
/// <remarks>The detector and its <see cref="DriftMonitorOptions.DetectorOptions"/> are checked by building the detector
/// once, so an unknown or out-of-range detector option stops start-up with a message naming it rather than failing when
/// the first monitor is created. Method names (<see cref="DriftMonitorOptions.FeatureMethods"/>,
/// <see cref="DriftMonitorOptions.PredictionMethod"/>) must be registered in <see cref="DriftMethods"/>; an unknown one
/// would otherwise only show up as the snapshot's <c>error</c> at every evaluation.</remarks>
internal sealed class DriftMonitorOptionsValidator : IValidateOptions<DriftMonitorOptions>
{
    public ValidateOptionsResult Validate(string? name, DriftMonitorOptions options)
    {
        try
        {
            options.Validate();
            if (!Detectors.DriftDetectors.Names.Contains(options.Detector, StringComparer.Ordinal))
            {
                return ValidateOptionsResult.Fail($"{DriftMonitoringServiceCollectionExtensions.SectionName}:Detector '{options.Detector}' is unknown; known: {string.Join(", ", Detectors.DriftDetectors.Names)}.");
            }
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"{DriftMonitoringServiceCollectionExtensions.SectionName}: {WithoutParameter(ex)}");
        }

        foreach (var (feature, method) in options.FeatureMethods)
        {
            if (!DriftMethods.TryGet(method, out _))
            {
                return ValidateOptionsResult.Fail($"{DriftMonitoringServiceCollectionExtensions.SectionName}:FeatureMethods:{feature}: {UnknownMethod(method)}");
            }
        }

        if (options.PredictionMethod is { } prediction && !DriftMethods.TryGet(prediction, out _))
        {
            return ValidateOptionsResult.Fail($"{DriftMonitoringServiceCollectionExtensions.SectionName}:PredictionMethod: {UnknownMethod(prediction)}");
        }

        try
        {
            _ = Detectors.DriftDetectors.Create(options.Detector, options.DetectorOptions);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"{DriftMonitoringServiceCollectionExtensions.SectionName}:DetectorOptions: {WithoutParameter(ex)}");
        }
    }

    private static string UnknownMethod(string method) =>
        $"unknown method '{method}' (known: {string.Join(", ", DriftMethods.All.Select(m => m.Name))}).";

    // ArgumentException.Message ends in " (Parameter 'x')"; the start-up line names the option itself.
    private static string WithoutParameter(ArgumentException ex)
    {
        var suffix = ex.ParamName is null ? null : $" (Parameter '{ex.ParamName}')";
        return suffix is not null && ex.Message.EndsWith(suffix, StringComparison.Ordinal) ? ex.Message[..^suffix.Length] : ex.Message;
    }
}
