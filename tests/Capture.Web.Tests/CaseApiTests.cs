using System.Net;
using System.Text.Json;
using Capture.Web.Tests.Support;

namespace Capture.Web.Tests;

/// <summary><c>/api/cases/{reg}</c>: reading a case, and who may change its status or give it to someone.</summary>
public sealed class CaseApiTests(WebServer server)
{
    [Fact]
    public async Task GetCase_AsAClerk_ReturnsTheCaseWithDocumentsHistoryAndDeadline()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");
        var registration = server.CaseOf(Samples.HannasKettle);

        var view = await clerk.GetJsonAsync($"/api/cases/{registration}");

        Assert.Equal(registration, view.GetProperty("registrationNumber").GetString());
        Assert.Equal("hanna", view.GetProperty("handler").GetString());
        var document = Assert.Single(view.GetProperty("documents").EnumerateArray());
        Assert.Equal("en-complaint-kettle.eml", document.GetProperty("fileName").GetString());
        Assert.False(string.IsNullOrEmpty(document.GetProperty("id").GetString()));
        Assert.NotEmpty(view.GetProperty("history").EnumerateArray());
        foreach (var field in new[] { "status", "category", "contact", "deadline", "daysWaiting", "alerts", "reminders", "priority" })
        {
            Assert.True(view.TryGetProperty(field, out _), $"missing {field}");
        }
    }

    [Fact]
    public async Task GetCase_Unknown_Gets404()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");

        Assert.Equal(HttpStatusCode.NotFound, await clerk.StatusOfAsync("/api/cases/C-1999-999999"));
    }

    [Fact]
    public async Task ChangeStatus_AsAClerk_Gets403AndChangesNothing()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");
        var registration = server.CaseOf(Samples.HenryksWashingMachine);

        using var response = await clerk.PostJsonAsync($"/api/cases/{registration}/status", new { status = "pending-on-company" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("not-started", (await clerk.GetJsonAsync($"/api/cases/{registration}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ChangeStatus_ByAHandlerOnSomeoneElsesCase_Gets403()
    {
        using var hanna = await WebSession.SignedInAsync(server, "hanna");
        var registration = server.CaseOf(Samples.HenryksWashingMachine);

        using var response = await hanna.PostJsonAsync($"/api/cases/{registration}/status", new { status = "pending-on-company" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("henryk", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("not-started", (await hanna.GetJsonAsync($"/api/cases/{registration}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ChangeStatus_ByTheCasesHandler_IsRecordedWithTheirLoginAndSearchableAtOnce()
    {
        using var hanna = await WebSession.SignedInAsync(server, "hanna");
        var registration = server.CaseOf(Samples.HannasWebshopDelay);

        var view = await hanna.PostJsonForOkAsync($"/api/cases/{registration}/status", new { status = "pending-on-customer", note = "asked for the invoice" });

        Assert.Equal("pending-on-customer", view.GetProperty("status").GetString());
        Assert.Contains(view.GetProperty("history").EnumerateArray(), e =>
            e.GetProperty("actor").GetString() == "hanna" && e.GetProperty("detail").GetString()!.Contains("asked for the invoice", StringComparison.Ordinal));
        var found = await hanna.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString($"status:pending-on-customer reg:{registration}"));
        Assert.Equal(registration, Assert.Single(found.GetProperty("hits").EnumerateArray()).GetProperty("registrationNumber").GetString());
    }

    [Fact]
    public async Task ChangeStatus_ARefusedMove_Gets409WithTheAllowedMoves()
    {
        using var supervisor = await WebSession.SignedInAsync(server, "sonia");
        var registration = server.CaseOf(Samples.HannasKettle);

        using var response = await supervisor.PostJsonAsync($"/api/cases/{registration}/status", new { status = "reopened" });
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("pending-on-company", problem.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("cannot move", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeStatus_ToAnUnknownStatus_Gets400NamingTheStatuses()
    {
        using var supervisor = await WebSession.SignedInAsync(server, "sonia");

        using var response = await supervisor.PostJsonAsync($"/api/cases/{server.CaseOf(Samples.HannasKettle)}/status", new { status = "finished" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("pending-on-customer", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assign_ByASupervisor_GivesTheCaseToTheHandlerAndIsSearchableAtOnce()
    {
        using var supervisor = await WebSession.SignedInAsync(server, "sonia");
        var registration = server.CaseOf(Samples.UnassignedTelecom);

        var view = await supervisor.PostJsonForOkAsync($"/api/cases/{registration}/assign", new { user = "henryk", note = "speaks Hungarian" });

        Assert.Equal("henryk", view.GetProperty("handler").GetString());
        Assert.Contains(view.GetProperty("history").EnumerateArray(), e => e.GetProperty("actor").GetString() == "sonia");
        var found = await supervisor.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString($"handler:henryk reg:{registration}"));
        Assert.Single(found.GetProperty("hits").EnumerateArray());
    }

    [Fact]
    public async Task Assign_ByAHandler_Gets403()
    {
        using var hanna = await WebSession.SignedInAsync(server, "hanna");

        using var response = await hanna.PostJsonAsync($"/api/cases/{server.CaseOf(Samples.HannasKettle)}/assign", new { user = "hanna" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
