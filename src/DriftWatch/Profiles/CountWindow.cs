using DriftWatch.Data;
using DriftWatch.Statistics;

namespace DriftWatch.Profiles;

/// <summary>The last N rows seen, per feature, in ring buffers allocated once: memory is fixed by the capacity.</summary>
/// <remarks>
/// Numeric cells keep NaN for missing values; categorical cells keep the string reference (no copy) or
/// <see langword="null"/> for missing. The prediction column keeps the model's score.
/// <threadsafety>Not thread-safe: the owner serialises access.</threadsafety>
/// </remarks>
internal sealed class CountWindow
{
    private readonly FeatureProfile[] _features;
    private readonly double[]?[] _numbers;
    private readonly string?[]?[] _strings;
    private readonly double[] _predictions;
    private int _next;

    public CountWindow(IReadOnlyList<FeatureProfile> features, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _features = [.. features];
        _numbers = new double[]?[_features.Length];
        _strings = new string?[]?[_features.Length];
        for (var f = 0; f < _features.Length; f++)
        {
            if (_features[f].Type == ColumnType.Numerical)
            {
                _numbers[f] = new double[capacity];
            }
            else
            {
                _strings[f] = new string?[capacity];
            }
        }

        _predictions = new double[capacity];
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    /// <summary>Gets the slot the next row goes to; call <see cref="SetNumber"/> / <see cref="SetString"/> then <see cref="Commit"/>.</summary>
    public int Slot => _next;

    public void SetNumber(int feature, double value) => _numbers[feature]![_next] = value;

    public void SetString(int feature, string? value) => _strings[feature]![_next] = value;

    public void Commit(double prediction)
    {
        _predictions[_next] = prediction;
        _next = _next + 1 == Capacity ? 0 : _next + 1;
        if (Count < Capacity)
        {
            Count++;
        }
    }

    public void Clear()
    {
        _next = 0;
        Count = 0;
    }

    /// <summary>Copies the window out, oldest row first.</summary>
    public WindowCopy Copy()
    {
        var columns = new DatasetColumn[_features.Length];
        for (var f = 0; f < _features.Length; f++)
        {
            columns[f] = _numbers[f] is { } numbers
                ? new DatasetColumn(_features[f].Name, ValueKind.Float, Chronological(numbers), null)
                : new DatasetColumn(_features[f].Name, ValueKind.String, null, Chronological(_strings[f]!));
        }

        return new WindowCopy(new Dataset("window", columns), Chronological(_predictions));
    }

    private T[] Chronological<T>(T[] ring)
    {
        var result = new T[Count];
        if (Count < Capacity)
        {
            Array.Copy(ring, result, Count);
        }
        else
        {
            // Oldest part [_next, Capacity), then [0, _next).
            Array.Copy(ring, _next, result, 0, Capacity - _next);
            Array.Copy(ring, 0, result, Capacity - _next, _next);
        }

        return result;
    }

    /// <summary>Restores rows saved from an earlier <see cref="Copy"/> (oldest first), e.g. after a restart.</summary>
    public void Load(Dataset rows, ReadOnlySpan<double> predictions)
    {
        Clear();
        var n = Math.Min(rows.RowCount, Capacity);
        var start = rows.RowCount - n;
        var map = new DatasetColumn?[_features.Length];
        for (var f = 0; f < _features.Length; f++)
        {
            map[f] = rows.Find(_features[f].Name);
        }

        for (var r = start; r < rows.RowCount; r++)
        {
            for (var f = 0; f < _features.Length; f++)
            {
                var column = map[f];
                if (_numbers[f] is not null)
                {
                    SetNumber(f, column?.Numbers is { } nums ? nums[r] : double.NaN);
                }
                else
                {
                    SetString(f, column?.Strings is { } strs ? strs[r] : null);
                }
            }

            Commit(r < predictions.Length ? predictions[r] : double.NaN);
        }
    }
}
