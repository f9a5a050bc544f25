using System.Text.Json;
using DriftWatch.Data;

namespace DriftWatch.Tests.Quality;

/// <summary>Reads TestData/label_free.json (written by tests/reference/label_free.py).</summary>
internal static class LabelFreeReference
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "label_free.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    });

    public static JsonElement Get(string section) => Root.Value.GetProperty(section);

    public static double[] Doubles(this JsonElement e) =>
        [.. e.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble())];

    public static int[] Ints(this JsonElement e) => [.. e.EnumerateArray().Select(v => v.GetInt32())];

    public static double Double(this JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? double.NaN : e.GetProperty(name).GetDouble();

    public static Dataset Dataset(JsonElement columns, IEnumerable<string> names, string source)
    {
        var list = new List<DatasetColumn>();
        foreach (var name in names)
        {
            var values = columns.GetProperty(name).EnumerateArray().ToArray();
            var isText = values.Any(v => v.ValueKind == JsonValueKind.String);
            list.Add(isText
                ? new DatasetColumn(name, ValueKind.String, null, [.. values.Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString())])
                : new DatasetColumn(name, ValueKind.Float, [.. values.Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble())], null));
        }

        return new Dataset(source, list);
    }
}
