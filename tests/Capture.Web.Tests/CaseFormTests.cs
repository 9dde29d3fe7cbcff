using System.Net;
using Capture.Web.Tests.Support;

namespace Capture.Web.Tests;

/// <summary>The case page's reminder and category forms: who sees them, who may post them, and what they change.</summary>
public sealed class CaseFormTests(WebServer server)
{
    [Fact]
    public async Task ReminderForm_TheCasesHandler_AddsAReminderShownOnThePageAndInTheApi()
    {
        using var henryk = await WebSession.SignedInAsync(server, "henryk");
        var registration = server.CaseOf(Samples.HenryksWashingMachine);

        using var response = await henryk.PostPageFormAsync($"/cases/{registration}", $"/cases/{registration}/reminders", new Dictionary<string, string>
        {
            ["due"] = "2030-01-15T09:30",
            ["note"] = "<i>call</i> the customer back",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await henryk.GetStringAsync($"/cases/{registration}");
        Assert.Contains("&lt;i&gt;call&lt;/i&gt; the customer back", page, StringComparison.Ordinal);
        Assert.Contains("2030-01-15 09:30", page, StringComparison.Ordinal);
        var reminder = Assert.Single((await henryk.GetJsonAsync($"/api/cases/{registration}")).GetProperty("reminders").EnumerateArray(),
            r => r.GetProperty("note").GetString() == "<i>call</i> the customer back");
        Assert.Equal("henryk", reminder.GetProperty("by").GetString());
    }

    [Fact]
    public async Task ReminderForm_IsShownToTheHandlerButNotToAClerk()
    {
        var registration = server.CaseOf(Samples.HannasKettle);
        using var hanna = await WebSession.SignedInAsync(server, "hanna");
        using var clerk = await WebSession.SignedInAsync(server, "clara");

        Assert.Contains("""<form class="remind" """.TrimEnd(), await hanna.GetStringAsync($"/cases/{registration}"), StringComparison.Ordinal);
        var page = await clerk.GetStringAsync($"/cases/{registration}");
        Assert.DoesNotContain("""class="remind" """.TrimEnd(), page, StringComparison.Ordinal);
        Assert.DoesNotContain("""class="category" """.TrimEnd(), page, StringComparison.Ordinal);
        Assert.Contains("Alerts and reminders", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("clara", "reminders", HttpStatusCode.Forbidden)]
    [InlineData("clara", "category", HttpStatusCode.Forbidden)]
    [InlineData("hanna", "reminders", HttpStatusCode.Forbidden)]
    [InlineData("hanna", "category", HttpStatusCode.Forbidden)]
    public async Task CaseForms_SomeoneWhoMayNotChangeTheCase_IsRefused(string login, string form, HttpStatusCode expected)
    {
        using var session = await WebSession.SignedInAsync(server, login);
        var registration = server.CaseOf(Samples.HenryksWashingMachine);

        using var response = await session.PostPageFormAsync($"/cases/{registration}", $"/cases/{registration}/{form}", new Dictionary<string, string>
        {
            ["due"] = "2030-02-01T10:00",
            ["note"] = "not mine",
            ["category"] = "thanks",
        });

        Assert.Equal(expected, response.StatusCode);
        var view = await session.GetJsonAsync($"/api/cases/{registration}");
        Assert.Equal("complaint", view.GetProperty("category").GetString());
        Assert.DoesNotContain(view.GetProperty("reminders").EnumerateArray(), r => r.GetProperty("note").GetString() == "not mine");
    }

    [Fact]
    public async Task CaseForms_WithoutTheAntiforgeryToken_AreRefused()
    {
        using var supervisor = await WebSession.SignedInAsync(server, "sonia");
        var registration = server.CaseOf(Samples.UnassignedCategoryCorrection);

        using var response = await supervisor.PostFormAsync($"/cases/{registration}/category", new Dictionary<string, string> { ["category"] = "complaint" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual("complaint", (await supervisor.GetJsonAsync($"/api/cases/{registration}")).GetProperty("category").GetString());
    }

    [Fact]
    public async Task CategoryForm_ASupervisorsCorrection_ChangesTheCaseAndIsKeptForTraining()
    {
        using var supervisor = await WebSession.SignedInAsync(server, "sonia");
        var registration = server.CaseOf(Samples.UnassignedCategoryCorrection);

        using var response = await supervisor.PostPageFormAsync($"/cases/{registration}", $"/cases/{registration}/category", new Dictionary<string, string>
        {
            ["category"] = "suggestion",
            ["note"] = "asks for a change",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("suggestion", (await supervisor.GetJsonAsync($"/api/cases/{registration}")).GetProperty("category").GetString());
        Assert.Contains(server.Store.ListCorrections(), c => c.RegistrationNumber == registration && c.By == "sonia");
        var found = await supervisor.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString($"category:suggestion reg:{registration}"));
        Assert.Equal(1, found.GetProperty("totalCases").GetInt32());
    }

    [Theory]
    [InlineData("reminders", "due", "next tuesday")]
    [InlineData("category", "category", "unclassified")]
    public async Task CaseForms_AWrongValue_Gets400WithTheReason(string form, string field, string value)
    {
        using var supervisor = await WebSession.SignedInAsync(server, "sonia");
        var registration = server.CaseOf(Samples.UnassignedTelecom);

        using var response = await supervisor.PostPageFormAsync($"/cases/{registration}", $"/cases/{registration}/{form}", new Dictionary<string, string>
        {
            ["note"] = "x",
            [field] = value,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(value, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
