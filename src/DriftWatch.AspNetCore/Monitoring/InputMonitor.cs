using DriftWatch.Serving.Models;
using DriftWatch.Serving.Monitoring;

namespace DriftWatch.AspNetCore.Monitoring;

/// <summary>The input SLIs of one model: missing values, out-of-range values, wrong-type values, category counts and violations.</summary>
/// <remarks>
/// One pass over the batch, O(features) per row, no allocation: counts are accumulated in plain
/// <see cref="long"/> arrays with <see cref="Interlocked"/> adds (uncontended ~5 ns) and read by the metric callbacks
/// at scrape time. Categories beyond <c>MaxCategories</c> and unseen ones share the <c>__other__</c> slot, so the
/// <c>category</c> label takes at most <c>MaxCategories + 1</c> values that all come from the schema, never from a request.
/// Wrong-type values are counted per schema feature by index (<see cref="CountWrongType"/>), so a name a client invents
/// can never become a <c>feature</c> label.
/// <threadsafety>Thread-safe.</threadsafety>
/// </remarks>
internal sealed class InputMonitor : IPredictionObserver
{
    private readonly ModelSchema _schema;
    private readonly long[] _missing;
    private readonly long[] _outOfRange;
    private readonly long[] _wrongType;
    private readonly long[][] _categories;
    private readonly long[] _violations = new long[InputViolationKinds.Names.Length];

    public InputMonitor(ModelSchema schema, int maxCategories)
    {
        _schema = schema;
        _missing = new long[schema.Count];
        _outOfRange = new long[schema.Count];
        _wrongType = new long[schema.Count];
        _categories = new long[schema.Count][];
        CategoryLabels = new string[schema.Count][];
        for (var f = 0; f < schema.Count; f++)
        {
            var known = schema.Features[f].Categories.Take(maxCategories).ToArray();
            CategoryLabels[f] = [.. known, Configuration.DriftWatchConstants.OtherCategory];
            _categories[f] = new long[known.Length + 1];
        }
    }

    /// <summary>Gets, per feature, the category label values: the kept categories then <c>__other__</c>.</summary>
    public string[][] CategoryLabels { get; }

    public ModelSchema Schema => _schema;

    public void OnPredictions(PredictionBatch batch)
    {
        var features = batch.Features;
        var numbers = features.Numbers;
        var codes = features.Codes;
        var width = features.FeatureCount;
        for (var f = 0; f < width; f++)
        {
            var feature = _schema.Features[f];
            if (feature.Kind == FeatureKind.Numeric)
            {
                long missing = 0, outOfRange = 0;
                for (var cell = f; cell < numbers.Length; cell += width)
                {
                    var v = numbers[cell];
                    missing += double.IsNaN(v) ? 1 : 0;
                    outOfRange += feature.IsOutOfRange(v) ? 1 : 0;
                }

                Add(ref _missing[f], missing);
                Add(ref _outOfRange[f], outOfRange);
                Add(ref _violations[InputViolationKinds.MissingValue], missing);
                Add(ref _violations[InputViolationKinds.OutOfRange], outOfRange);
            }
            else
            {
                var slots = _categories[f];
                var other = slots.Length - 1;
                long missing = 0, unseen = 0;
                for (var cell = f; cell < codes.Length; cell += width)
                {
                    var code = codes[cell];
                    if (code == FeatureBatch.MissingCode)
                    {
                        missing++;
                        continue;
                    }

                    unseen += code == FeatureBatch.UnseenCode ? 1 : 0;
                    Interlocked.Increment(ref slots[code >= 0 && code < other ? code : other]);
                }

                Add(ref _missing[f], missing);
                Add(ref _violations[InputViolationKinds.MissingValue], missing);
                Add(ref _violations[InputViolationKinds.UnseenCategory], unseen);
            }
        }
    }

    public void OnLabels(ReadOnlySpan<LabelledPrediction> labels)
    {
    }

    /// <summary>Counts a violation that made a request fail.</summary>
    public void CountViolation(int kind) => Interlocked.Increment(ref _violations[kind]);

    /// <summary>Counts a value of the wrong type for a schema feature (the request was refused), and the <c>wrong_type</c> violation.</summary>
    /// <param name="feature">The feature's index in the schema.</param>
    public void CountWrongType(int feature)
    {
        Interlocked.Increment(ref _wrongType[feature]);
        Interlocked.Increment(ref _violations[InputViolationKinds.WrongType]);
    }

    public long Missing(int feature) => Volatile.Read(ref _missing[feature]);

    public long OutOfRange(int feature) => Volatile.Read(ref _outOfRange[feature]);

    public long WrongType(int feature) => Volatile.Read(ref _wrongType[feature]);

    public long Category(int feature, int slot) => Volatile.Read(ref _categories[feature][slot]);

    public long Violations(int kind) => Volatile.Read(ref _violations[kind]);

    private static void Add(ref long target, long value)
    {
        if (value != 0)
        {
            Interlocked.Add(ref target, value);
        }
    }
}
