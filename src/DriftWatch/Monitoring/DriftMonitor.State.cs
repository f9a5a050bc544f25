using System.Text.Json;
using DriftWatch.Data;
using DriftWatch.Detectors;
using DriftWatch.Profiles;

namespace DriftWatch.Monitoring;

/// <content>Saving and restoring the monitor's state, so that windows and the detector survive a restart.</content>
public sealed partial class DriftMonitor
{
    private const int StateVersion = 1;

    /// <summary>Saves the count window, the quality window, the detector's state and the outcome counters as JSON.</summary>
    /// <returns>The JSON text (read by <see cref="RestoreState"/>).</returns>
    /// <remarks>The time window and the cumulative counters are not saved: after a restart the time window refills,
    /// and Prometheus treats counters that restart from zero as resets.</remarks>
    public string SaveState()
    {
        WindowCopy copy;
        lock (_gate)
        {
            copy = _window.Copy();
        }

        StateDto state;
        lock (_outcomeGate)
        {
            var errors = new double[_errorCount];
            var start = _errorCount < _errors.Length ? 0 : _errorNext;
            for (var i = 0; i < _errorCount; i++)
            {
                errors[i] = _errors[(start + i) % _errors.Length];
            }

            state = new StateDto(
                StateVersion,
                [.. copy.Rows.Columns.Select(c => new ColumnDto(c.Name, c.Numbers, c.Strings))],
                copy.Predictions,
                errors,
                _outcomes,
                _detections,
                _lastDetection,
                _lastDetectionOutcome,
                _detector.SaveSnapshot());
        }

        return JsonSerializer.Serialize(state, DriftMonitorStateJsonContext.Default.StateDto);
    }

    /// <summary>Restores state saved by <see cref="SaveState"/> (columns are matched by name; unknown ones are ignored).</summary>
    /// <param name="json">The saved state.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a saved monitor state of a known version.</exception>
    public void RestoreState(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        StateDto? state;
        try
        {
            state = JsonSerializer.Deserialize(json, DriftMonitorStateJsonContext.Default.StateDto);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not a saved drift monitor state: {ex.Message}", ex);
        }

        if (state is null || state.Version != StateVersion || state.Columns is null || state.Predictions is null || state.Errors is null)
        {
            throw new FormatException($"Not a saved drift monitor state of version {StateVersion}.");
        }

        IDriftDetector? detector = null;
        if (!string.IsNullOrEmpty(state.Detector))
        {
            try
            {
                detector = DriftDetectors.Restore(state.Detector);
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"The saved detector state cannot be restored: {ex.Message}", ex);
            }
        }

        var columns = state.Columns.Select(c => new DatasetColumn(
            c.Name, c.Numbers is null ? ValueKind.String : ValueKind.Float, c.Numbers, c.Numbers is null ? c.Strings ?? [] : null)).ToArray();
        lock (_gate)
        {
            _window.Load(new Dataset("saved state", columns), state.Predictions);
        }

        lock (_outcomeGate)
        {
            _errorCount = 0;
            _errorNext = 0;
            var skip = Math.Max(0, state.Errors.Length - _errors.Length);
            for (var i = skip; i < state.Errors.Length; i++)
            {
                _errors[_errorNext] = state.Errors[i];
                _errorNext = _errorNext + 1 == _errors.Length ? 0 : _errorNext + 1;
                _errorCount++;
            }

            _outcomes = state.Outcomes;
            _detections = state.Detections;
            _lastDetection = state.LastDetection;
            _lastDetectionOutcome = state.LastDetectionOutcome;
            if (detector is not null && string.Equals(detector.Name, _detector.Name, StringComparison.Ordinal))
            {
                _detector = detector;
            }
        }
    }

    /// <summary>One column of the saved count window: numbers for numeric features, strings for categorical ones.</summary>
    internal sealed record ColumnDto(string Name, double[]? Numbers, string?[]? Strings);

    /// <summary>The saved state (<see cref="DriftMonitorStateJsonContext"/> gives its JSON form).</summary>
    internal sealed record StateDto(
        int Version,
        ColumnDto[] Columns,
        double[] Predictions,
        double[] Errors,
        long Outcomes,
        long Detections,
        DateTimeOffset? LastDetection,
        long LastDetectionOutcome,
        string? Detector);
}
