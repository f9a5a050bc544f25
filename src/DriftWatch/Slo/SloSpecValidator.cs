using System.Globalization;
using System.Text.RegularExpressions;

namespace DriftWatch.Slo;

/// <summary>Checks an <see cref="SloSpecDocument"/> and turns it into an <see cref="SloSpec"/>.</summary>
/// <remarks>Every failure is one <see cref="SloSpecException"/> whose one-line message names the SLO and field.</remarks>
internal static partial class SloSpecValidator
{
    /// <summary>The only spec version understood.</summary>
    public const string SpecVersion = "driftwatch.slo/v1";

    /// <summary>The model the built-in kinds select when the spec names none.</summary>
    public const string DefaultModel = "credit-risk";

    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);

    /// <summary>Validates a spec.</summary>
    /// <param name="document">The spec as read.</param>
    /// <returns>The checked spec.</returns>
    /// <exception cref="SloSpecException">Something in the spec is wrong.</exception>
    public static SloSpec Validate(SloSpecDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Version is not null && document.Version != SpecVersion)
        {
            throw new SloSpecException($"version: '{document.Version}' is not supported (expected {SpecVersion})");
        }

        var service = Name(document.Service, "service");
        var model = document.Model ?? DefaultModel;
        if (string.IsNullOrWhiteSpace(model) || model.Contains('"', StringComparison.Ordinal) || model.Contains('\\', StringComparison.Ordinal))
        {
            throw new SloSpecException("model: must be a non-empty label value without quotes or backslashes");
        }

        var specLabels = Labels(document.Labels, "labels");
        if (document.Slos is not { Count: > 0 })
        {
            throw new SloSpecException("slos: the spec defines no SLO");
        }

        var slos = new List<ServiceLevelObjective>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Slos.Count; i++)
        {
            var slo = Slo(document.Slos[i], i, model, specLabels);
            if (!seen.Add(slo.Name))
            {
                throw new SloSpecException($"slos[{i}].name: '{slo.Name}' is defined twice");
            }

            slos.Add(slo);
        }

        var slaSlos = new List<string>();
        if (document.Sla is { } sla)
        {
            foreach (var name in sla.Slos ?? [])
            {
                if (!seen.Contains(name))
                {
                    throw new SloSpecException($"sla.slos: '{name}' is not an SLO of this spec");
                }

                slaSlos.Add(name);
            }
        }

        return new SloSpec(service, slos, document.Sla?.Name, slaSlos);
    }

    private static ServiceLevelObjective Slo(SloDocument? doc, int index, string model, SortedDictionary<string, string> specLabels)
    {
        var at = $"slos[{index}]";
        if (doc is null)
        {
            throw new SloSpecException($"{at}: empty entry");
        }

        var name = Name(doc.Name, $"{at}.name");
        at = $"slo '{name}'";
        if (doc.Objective is not { } objective || objective <= 0m || objective >= 100m)
        {
            var shown = doc.Objective?.ToString(CultureInfo.InvariantCulture) ?? "missing";
            throw new SloSpecException($"{at}: objective {shown} is out of range (a percentage strictly between 0 and 100, e.g. 99.9)");
        }

        var period = DefaultPeriod;
        if (doc.Period is not null && !PromDuration.TryParse(doc.Period, out period))
        {
            throw new SloSpecException($"{at}: period '{doc.Period}' is not a Prometheus duration such as 30d");
        }

        if (period < TimeSpan.FromDays(1))
        {
            throw new SloSpecException($"{at}: period '{doc.Period}' is shorter than 1d");
        }

        var labels = Labels(doc.Labels, $"{at}: labels");
        foreach (var (key, value) in specLabels)
        {
            labels.TryAdd(key, value);
        }

        var sli = Sli(doc.Sli, model, at);
        var alerting = Alerting(doc.Alerting, name, at);
        return new ServiceLevelObjective(name, objective, period, doc.Description?.Trim() ?? string.Empty, labels, sli, alerting);
    }

    private static SliQuery Sli(SliDocument? sli, string model, string at)
    {
        if (sli is null)
        {
            throw new SloSpecException($"{at}: sli is missing (give sli.kind or sli.events)");
        }

        if (sli.Kind is not null && sli.Events is not null)
        {
            throw new SloSpecException($"{at}: sli has both kind and events; give one");
        }

        if (sli.Kind is { } kind)
        {
            return SliKinds.Build(kind, model, sli, at);
        }

        if (sli.Events is not { } events)
        {
            throw new SloSpecException($"{at}: sli needs a kind ({string.Join(", ", SliKinds.Names)}) or events");
        }

        return new SliQuery("events", Query(events.ErrorQuery, "error_query", at), Query(events.TotalQuery, "total_query", at));
    }

    private static string Query(string? query, string field, string at)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new SloSpecException($"{at}: sli.events.{field} is missing");
        }

        if (!query.Contains(SliQuery.WindowPlaceholder, StringComparison.Ordinal))
        {
            throw new SloSpecException($"{at}: sli.events.{field} has no {SliQuery.WindowPlaceholder} placeholder");
        }

        // One line in the generated file: the placeholder is the only template syntax we substitute.
        return string.Join(' ', query.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static SloAlerting Alerting(SloAlertingDocument? doc, string name, string at)
    {
        var alertName = doc?.Name ?? DefaultAlertName(name);
        if (!AlertNamePattern().IsMatch(alertName))
        {
            throw new SloSpecException($"{at}: alerting.name '{alertName}' is not a valid alert name ([A-Za-z_][A-Za-z0-9_]*)");
        }

        var labels = Labels(doc?.Labels, $"{at}: alerting.labels");
        var annotations = Labels(doc?.Annotations, $"{at}: alerting.annotations");
        return new SloAlerting(alertName, doc?.Page ?? true, doc?.Ticket ?? true, labels, annotations);
    }

    private static string DefaultAlertName(string name)
    {
        var parts = name.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries);
        var pascal = string.Concat(parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        return $"SLO{pascal}ErrorBudgetBurn";
    }

    private static string Name(string? value, string field)
    {
        if (string.IsNullOrEmpty(value) || !NamePattern().IsMatch(value))
        {
            throw new SloSpecException($"{field}: '{value}' must be lower-case letters, digits, '-' or '_'");
        }

        return value;
    }

    private static SortedDictionary<string, string> Labels(Dictionary<string, string>? labels, string field)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels ?? [])
        {
            if (!LabelNamePattern().IsMatch(key) || key.StartsWith("__", StringComparison.Ordinal))
            {
                throw new SloSpecException($"{field}: '{key}' is not a valid label name");
            }

            result[key] = value ?? string.Empty;
        }

        return result;
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9_-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex AlertNamePattern();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelNamePattern();
}
