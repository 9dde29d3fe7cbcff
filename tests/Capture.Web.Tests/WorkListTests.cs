using Archive.Store.Cases;
using System.Net;
using System.Text.Json;
using Capture.Web.Tests.Support;

namespace Capture.Web.Tests;

/// <summary><c>/work</c>, <c>/triage</c>, <c>/queue</c> and their <c>/api</c> twins over an archive whose order is known.</summary>
public sealed class WorkListTests(WorkArchive archive) : IClassFixture<WorkArchive>
{
    [Fact]
    public async Task WorkApi_AsAHandler_ListsOnlyTheirOpenCases_MissedThenAtRiskThenPriorityThenDaysWaiting()
    {
        using var hanna = await SignedInAsync("hanna");

        var work = await hanna.GetJsonAsync("/api/work");

        Assert.Equal("hanna", work.GetProperty("handler").GetString());
        var cases = work.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal([archive.Missed, archive.AtRisk, archive.Urgent, archive.LongWait], cases.Select(Registration));
        Assert.Equal(["missed", "at-risk", "on-track", "on-track"], cases.Select(c => c.GetProperty("deadlineStanding").GetString()));
        Assert.Equal("urgent", cases[2].GetProperty("priority").GetString());
        Assert.Equal(12, cases[3].GetProperty("daysWaiting").GetInt32());
        Assert.Equal("ewa@example.com", cases[0].GetProperty("contact").GetProperty("email").GetString());
    }

    [Fact]
    public async Task WorkPage_ShowsTheHandlersCasesInTheSameOrder_EachLinkedToItsCase()
    {
        using var hanna = await SignedInAsync("hanna");

        var page = await hanna.GetStringAsync("/work");

        var positions = new[] { archive.Missed, archive.AtRisk, archive.Urgent, archive.LongWait }.Select(reg => page.IndexOf($"href=\"/cases/{reg}\"", StringComparison.Ordinal)).ToList();
        Assert.All(positions, position => Assert.True(position > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain(archive.Henryks, page, StringComparison.Ordinal);
        Assert.DoesNotContain(archive.HannasClosed, page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"standing missed\">missed</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkApi_AsAnotherHandler_ShowsNoneOfHannasCases()
    {
        using var henryk = await SignedInAsync("henryk");

        var cases = (await henryk.GetJsonAsync("/api/work")).GetProperty("cases").EnumerateArray().Select(Registration).ToList();

        Assert.Contains(archive.Henryks, cases);
        Assert.DoesNotContain(archive.Missed, cases);
        Assert.DoesNotContain(archive.LongWait, cases);
    }

    [Fact]
    public async Task Triage_ListsTheOpenUnclassifiedCasesOldestFirst_WithTheClassifiersGuess_AndNoClosedCase()
    {
        using var hanna = await SignedInAsync("hanna");

        var cases = (await hanna.GetJsonAsync("/api/triage")).GetProperty("cases").EnumerateArray().ToList();
        var page = await hanna.GetStringAsync("/triage");

        Assert.Equal([archive.OldUnclassified, archive.NewUnclassified], cases.Select(Registration));
        Assert.All(cases, c => Assert.Equal("complaint", c.GetProperty("suggestedCategory").GetString()));
        Assert.True(page.IndexOf(archive.OldUnclassified, StringComparison.Ordinal) < page.IndexOf(archive.NewUnclassified, StringComparison.Ordinal));
        Assert.DoesNotContain(archive.Missed, page, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Closed, archive.Store.FindCase(archive.ClosedUnclassified)!.Status);
        Assert.Equal(CaseCategory.Unclassified, archive.Store.FindCase(archive.ClosedUnclassified)!.Category);
        Assert.DoesNotContain(archive.ClosedUnclassified, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_AsASupervisor_FiltersByHandlerAndStatus_AndShowsEachHandlersLoad()
    {
        using var sonia = await SignedInAsync("sonia");

        var hannas = await sonia.GetJsonAsync("/api/queue?handler=hanna");
        var unassigned = await sonia.GetJsonAsync("/api/queue?handler=unassigned&status=not-started");
        var all = await sonia.GetJsonAsync("/api/queue");

        Assert.Equal([archive.Missed, archive.AtRisk, archive.Urgent, archive.LongWait], hannas.GetProperty("cases").EnumerateArray().Select(Registration));
        Assert.Subset(unassigned.GetProperty("cases").EnumerateArray().Select(Registration).ToHashSet(), new HashSet<string?> { archive.OldUnclassified, archive.NewUnclassified });
        Assert.All(unassigned.GetProperty("cases").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("handler").ValueKind));
        Assert.Equal(["missed", "missed"], all.GetProperty("cases").EnumerateArray().Take(2).Select(c => c.GetProperty("deadlineStanding").GetString()));
        var hannasLoad = all.GetProperty("handlers").EnumerateArray().Single(h => h.GetProperty("handler").GetString() == "hanna");
        Assert.Equal((4, 1, 1), (hannasLoad.GetProperty("open").GetInt32(), hannasLoad.GetProperty("atRisk").GetInt32(), hannasLoad.GetProperty("missed").GetInt32()));
    }

    [Fact]
    public async Task QueueLoad_ListsRosterPeopleWithoutAWebLogin_WithTheirRealLoadOrZero()
    {
        using var sonia = await SignedInAsync("sonia");

        var loads = (await sonia.GetJsonAsync("/api/queue")).GetProperty("handlers").EnumerateArray()
            .ToDictionary(h => h.GetProperty("handler").GetString()!, h => (h.GetProperty("open").GetInt32(), h.GetProperty("missed").GetInt32()));
        var page = await sonia.GetStringAsync("/queue");

        Assert.DoesNotContain("olga", WebServer.Users.Keys);
        Assert.DoesNotContain("rosa", WebServer.Users.Keys);
        Assert.Equal((1, 1), loads["olga"]);
        Assert.Equal((0, 0), loads["rosa"]);
        Assert.Contains(">olga</a></td>", page, StringComparison.Ordinal);
        Assert.Contains(">rosa</a></td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_WithAStatusNoOpenCaseHas_Gets400()
    {
        using var sonia = await SignedInAsync("sonia");

        Assert.Equal(HttpStatusCode.BadRequest, await sonia.StatusOfAsync("/api/queue?status=closed"));
        Assert.Equal(HttpStatusCode.BadRequest, await sonia.StatusOfAsync("/queue?status=closed"));
    }

    [Fact]
    public async Task QueuePage_HasAReassignFormPerCase_AndTheHandlersLoad()
    {
        using var sonia = await SignedInAsync("sonia");

        var page = await sonia.GetStringAsync("/queue?handler=hanna");

        Assert.Contains($"action=\"/queue/{archive.Missed}/assign\"", page, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", page, StringComparison.Ordinal);
        Assert.Contains("Handlers' load", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/cases/{archive.Henryks}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reassign_FromTheQueue_ChangesTheHandlerInTheStoreAndTheSearchIndex_AndReturnsToTheFilteredQueue()
    {
        using var sonia = await SignedInAsync("sonia");
        var token = await sonia.FormTokenAsync("/queue");

        using var response = await sonia.PostFormAsync($"/queue/{archive.ToReassign}/assign", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["user"] = "peter", ["note"] = "holiday", ["queue-handler"] = "henryk",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/queue?handler=henryk", response.Headers.Location?.OriginalString);
        Assert.Equal("peter", archive.Store.FindCase(archive.ToReassign)!.Handler);
        var found = await sonia.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString($"handler:peter reg:{archive.ToReassign}"));
        Assert.Equal(1, found.GetProperty("totalCases").GetInt32());
        Assert.DoesNotContain(archive.ToReassign, (await sonia.GetJsonAsync("/api/queue?handler=henryk")).GetProperty("cases").EnumerateArray().Select(Registration));
    }

    [Fact]
    public async Task Reassign_AsAHandler_Gets403AndChangesNothing()
    {
        using var hanna = await SignedInAsync("hanna");
        var token = await hanna.FormTokenAsync("/work");

        using var response = await hanna.PostFormAsync($"/queue/{archive.Henryks}/assign", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["user"] = "hanna",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("henryk", archive.Store.FindCase(archive.Henryks)!.Handler);
    }

    [Theory]
    [InlineData("clara", "/work")]
    [InlineData("clara", "/triage")]
    [InlineData("clara", "/queue")]
    [InlineData("clara", "/dashboard")]
    [InlineData("clara", "/api/work")]
    [InlineData("clara", "/api/triage")]
    [InlineData("clara", "/api/queue")]
    [InlineData("clara", "/api/dashboard")]
    [InlineData("hanna", "/queue")]
    [InlineData("hanna", "/dashboard")]
    [InlineData("hanna", "/api/queue")]
    [InlineData("hanna", "/api/dashboard")]
    public async Task WorkListsAndDashboard_ForARoleThatMayNot_Get403(string login, string path)
    {
        using var session = await SignedInAsync(login);

        Assert.Equal(HttpStatusCode.Forbidden, await session.StatusOfAsync(path));
    }

    [Theory]
    [InlineData("/api/work", HttpStatusCode.Unauthorized)]
    [InlineData("/api/dashboard", HttpStatusCode.Unauthorized)]
    [InlineData("/queue", HttpStatusCode.Redirect)]
    public async Task WorkListsAndDashboard_Anonymously_AreRefused(string path, HttpStatusCode expected)
    {
        using var anonymous = new WebSession(archive.BaseAddress);

        Assert.Equal(expected, await anonymous.StatusOfAsync(path));
    }

    [Theory]
    [InlineData("clara", new string[0], new[] { "/work", "/triage", "/queue", "/dashboard" })]
    [InlineData("hanna", new[] { "/work", "/triage" }, new[] { "/queue", "/dashboard" })]
    [InlineData("sonia", new[] { "/work", "/triage", "/queue", "/dashboard" }, new string[0])]
    [InlineData("adam", new[] { "/work", "/triage", "/queue", "/dashboard" }, new string[0])]
    public async Task Navigation_LinksOnlyThePagesTheRoleMayOpen(string login, string[] shown, string[] hidden)
    {
        using var session = await SignedInAsync(login);

        var page = await session.GetStringAsync("/search");

        Assert.All(shown, path => Assert.Contains($"<a href=\"{path}\">", page, StringComparison.Ordinal));
        Assert.All(hidden, path => Assert.DoesNotContain($"<a href=\"{path}\">", page, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheWorkListsAndTheDashboard()
    {
        using var clerk = await SignedInAsync("clara");

        var paths = (await clerk.GetJsonAsync("/openapi/v1.json")).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/work", paths);
        Assert.Contains("/api/triage", paths);
        Assert.Contains("/api/queue", paths);
        Assert.Contains("/api/dashboard", paths);
        Assert.DoesNotContain("/queue/{registrationNumber}/assign", paths);
    }

    private static string? Registration(JsonElement row) => row.GetProperty("registrationNumber").GetString();

    private Task<WebSession> SignedInAsync(string login) => WebSession.SignedInAsync(archive.BaseAddress, login);
}
