using DriftWatch.Data;

namespace DriftWatch.Analysis;

/// <summary>Compares two datasets column by column: the one engine behind the CLI report and the live service.</summary>
public static class DriftAnalyzer
{
    /// <summary>Analyses drift between a reference and a current dataset.</summary>
    /// <param name="reference">The reference data.</param>
    /// <param name="current">The current data.</param>
    /// <param name="options">The options; <see langword="null"/> for defaults.</param>
    /// <returns>The report.</returns>
    /// <exception cref="DriftAnalysisException">The inputs cannot be compared (the message names the file, column or method).</exception>
    public static DriftReport Analyze(Dataset reference, Dataset current, DriftAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        throw new NotImplementedException("The analyzer is built with the statistics engine.");
    }
}
