using System.Net;
using Capture.Web.Tests.Support;

namespace Capture.Web.Tests;

/// <summary>The case page's contact: details with their history, corrected by those who may change the case.</summary>
public sealed class CaseContactTests(WebServer server)
{
    [Fact]
    public async Task ContactForm_TheHandlersCorrection_ChangesTheContactWithHistoryAndTheCasesName()
    {
        using var henryk = await WebSession.SignedInAsync(server, "henryk");
        var registration = server.CaseOf(Samples.HenryksWashingMachine);

        using var response = await henryk.PostPageFormAsync($"/cases/{registration}", $"/cases/{registration}/contact", new Dictionary<string, string>
        {
            ["name"] = "Zofia Kowalska-Nowak & Co <i>",
            ["phone"] = "+48 600 100 200",
            ["address"] = "",
            ["postcode"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await henryk.GetStringAsync($"/cases/{registration}");
        Assert.Contains("<td>+48 600 100 200</td><td>henryk (" + registration + ")</td>", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("Zofia Kowalska-Nowak &amp; Co &lt;i&gt;", page, StringComparison.Ordinal);
        Assert.Contains("contact-edited", page, StringComparison.Ordinal);
        var view = await henryk.GetJsonAsync($"/api/cases/{registration}");
        Assert.Equal("Zofia Kowalska-Nowak & Co <i>", view.GetProperty("contact").GetProperty("name").GetString());
        var found = await henryk.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString($"name:\"Kowalska-Nowak\" reg:{registration}"));
        Assert.Equal(1, found.GetProperty("totalCases").GetInt32());
    }

    [Fact]
    public async Task ContactForm_AFieldEmptied_ClearsTheDetail_AndTheHistoryShowsItClearedByWhom()
    {
        using var hanna = await WebSession.SignedInAsync(server, "hanna");
        var registration = await server.OpenOwnCaseAsync("hanna", "Olivia Clearwater", "olivia.clearwater@example.com", "+44 7700 900411");
        Assert.Equal("+44 7700 900411", server.Store.FindContact("olivia.clearwater@example.com")!.Phone);

        using var response = await hanna.PostPageFormAsync($"/cases/{registration}", $"/cases/{registration}/contact", new Dictionary<string, string>
        {
            ["name"] = "Olivia Clearwater", ["phone"] = "", ["address"] = "", ["postcode"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var contact = server.Store.FindContact("olivia.clearwater@example.com")!;
        Assert.Equal(("Olivia Clearwater", null), (contact.Name, contact.Phone));
        var cleared = Assert.Single(server.Store.GetContactHistory(contact.Id).Changes, c => c.By is not null);
        Assert.Equal(("phone", "+44 7700 900411", null, "hanna"), (cleared.Field, cleared.OldValue, cleared.NewValue, cleared.By));
        var page = WebUtility.HtmlDecode(await hanna.GetStringAsync($"/cases/{registration}"));
        Assert.Contains($"<td>phone</td><td>+44 7700 900411</td><td>cleared</td><td>hanna ({registration})</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContactApi_AnEmptyDetailClearsIt_ALeftOutOneIsKept_WithWhoInTheHistory()
    {
        using var hanna = await WebSession.SignedInAsync(server, "hanna");
        var registration = await server.OpenOwnCaseAsync("hanna", "Peter Keepname", "peter.keepname@example.com", "+44 7700 900522");

        var view = await hanna.PostJsonForOkAsync($"/api/cases/{registration}/contact", new { phone = "", postcode = "SW1A 1AA" });

        Assert.Equal("Peter Keepname", view.GetProperty("contact").GetProperty("name").GetString());
        var contact = server.Store.FindContact("peter.keepname@example.com")!;
        Assert.Equal(("Peter Keepname", null, "SW1A 1AA"), (contact.Name, contact.Phone, contact.Postcode));
        Assert.Equal(
            [("phone", null, "hanna"), ("postcode", "SW1A 1AA", "hanna")],
            server.Store.GetContactHistory(contact.Id).Changes.Where(c => c.By is not null).Select(c => (c.Field, c.NewValue, c.By)));
        using var henryk = await WebSession.SignedInAsync(server, "henryk");
        using var refused = await henryk.PostJsonAsync($"/api/cases/{registration}/contact", new { name = "" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Peter Keepname", server.Store.FindContact("peter.keepname@example.com")!.Name);
    }

    [Theory]
    [InlineData("clara")]
    [InlineData("hanna")]
    public async Task ContactForm_SomeoneWhoMayNotChangeTheCase_IsRefused(string login)
    {
        using var session = await WebSession.SignedInAsync(server, login);
        var registration = server.CaseOf(Samples.HenryksWashingMachine);

        using var response = await session.PostPageFormAsync($"/cases/{registration}", $"/cases/{registration}/contact", new Dictionary<string, string> { ["phone"] = "000 not mine" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("000 not mine", await session.GetStringAsync($"/cases/{registration}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContactSection_ForAClerk_ShowsTheDetailsWithoutAForm()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");

        var page = await clerk.GetStringAsync($"/cases/{server.CaseOf(Samples.HannasKettle)}");

        Assert.Contains("<dt>E-mail</dt><dd>sarah.mitchell@example.co.uk</dd>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("""<form class="contact" """.TrimEnd(), page, StringComparison.Ordinal);
    }
}
