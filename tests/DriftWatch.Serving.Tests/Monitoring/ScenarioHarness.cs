using DriftWatch.Monitoring;
using DriftWatch.Profiles;
using DriftWatch.Serving.Generation;
using Microsoft.Extensions.Time.Testing;

namespace DriftWatch.Serving.Tests.Monitoring;

/// <summary>
/// Drives a <see cref="DriftMonitor"/> with generated traffic: a reference of 20 000 rows, a stable period, then a
/// scenario, evaluating every <see cref="Step"/> rows (15 s of fake time apart) and recording when each signal first
/// appears. The "model" is the reference label rule's Bayes classifier applied to the inputs the service sees.
/// </summary>
internal sealed class ScenarioHarness
{
    public const int Step = 250;

    private readonly CreditRiskGenerator _generator;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public ScenarioHarness(int seed, DriftMonitorOptions? options = null)
    {
        _generator = new CreditRiskGenerator(seed);
        var reference = _generator.Generate(20_000);
        var scores = reference.Select(Score).ToArray();
        Profile = ReferenceProfile.Build(CreditRiskGenerator.ToDataset(reference), predictions: scores);
        Monitor = new DriftMonitor(Profile, CreditRiskSchema.Features, options ?? new DriftMonitorOptions { AccuracyFloor = 0.75 }, _time);
    }

    public ReferenceProfile Profile { get; }

    public DriftMonitor Monitor { get; }

    public FakeTimeProvider Time => _time;

    /// <summary>The model's score: the reference rule's probability of default on what the service sees (0.2 when an input is missing).</summary>
    public static double Score(CreditRiskRow row)
    {
        var p = CreditRiskLabelRule.Original(
            row.Age, row.Income, row.DebtToIncome, row.CreditHistoryMonths, row.NumOpenAccounts, row.LoanAmount, row.EmploymentType ?? "salaried");
        return double.IsFinite(p) ? p : 0.2;
    }

    /// <summary>Plays <paramref name="rows"/> rows of a scenario and returns every snapshot taken on the way, with the rows played so far in the scenario.</summary>
    public List<(int Rows, DriftSnapshot Snapshot)> Play(DriftScenario scenario, int rows, Func<int, double>? progress = null)
    {
        var snapshots = new List<(int, DriftSnapshot)>();
        for (var done = 0; done < rows; done += Step)
        {
            var batch = new List<CreditRiskRow>(Step);
            for (var i = 0; i < Step; i++)
            {
                batch.Add(_generator.Next(scenario, progress?.Invoke(done + i) ?? 0));
            }

            Feed(batch);
            _time.Advance(TimeSpan.FromSeconds(15));
            snapshots.Add((done + Step, Monitor.Evaluate()));
        }

        return snapshots;
    }

    private void Feed(List<CreditRiskRow> batch)
    {
        var features = CreditRiskSchema.Features;
        var numbers = new double[batch.Count * features.Count];
        var strings = new string?[batch.Count * features.Count];
        var scores = new double[batch.Count];
        for (var r = 0; r < batch.Count; r++)
        {
            for (var f = 0; f < features.Count; f++)
            {
                var cell = (r * features.Count) + f;
                if (f < CreditRiskSchema.NumericFeatures.Count)
                {
                    numbers[cell] = batch[r].GetNumber(features[f]);
                }
                else
                {
                    numbers[cell] = double.NaN;
                    strings[cell] = batch[r].GetCategory(features[f]);
                }
            }

            scores[r] = Score(batch[r]);
        }

        Monitor.Observe(numbers, strings, batch.Count, scores);
        for (var r = 0; r < batch.Count; r++)
        {
            Monitor.ObserveOutcome(scores[r] > 0.5 ? 1 : 0, batch[r].Label);
        }
    }
}
