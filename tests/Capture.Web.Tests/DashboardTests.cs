using System.Net;
using System.Text.Json;
using Capture.Web.Tests.Support;

namespace Capture.Web.Tests;

/// <summary><c>/dashboard</c> and <c>/api/dashboard</c>: the figures of a known archive, and the charts that show them.</summary>
public sealed class DashboardTests(WorkArchive archive) : IClassFixture<WorkArchive>
{
    [Fact]
    public async Task DashboardApi_ByDefault_CoversTheLast30Days_WithCountsTimesDeadlinesAndRepeatedProducts()
    {
        using var sonia = await WebSession.SignedInAsync(archive.BaseAddress, "sonia");

        var report = await sonia.GetJsonAsync("/api/dashboard");

        Assert.Equal(12, report.GetProperty("cases").GetInt32());
        Assert.Equal([("not-started", 8), ("closed", 4)], Counts(report, "byStatus"));
        Assert.Equal([("complaint", 5), ("suggestion", 3), ("thanks", 2), ("unclassified", 2)], Counts(report, "byCategory"));
        Assert.Contains(("hanna", 5), Counts(report, "byHandler"));
        Assert.Contains(("unassigned", 5), Counts(report, "byHandler"));
        Assert.Equal([("en", 12)], Counts(report, "byLanguage"));
        // Closed after 1, 3, 5 and 1 days; first answered after 1, 0.5, 5 and 1 days (nearest-rank percentiles).
        Assert.Equal((4, "1.00:00:00", "5.00:00:00"), Summary(report, "timeToClose"));
        Assert.Equal((4, "1.00:00:00", "5.00:00:00"), Summary(report, "timeToFirstResponse"));
        var deadlines = report.GetProperty("deadlines");
        Assert.Equal((1, 1, 0), (deadlines.GetProperty("missed").GetInt32(), deadlines.GetProperty("atRisk").GetInt32(), deadlines.GetProperty("closedLate").GetInt32()));
        Assert.Equal([archive.Missed, archive.AtRisk], deadlines.GetProperty("cases").EnumerateArray().Select(c => c.GetString()));
        var product = Assert.Single(report.GetProperty("repeatedProblems").GetProperty("products").EnumerateArray());
        Assert.Equal(("Kettle K2", 3), (product.GetProperty("key").GetString(), product.GetProperty("complaints").GetInt32()));
    }

    [Fact]
    public async Task Dashboard_RepeatedProductWords_NameTheProductTheComplaintTextsShare_InTheApiAndAsAChart()
    {
        using var sonia = await WebSession.SignedInAsync(archive.BaseAddress, "sonia");

        var report = await sonia.GetJsonAsync("/api/dashboard");
        var page = await sonia.GetStringAsync("/dashboard");

        // Four complaints in the period say "kettle" in their text; only three have the product assigned.
        var word = Assert.Single(report.GetProperty("repeatedProblems").GetProperty("productWords").EnumerateArray());
        Assert.Equal(("kettle", 4), (word.GetProperty("key").GetString(), word.GetProperty("complaints").GetInt32()));
        Assert.Equal([archive.HannasClosed, archive.Missed, archive.AtRisk, archive.Henryks], word.GetProperty("examples").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("Complaints per product word in their text", page, StringComparison.Ordinal);
        Assert.Contains("id=\"problems-words-title\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DashboardApi_ForOneDay_CountsOnlyTheCasesReceivedThatDay()
    {
        using var sonia = await WebSession.SignedInAsync(archive.BaseAddress, "sonia");

        var report = await sonia.GetJsonAsync("/api/dashboard?from=2026-11-10&to=2026-11-10");
        var year = await sonia.GetJsonAsync("/api/dashboard?days=365");

        Assert.Equal(3, report.GetProperty("cases").GetInt32());
        Assert.Equal([("closed", 3)], Counts(report, "byStatus"));
        Assert.Equal(14, year.GetProperty("cases").GetInt32());
    }

    [Theory]
    [InlineData("/api/dashboard?days=0")]
    [InlineData("/api/dashboard?from=yesterday")]
    [InlineData("/api/dashboard?from=2026-11-20&to=2026-11-10")]
    [InlineData("/dashboard?from=2026-13-01")]
    public async Task Dashboard_WithAPeriodThatIsNotOne_Gets400(string path)
    {
        using var sonia = await WebSession.SignedInAsync(archive.BaseAddress, "sonia");

        Assert.Equal(HttpStatusCode.BadRequest, await sonia.StatusOfAsync(path));
    }

    [Fact]
    public async Task DashboardPage_DrawsLabelledSvgBarCharts_WithTheirNumbers()
    {
        using var adam = await WebSession.SignedInAsync(archive.BaseAddress, "adam");

        var page = await adam.GetStringAsync("/dashboard");

        Assert.Contains("<strong>12</strong> case(s) received", page, StringComparison.Ordinal);
        Assert.Contains("""<svg role="img" aria-labelledby="status-title status-desc" """, page, StringComparison.Ordinal);
        Assert.Contains("""<desc id="status-desc">not-started: 8; closed: 4</desc>""", page, StringComparison.Ordinal);
        Assert.Contains("""<desc id="category-desc">complaint: 5; suggestion: 3; thanks: 2; unclassified: 2</desc>""", page, StringComparison.Ordinal);
        Assert.Contains("""<desc id="deadlines-desc">missed (open): 1; at risk (open): 1; closed late: 0</desc>""", page, StringComparison.Ordinal);
        Assert.Contains("""<text class="value" """, page, StringComparison.Ordinal);
        Assert.Contains("Complaints per product", page, StringComparison.Ordinal);
        Assert.Contains("""<td class="median">1.0 d</td><td class="p90">5.0 d</td>""", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cases/{archive.Missed}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
    }

    private static List<(string?, int)> Counts(JsonElement report, string dimension) =>
        [.. report.GetProperty(dimension).EnumerateArray().Select(c => (c.GetProperty("value").GetString(), c.GetProperty("cases").GetInt32()))];

    private static (int, string?, string?) Summary(JsonElement report, string name)
    {
        var summary = report.GetProperty(name);
        return (summary.GetProperty("cases").GetInt32(), summary.GetProperty("median").GetString(), summary.GetProperty("percentile90").GetString());
    }
}
