namespace DriftWatch.Monitoring;

/// <content>Labelled outcomes: the quality window and the online detector on the error stream.</content>
public sealed partial class DriftMonitor
{
    private readonly Lock _outcomeGate = new();
    private double[] _errors = [];
    private int _errorNext;
    private int _errorCount;
    private double _errorSum;
    private long _outcomes;
    private long _detections;
    private DateTimeOffset? _lastDetection;
    private long _lastDetectionOutcome = -1;

    /// <summary>Observes a labelled prediction: the error feeds the quality window and the concept-drift detector.</summary>
    /// <param name="predicted">The model's output (the label for classifiers, the value for regressors).</param>
    /// <param name="actual">The true label or value.</param>
    /// <remarks>The error is <c>predicted ≠ actual</c> (0 or 1) for classifiers and <c>|predicted − actual|</c> for
    /// regressors. Non-finite inputs are ignored.</remarks>
    public void ObserveOutcome(double predicted, double actual)
    {
        if (!double.IsFinite(predicted) || !double.IsFinite(actual))
        {
            return;
        }

        var error = _options.Classification ? (predicted == actual ? 0.0 : 1.0) : Math.Abs(predicted - actual);
        var now = _time.GetUtcNow();
        lock (_outcomeGate)
        {
            if (_errorCount == _errors.Length)
            {
                _errorSum -= _errors[_errorNext];
            }
            else
            {
                _errorCount++;
            }

            _errors[_errorNext] = error;
            _errorSum += error;
            _errorNext = _errorNext + 1 == _errors.Length ? 0 : _errorNext + 1;

            _detector.Update(error);
            if (_detector.DriftDetected)
            {
                _detections++;
                _lastDetection = now;
                _lastDetectionOutcome = _outcomes;
            }

            _outcomes++;
        }
    }

    private void InitializeOutcomes()
    {
        _errors = new double[_options.QualityWindow];
        _detector = CreateDetector();
    }

    private (long Outcomes, long Detections) ReadOutcomeCounters()
    {
        lock (_outcomeGate)
        {
            return (_outcomes, _detections);
        }
    }

    private (QualityStatus Quality, ConceptDriftStatus Concept) ReadOutcomes()
    {
        lock (_outcomeGate)
        {
            // Recompute the sum now and then would bound rounding drift; the window is small, so sum it exactly.
            double sum = 0;
            for (var i = 0; i < _errorCount; i++)
            {
                sum += _errors[i];
            }

            _errorSum = sum;
            var mean = _errorCount == 0 ? double.NaN : sum / _errorCount;
            var accuracy = _options.Classification ? 1 - mean : double.NaN;
            var mae = _options.Classification ? double.NaN : mean;
            var floor = _options.AccuracyFloor ?? double.NaN;
            var below = _options.Classification && _options.AccuracyFloor is { } f && _errorCount >= _options.MinimumLabelled && accuracy < f;
            return (
                new QualityStatus(_errorCount, accuracy, mae, floor, below),
                new ConceptDriftStatus(_detector.Name, _outcomes, _detections, _detector.WarningDetected, _lastDetection, _lastDetectionOutcome));
        }
    }
}
