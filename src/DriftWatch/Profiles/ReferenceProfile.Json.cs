using System.Text.Json;
using DriftWatch.Statistics;

namespace DriftWatch.Profiles;

/// <content>Saving and loading a profile as JSON, so that it is built once and stored with the model.</content>
public sealed partial class ReferenceProfile
{
    private const int FormatVersion = 1;

    /// <summary>Writes the profile as JSON (the form <see cref="FromJson"/> reads).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        var dto = new ProfileDto(
            FormatVersion, RowCount, BinCount, SampleSize, [.. Features.Select(ToDto)], Prediction is null ? null : ToDto(Prediction));
        return JsonSerializer.Serialize(dto, ReferenceProfileJsonContext.Default.ProfileDto);
    }

    /// <summary>Reads a profile written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a profile of a known version.</exception>
    public static ReferenceProfile FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        ProfileDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, ReferenceProfileJsonContext.Default.ProfileDto);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not a reference profile: {ex.Message}", ex);
        }

        if (dto is null || dto.Version != FormatVersion || dto.Features is null || dto.Features.Length == 0)
        {
            throw new FormatException($"Not a reference profile of version {FormatVersion}.");
        }

        return new ReferenceProfile(
            dto.RowCount, dto.BinCount, dto.SampleSize, [.. dto.Features.Select(FromDto)], dto.Prediction is null ? null : FromDto(dto.Prediction));
    }

    private static FeatureDto ToDto(FeatureProfile f) => new(
        f.Name,
        f.Type == ColumnType.Numerical ? "numerical" : "categorical",
        f.Count,
        f.Missing,
        f.Min,
        f.Max,
        f.EdgeArray,
        f.CdfArray,
        f.SampleArray,
        f.CategoryArray,
        f.CategoryCountArray);

    private static FeatureProfile FromDto(FeatureDto d)
    {
        if (string.IsNullOrEmpty(d.Name) || d.Edges is null || d.Cdf is null || d.Sample is null || d.Categories is null
            || d.CategoryCounts is null || d.Edges.Length != d.Cdf.Length || d.Categories.Length != d.CategoryCounts.Length)
        {
            throw new FormatException($"Reference profile feature '{d.Name}' is incomplete.");
        }

        var type = d.Type switch
        {
            "numerical" => ColumnType.Numerical,
            "categorical" => ColumnType.Categorical,
            _ => throw new FormatException($"Reference profile feature '{d.Name}' has unknown type '{d.Type}'."),
        };
        return new FeatureProfile(d.Name, type, d.Count, d.Missing, d.Min, d.Max, d.Edges, d.Cdf, d.Sample, d.Categories, d.CategoryCounts);
    }

    /// <summary>The saved profile (<see cref="ReferenceProfileJsonContext"/> gives its JSON form).</summary>
    internal sealed record ProfileDto(int Version, int RowCount, int BinCount, int SampleSize, FeatureDto[] Features, FeatureDto? Prediction);

    /// <summary>One saved feature (or the prediction).</summary>
    internal sealed record FeatureDto(
        string Name,
        string Type,
        long Count,
        long Missing,
        double Min,
        double Max,
        double[] Edges,
        double[] Cdf,
        double[] Sample,
        string[] Categories,
        long[] CategoryCounts);
}
