namespace DriftWatch.Quality;

/// <summary>Random stratified train/test splits of 0/1 labels with a fixed seed.</summary>
/// <remarks>
/// Each split shuffles the indices of each class and puts round(share·n_c) of class c (at least one when the class has
/// two or more rows) into the test set, so every test set keeps the class balance. The same seed gives the same splits.
/// scikit-learn's <c>StratifiedShuffleSplit</c> draws from NumPy's generator, so its splits differ; the calibration
/// tests feed scikit-learn's splits to <see cref="CalibrationCheck"/> directly.
/// </remarks>
internal static class StratifiedShuffleSplit
{
    public static int[][] TestSets(ReadOnlySpan<int> labels, int splitCount, double testShare, int seed)
    {
        var byClass = new List<int>[2] { [], [] };
        for (var i = 0; i < labels.Length; i++)
        {
            byClass[labels[i]].Add(i);
        }

        var random = new Random(seed);
        var result = new int[splitCount][];
        for (var s = 0; s < splitCount; s++)
        {
            var test = new List<int>();
            foreach (var members in byClass)
            {
                var take = (int)Math.Round(testShare * members.Count, MidpointRounding.AwayFromZero);
                if (take == 0 && members.Count >= 2)
                {
                    take = 1;
                }

                var shuffled = members.ToArray();
                random.Shuffle(shuffled);
                test.AddRange(shuffled.AsSpan(0, take).ToArray());
            }

            test.Sort();
            result[s] = [.. test];
        }

        return result;
    }
}
