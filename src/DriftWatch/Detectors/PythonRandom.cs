namespace DriftWatch.Detectors;

/// <summary>CPython's <c>random.Random</c>: MT19937 seeded from an integer, <c>getrandbits</c> and <c>sample</c>.</summary>
/// <remarks>
/// <para>
/// Hand-written because KSWIN's signals depend on exactly which old values River samples: no .NET library
/// reproduces CPython's seeding (<c>init_by_array</c> over the 32-bit words of |seed|), its
/// <c>_randbelow_with_getrandbits</c> rejection loop, or <c>sample</c>'s choice between the pool and the
/// set algorithm (MathNet's MersenneTwister seeds with <c>init_genrand</c> and exposes no raw 32-bit draws).
/// </para>
/// <para>
/// From CPython Modules/_randommodule.c (MT19937 of Matsumoto and Nishimura) and Lib/random.py, re-written.
/// <see cref="Sample"/> allocates nothing: the pool and the selection set are preallocated scratch arrays.
/// </para>
/// <threadsafety>Not thread-safe.</threadsafety>
/// </remarks>
internal sealed class PythonRandom
{
    /// <summary>The number of 32-bit words of MT19937 state.</summary>
    public const int StateLength = 624;

    private const int M = 397;
    private const uint MatrixA = 0x9908b0dfU;
    private const uint UpperMask = 0x80000000U;
    private const uint LowerMask = 0x7fffffffU;

    private readonly uint[] _mt = new uint[StateLength];
    private int _index;
    private int[] _pool = [];
    private int _setSizeK = -1;
    private double _setSize;
    private bool[] _selected = [];

    /// <summary>Initializes a new instance of the <see cref="PythonRandom"/> class as <c>random.Random(seed)</c>.</summary>
    /// <param name="seed">The integer seed.</param>
    public PythonRandom(long seed) => Seed(seed);

    /// <summary>Gets the MT19937 state words.</summary>
    public ReadOnlySpan<uint> State => _mt;

    /// <summary>Gets the position in the state (624 means the next draw twists first).</summary>
    public int Index => _index;

    /// <summary>Re-seeds as <c>random.seed(seed)</c> does for an integer.</summary>
    /// <param name="seed">The seed; its absolute value is used, split into 32-bit words, least significant first.</param>
    public void Seed(long seed)
    {
        ulong magnitude = seed < 0 ? unchecked((ulong)-(seed + 1)) + 1UL : (ulong)seed;
        uint low = (uint)(magnitude & 0xffffffffUL);
        uint high = (uint)(magnitude >> 32);
        Span<uint> key = stackalloc uint[2] { low, high };
        InitByArray(high == 0 ? key[..1] : key);
    }

    /// <summary>Restores a saved state.</summary>
    /// <param name="state">624 state words.</param>
    /// <param name="index">The position, 0..624.</param>
    /// <exception cref="ArgumentException">The state has the wrong length or the index is out of range.</exception>
    public void SetState(ReadOnlySpan<uint> state, int index)
    {
        if (state.Length != StateLength || index is < 0 or > StateLength)
        {
            throw new ArgumentException("An MT19937 state is 624 words and an index in [0, 624].", nameof(state));
        }

        state.CopyTo(_mt);
        _index = index;
    }

    /// <summary>The next 32-bit output (CPython's <c>genrand_uint32</c>).</summary>
    /// <returns>The output.</returns>
    public uint NextUInt32()
    {
        if (_index >= StateLength)
        {
            Twist();
        }

        uint y = _mt[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680U;
        y ^= (y << 15) & 0xefc60000U;
        y ^= y >> 18;
        return y;
    }

    /// <summary>A uniform integer in [0, n) as CPython's <c>_randbelow_with_getrandbits</c>: draw bit_length(n) bits until below n.</summary>
    /// <param name="n">The bound, at least 1.</param>
    /// <returns>The integer.</returns>
    public int RandBelow(int n)
    {
        int k = 32 - int.LeadingZeroCount(n);
        int shift = 32 - k;
        int r = (int)(NextUInt32() >> shift);
        while (r >= n)
        {
            r = (int)(NextUInt32() >> shift);
        }

        return r;
    }

    /// <summary><c>random.sample(range(n), k)</c>: k distinct indices of [0, n), in CPython's order.</summary>
    /// <param name="n">The population size.</param>
    /// <param name="result">Receives k = <c>result.Length</c> indices.</param>
    /// <exception cref="ArgumentOutOfRangeException">k &gt; n.</exception>
    public void Sample(int n, Span<int> result)
    {
        int k = result.Length;
        if (k > n)
        {
            throw new ArgumentOutOfRangeException(nameof(result), "Sample larger than population.");
        }

        if (k != _setSizeK)
        {
            _setSize = SetSize(k);
            _setSizeK = k;
        }

        if (n <= _setSize)
        {
            // An n-length list is smaller than a k-length set: partial Fisher-Yates over a pool.
            if (_pool.Length < n)
            {
                _pool = new int[n];
            }

            Span<int> pool = _pool.AsSpan(0, n);
            for (int i = 0; i < n; i++)
            {
                pool[i] = i;
            }

            for (int i = 0; i < k; i++)
            {
                int j = RandBelow(n - i);
                result[i] = pool[j];
                pool[j] = pool[n - i - 1];
            }
        }
        else
        {
            if (_selected.Length < n)
            {
                _selected = new bool[n];
            }

            for (int i = 0; i < k; i++)
            {
                int j = RandBelow(n);
                while (_selected[j])
                {
                    j = RandBelow(n);
                }

                _selected[j] = true;
                result[i] = j;
            }

            foreach (int j in result)
            {
                _selected[j] = false;
            }
        }
    }

    /// <summary>CPython's threshold: 21, plus 4^⌈log₄(3k)⌉ when k &gt; 5.</summary>
    /// <param name="k">The sample size.</param>
    /// <returns>The set size.</returns>
    internal static double SetSize(int k)
    {
        double setSize = 21;
        if (k > 5)
        {
            setSize += Math.Pow(4, Math.Ceiling(Math.Log(k * 3.0) / Math.Log(4)));
        }

        return setSize;
    }

    private void InitGenrand(uint s)
    {
        _mt[0] = s;
        for (int i = 1; i < StateLength; i++)
        {
            _mt[i] = unchecked((1812433253U * (_mt[i - 1] ^ (_mt[i - 1] >> 30))) + (uint)i);
        }

        _index = StateLength;
    }

    private void InitByArray(ReadOnlySpan<uint> key)
    {
        InitGenrand(19650218U);
        int i = 1;
        int j = 0;
        int keyLength = key.Length;
        for (int k = Math.Max(StateLength, keyLength); k > 0; k--)
        {
            _mt[i] = unchecked((_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint)j);
            i++;
            j++;
            if (i >= StateLength)
            {
                _mt[0] = _mt[StateLength - 1];
                i = 1;
            }

            if (j >= keyLength)
            {
                j = 0;
            }
        }

        for (int k = StateLength - 1; k > 0; k--)
        {
            _mt[i] = unchecked((_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1566083941U)) - (uint)i);
            i++;
            if (i >= StateLength)
            {
                _mt[0] = _mt[StateLength - 1];
                i = 1;
            }
        }

        _mt[0] = 0x80000000U;
        _index = StateLength;
    }

    private void Twist()
    {
        uint[] mt = _mt;
        int kk = 0;
        uint y;
        for (; kk < StateLength - M; kk++)
        {
            y = (mt[kk] & UpperMask) | (mt[kk + 1] & LowerMask);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ ((y & 1U) * MatrixA);
        }

        for (; kk < StateLength - 1; kk++)
        {
            y = (mt[kk] & UpperMask) | (mt[kk + 1] & LowerMask);
            mt[kk] = mt[kk + (M - StateLength)] ^ (y >> 1) ^ ((y & 1U) * MatrixA);
        }

        y = (mt[StateLength - 1] & UpperMask) | (mt[0] & LowerMask);
        mt[StateLength - 1] = mt[M - 1] ^ (y >> 1) ^ ((y & 1U) * MatrixA);
        _index = 0;
    }
}
