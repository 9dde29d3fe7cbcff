using System.Globalization;

namespace Capture.Web.Pages;

/// <summary>
/// A horizontal bar chart drawn on the server as inline SVG (the pages run no script): one row per bar with its label
/// on the left and its number at the end of the bar, a title and a description that read the whole chart out for
/// screen readers, so it is readable at a glance and without seeing it.
/// </summary>
internal static class BarChart
{
    private const int Width = 600;
    private const int LabelWidth = 170;
    private const int ValueWidth = 190;
    private const int RowHeight = 26;
    private const int BarHeight = 18;
    private const int MaxLabelLength = 24;

    /// <summary>The chart of <paramref name="bars"/> in the order given, or a line saying there is nothing to draw.</summary>
    /// <param name="id">A name unique on the page, for the title and description the chart refers to.</param>
    /// <param name="title">What the chart counts, e.g. "Cases per status".</param>
    /// <param name="bars">Each bar's label, value (its length) and the text written after it.</param>
    public static HtmlMarkup Draw(string id, string title, IReadOnlyList<Bar> bars)
    {
        var html = new Html();
        if (bars.Count == 0 || bars.All(bar => bar.Value <= 0))
        {
            html.Append($"""<figure class="chart"><figcaption>{title}</figcaption><p class="meta">Nothing in this period.</p></figure>""");
            return html.ToMarkup();
        }

        var max = bars.Max(bar => bar.Value);
        var height = bars.Count * RowHeight;
        var description = string.Join("; ", bars.Select(bar => $"{bar.Label}: {bar.Text}"));
        html.Append($"""
            <figure class="chart"><figcaption id="{id}-title">{title}</figcaption>
            <svg role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {Width} {height}" width="{Width}" height="{height}" xmlns="http://www.w3.org/2000/svg">
            <title>{title}</title><desc id="{id}-desc">{description}</desc>
            """);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = i * RowHeight;
            var length = max <= 0 ? 0 : Math.Max(bar.Value > 0 ? 2 : 0, bar.Value / max * (Width - LabelWidth - ValueWidth));
            var label = bar.Label.Length > MaxLabelLength ? bar.Label[..(MaxLabelLength - 1)] + "…" : bar.Label;
            html.Append($"""
                <g class="bar {bar.Tone}"><title>{bar.Label}: {bar.Text}</title>
                <text class="label" x="{LabelWidth - 8}" y="{y + (RowHeight / 2) + 5}" text-anchor="end">{label}</text>
                <rect x="{LabelWidth}" y="{y + ((RowHeight - BarHeight) / 2)}" width="{Format(length)}" height="{BarHeight}" rx="2"></rect>
                <text class="value" x="{Format(LabelWidth + length + 6)}" y="{y + (RowHeight / 2) + 5}">{bar.Text}</text></g>
                """);
        }

        html.Append($"</svg></figure>");
        return html.ToMarkup();
    }

    /// <summary>Bars that count cases, labelled with the count.</summary>
    public static IReadOnlyList<Bar> Counts(IEnumerable<(string Label, int Count)> counts) =>
        [.. counts.Select(c => new Bar(c.Label, c.Count, c.Count.ToString(CultureInfo.InvariantCulture)))];

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>One bar: its label, its length in the chart's unit, the text written after it, and a class that colours it (<c>missed</c>, <c>at-risk</c>).</summary>
internal sealed record Bar(string Label, double Value, string Text, string? Tone = null);
