using Capture.Web.Tests.Support;

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
}
