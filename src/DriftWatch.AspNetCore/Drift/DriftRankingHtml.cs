using System.Globalization;
using System.Net;
using System.Text;
using DriftWatch.Analysis;

namespace DriftWatch.AspNetCore.Drift;

/// <summary>Renders the importance-weighted drift ranking, with each feature's one-line explanation, as an HTML section.</summary>
/// <remarks>Only drifted features are listed (largest weighted score first); the label-free estimates are named in one line
/// above the list when present.</remarks>
internal static class DriftRankingHtml
{
    /// <summary>Renders the section.</summary>
    /// <param name="snapshot">The latest label-free evaluation, or <see langword="null"/>.</param>
    /// <returns>The HTML section, or an empty string when there is no evaluation.</returns>
    public static string Render(LabelFreeSnapshot? snapshot)
    {
        if (snapshot is null)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<section class=\"ranking\"><h2>What matters: drifted features by importance</h2>");
        if (snapshot.Estimate is { } estimate)
        {
            var accuracy = estimate[Quality.CbpeMetric.Accuracy];
            html.Append("<p>").Append(WebUtility.HtmlEncode(string.Create(
                CultureInfo.InvariantCulture,
                $"Estimated accuracy (no labels): {accuracy.Value:0.000} [{accuracy.LowerBound:0.000}, {accuracy.UpperBound:0.000}]{(accuracy.Alert ? " (alert)" : string.Empty)}"))).Append("</p>");
        }

        var drifted = snapshot.Ranking.Where(d => d.Detected).ToList();
        if (drifted.Count == 0)
        {
            return html.Append("<p>No drifted feature.</p></section>").ToString();
        }

        html.Append("<ol>");
        foreach (var d in drifted)
        {
            html.Append("<li><strong>").Append(WebUtility.HtmlEncode(d.Feature)).Append("</strong> ")
                .Append(WebUtility.HtmlEncode(string.Create(CultureInfo.InvariantCulture, $"(weighted score {d.WeightedScore:0.###}, importance {d.ImportanceShare:P0}, {d.Method} {d.Score:0.####})")));
            if (d.Explanation is { Length: > 0 } explanation)
            {
                html.Append(": ").Append(WebUtility.HtmlEncode(explanation));
            }

            html.Append("</li>");
        }

        return html.Append("</ol></section>").ToString();
    }
}
