using DriftWatch.Monitoring;
using Microsoft.Extensions.Options;

namespace DriftWatch.AspNetCore.Drift;

/// <summary>Validates <see cref="DriftMonitorOptions"/> at start-up with the message <see cref="DriftMonitorOptions.Validate"/> gives.</summary>
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

            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"{DriftMonitoringServiceCollectionExtensions.SectionName}: {ex.Message}");
        }
    }
}
