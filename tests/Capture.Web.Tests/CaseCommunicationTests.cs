using Archive.Store.Documents;
using Capture.Web.Hosting;
using Capture.Web.Pages;
using Capture.Web.Security;
using Capture.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace Capture.Web.Tests;

/// <summary>The case page's communication: each message's extracted text, encoded, never its HTML.</summary>
public sealed class CaseCommunicationTests(WebServer server)
{
    [Fact]
    public async Task CasePage_HostileHtmlMail_IsShownAsEncodedTextWithNoneOfItsMarkup()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");

        var page = await clerk.GetStringAsync($"/cases/{server.CaseOf(HostileHtmlMail.FileName)}");

        Assert.Contains(HostileHtmlMail.Word + " blender broke", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;window.__pwned", page, StringComparison.Ordinal);
        Assert.DoesNotContain(HostileHtmlMail.RemoteHost, page, StringComparison.Ordinal);
        foreach (var tag in new[] { "<script", "<img", "<iframe", "<style", "onload=", "onerror=" })
        {
            Assert.DoesNotContain(tag, page, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task CasePage_ShowsEachMessagesTextWithALinkToItsOriginal()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");
        var registration = server.CaseOf(Samples.HannasKettle);

        var page = await clerk.GetStringAsync($"/cases/{registration}");

        Assert.Contains("<section class=\"communication\">", page, StringComparison.Ordinal);
        Assert.Contains("BrewMaster 1.7 l stainless steel kettle", page.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/cases/{registration}/documents/", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, null, "Anna Nowak", "anna@example.pl", "customer@example.pl", "from Anna Nowak <anna@example.pl>")]
    [InlineData(false, null, null, "anna@example.pl", "scanner", "from anna@example.pl")]
    [InlineData(false, null, null, null, "scanner", "from an unknown sender")]
    [InlineData(true, "hanna", "Anna Nowak", "anna@example.pl", "web reply by hanna", "from Hanna Kowalczyk to Anna Nowak <anna@example.pl>")]
    [InlineData(true, "gone.user", null, "anna@example.pl", "web reply by gone.user", "from gone.user to anna@example.pl")]
    [InlineData(true, null, "Anna Nowak", null, "web reply by hanna", "from Hanna Kowalczyk to Anna Nowak")]
    [InlineData(true, null, null, null, "imap:support", "from the company to the customer")]
    public void MessageHeader_NamesWhoWroteIt_AndForTheCompanysMessageToWhom(
        bool fromCompany, string? writtenBy, string? contactName, string? contactEmail, string source, string expected)
    {
        var users = new WebUserDirectory(Options.Create(new WebOptions { Users = [new WebUserOptions { Login = "hanna", Name = "Hanna Kowalczyk" }] }));
        var document = new DocumentRecord
        {
            FromCompany = fromCompany, WrittenBy = writtenBy, ContactName = contactName, ContactEmail = contactEmail, Source = source,
        };

        Assert.Equal(expected, CaseCommunication.Parties(document, users));
    }
}
