using System.Globalization;
using DriftWatch.Integrity;

namespace DriftWatch.Monitoring;

/// <content>Wrong-type faults: values the request parser rejected, attributed to their feature.</content>
public sealed partial class DriftMonitor
{
    private readonly Lock _wrongTypeGate = new();
    private long[] _wrongTypeReported = [];
    private long _rowsAtLastReport;
    private DateTimeOffset _lastReport;

    private void InitializeWrongType()
    {
        _wrongTypeReported = new long[Profile.Features.Count];
        _lastReport = _time.GetUtcNow();
    }

    /// <summary>
    /// The <see cref="IntegrityFaultKind.WrongType"/> faults of an evaluation: one per feature with values of the wrong type
    /// rejected since the previous evaluation, merged into <paramref name="found"/> in kind order.
    /// </summary>
    /// <remarks>
    /// Rejected values never reach the window, so unlike the other faults these need no window rows (a pipeline that sends
    /// a column as strings has every request refused and an empty window) and have no floor: any rejected value is a client
    /// defect. Share = w / (w + r), where w is the feature's wrong-type count and r the rows served since the previous
    /// evaluation: the share of the values sent for the feature that were refused for their type (a request stops at its
    /// first bad value, so it is a lower bound when requests carry several rows). The reference share is 0.
    /// </remarks>
    private IReadOnlyList<IntegrityFault> WithWrongTypeFaults(IReadOnlyList<IntegrityFault> found, long rows, DateTimeOffset now)
    {
        List<IntegrityFault>? wrong = null;
        lock (_wrongTypeGate)
        {
            var served = Math.Max(0, rows - _rowsAtLastReport);
            var seconds = Math.Max(0, (now - _lastReport).TotalSeconds);
            for (var f = 0; f < _wrongTypeReported.Length; f++)
            {
                var count = Interlocked.Read(ref _wrongType[f]);
                var fresh = count - _wrongTypeReported[f];
                _wrongTypeReported[f] = count;
                if (fresh <= 0)
                {
                    continue;
                }

                var share = fresh / (double)(fresh + served);
                var name = Profile.Features[f].Name;
                wrong ??= [];
                wrong.Add(new IntegrityFault(
                    IntegrityFaultKind.WrongType,
                    [name],
                    share,
                    0,
                    string.Create(CultureInfo.InvariantCulture,
                        $"{name}: {fresh} {(fresh == 1 ? "value" : "values")} of the wrong type rejected since the last evaluation ({seconds:0} s; {share:P1} of the values sent)")));
            }

            _rowsAtLastReport = Math.Max(_rowsAtLastReport, rows);
            _lastReport = now > _lastReport ? now : _lastReport;
        }

        if (wrong is null)
        {
            return found;
        }

        // Faults in the order IntegrityReport documents: swapped columns, missing, wrong type, out of range, unseen.
        return [.. found.Concat(wrong).OrderBy(f => f.Kind == IntegrityFaultKind.SwappedColumns ? -1 : (int)f.Kind)];
    }
}
