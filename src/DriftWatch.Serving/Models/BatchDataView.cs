using Microsoft.ML;
using Microsoft.ML.Data;

namespace DriftWatch.Serving.Models;

/// <summary>A <see cref="FeatureBatch"/> seen as an ML.NET <see cref="IDataView"/>, without copying.</summary>
/// <remarks>
/// Hand-written because ML.NET only builds data views from CLR types known at compile time
/// (<c>LoadFromEnumerable&lt;T&gt;</c>), while a served model's schema is known only at run time.
/// <threadsafety>Read-only; each cursor is used by one thread.</threadsafety>
/// </remarks>
internal sealed class BatchDataView : IDataView
{
    private readonly FeatureBatch _batch;
    private readonly int[] _featureOfColumn;

    public BatchDataView(FeatureBatch batch, DataViewSchema schema, int[] featureOfColumn)
    {
        _batch = batch;
        Schema = schema;
        _featureOfColumn = featureOfColumn;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _batch.Count;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [new Cursor(this)];

    /// <summary>Builds the ML.NET schema for the given input columns.</summary>
    /// <param name="columns">Column name and type, in order.</param>
    /// <returns>The schema.</returns>
    public static DataViewSchema BuildSchema(IEnumerable<(string Name, DataViewType Type)> columns)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var (name, type) in columns)
        {
            builder.AddColumn(name, type);
        }

        return builder.ToSchema();
    }

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly BatchDataView _view;
        private long _position = -1;

        public Cursor(BatchDataView view)
        {
            _view = view;
        }

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => _view.Schema;

        public override bool MoveNext()
        {
            if (_position + 1 >= _view._batch.Count)
            {
                _position = _view._batch.Count;
                return false;
            }

            _position++;
            return true;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var feature = _view._featureOfColumn[column.Index];
            var batch = _view._batch;
            Delegate getter;
            if (typeof(TValue) == typeof(float))
            {
                getter = (ValueGetter<float>)((ref float value) => value = (float)batch.GetNumber((int)_position, feature));
            }
            else if (typeof(TValue) == typeof(double))
            {
                getter = (ValueGetter<double>)((ref double value) => value = batch.GetNumber((int)_position, feature));
            }
            else if (typeof(TValue) == typeof(ReadOnlyMemory<char>))
            {
                getter = (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) =>
                    value = (batch.GetString((int)_position, feature) ?? string.Empty).AsMemory());
            }
            else
            {
                throw new InvalidOperationException($"Column '{column.Name}' of type {typeof(TValue).Name} is not supported.");
            }

            return (ValueGetter<TValue>)getter;
        }
    }
}
