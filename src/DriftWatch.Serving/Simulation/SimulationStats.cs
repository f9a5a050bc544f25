namespace DriftWatch.Serving.Simulation;

/// <summary>Running totals of a simulation (updated by the simulator, read by live views).</summary>
/// <remarks><threadsafety>Counters are updated with <see cref="Interlocked"/>; reads may be a moment stale.</threadsafety></remarks>
public sealed class SimulationStats
{
    private long _rows;
    private long _requests;
    private long _failedRequests;
    private long _labels;
    private long _correct;
    private long _phaseLabels;
    private long _phaseCorrect;

    /// <summary>Gets the rows the service answered.</summary>
    public long Rows => Interlocked.Read(ref _rows);

    /// <summary>Gets the predict requests sent.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Gets the predict requests that failed.</summary>
    public long FailedRequests => Interlocked.Read(ref _failedRequests);

    /// <summary>Gets the labels the service acknowledged.</summary>
    public long Labels => Interlocked.Read(ref _labels);

    /// <summary>Gets the acknowledged labels whose prediction was right.</summary>
    public long Correct => Interlocked.Read(ref _correct);

    /// <summary>Gets the share of labelled predictions that were right in the current phase (NaN before any).</summary>
    public double PhaseAccuracy
    {
        get
        {
            var n = Interlocked.Read(ref _phaseLabels);
            return n == 0 ? double.NaN : Interlocked.Read(ref _phaseCorrect) / (double)n;
        }
    }

    /// <summary>Gets or sets the last error, one line.</summary>
    public string? LastError { get; set; }

    /// <summary>Gets or sets the index of the phase being played.</summary>
    public int Phase { get; set; }

    /// <summary>Counts a predict request.</summary>
    /// <param name="rows">Rows sent.</param>
    /// <param name="ok">Whether the service answered them.</param>
    public void AddRequest(int rows, bool ok)
    {
        Interlocked.Increment(ref _requests);
        if (ok)
        {
            Interlocked.Add(ref _rows, rows);
        }
        else
        {
            Interlocked.Increment(ref _failedRequests);
        }
    }

    /// <summary>Counts an acknowledged label.</summary>
    /// <param name="correct">Whether the prediction was right.</param>
    public void AddLabel(bool correct)
    {
        Interlocked.Increment(ref _labels);
        Interlocked.Increment(ref _phaseLabels);
        if (correct)
        {
            Interlocked.Increment(ref _correct);
            Interlocked.Increment(ref _phaseCorrect);
        }
    }

    /// <summary>Starts a phase: resets the phase accuracy.</summary>
    /// <param name="phase">The phase index.</param>
    public void StartPhase(int phase)
    {
        Phase = phase;
        Interlocked.Exchange(ref _phaseLabels, 0);
        Interlocked.Exchange(ref _phaseCorrect, 0);
    }
}
