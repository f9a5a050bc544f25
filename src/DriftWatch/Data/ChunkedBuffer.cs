namespace DriftWatch.Data;

/// <summary>
/// An append-only buffer of fixed-size chunks, so that a column of unknown length grows without the copy-and-double
/// of <see cref="List{T}"/>: the final array is the only full-size copy, and the chunks are dropped while it is filled.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks><threadsafety>Not thread safe.</threadsafety></remarks>
internal sealed class ChunkedBuffer<T>
{
    private const int ChunkSize = 1 << 16;
    private readonly List<T[]> _chunks = [];
    private T[] _current = [];
    private int _used;

    /// <summary>Gets the number of elements added.</summary>
    public int Count { get; private set; }

    /// <summary>Appends a value.</summary>
    /// <param name="value">The value.</param>
    public void Add(T value)
    {
        if (_used == _current.Length)
        {
            _current = new T[ChunkSize];
            _chunks.Add(_current);
            _used = 0;
        }

        _current[_used++] = value;
        Count++;
    }

    /// <summary>Copies the elements into <paramref name="destination"/> starting at <paramref name="offset"/>, then
    /// releases the chunks.</summary>
    /// <param name="destination">The destination array.</param>
    /// <param name="offset">Where the first element goes.</param>
    public void MoveTo(T[] destination, int offset)
    {
        var remaining = Count;
        for (var i = 0; i < _chunks.Count; i++)
        {
            var n = Math.Min(remaining, ChunkSize);
            Array.Copy(_chunks[i], 0, destination, offset, n);
            _chunks[i] = [];
            offset += n;
            remaining -= n;
        }

        _chunks.Clear();
        _current = [];
        _used = 0;
        Count = 0;
    }
}
