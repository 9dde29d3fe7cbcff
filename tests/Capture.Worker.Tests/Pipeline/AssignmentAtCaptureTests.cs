using Archive.Store.Audit;
using Capture.Worker.Pipeline;
using Capture.Worker.Tests.Support;

namespace Capture.Worker.Tests.Pipeline;

/// <summary>A new case opens already assigned by the configured rules, with its product, in the capture's own transaction.</summary>
public sealed class AssignmentAtCaptureTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Roster:People:0:Login"] = "anna.nowak",
        ["Roster:People:0:Email"] = "anna.nowak@firma.example",
        ["Roster:People:1:Login"] = "piotr.lis",
        ["Roster:People:1:Email"] = "piotr.lis@firma.example",
        ["Roster:People:2:Login"] = "ewa.zielinska",
        ["Roster:People:2:Email"] = "ewa.zielinska@firma.example",
        ["Roster:Teams:0:Name"] = "complaints-pl",
        ["Roster:Teams:0:Members:0"] = "anna.nowak",
        ["Roster:Teams:0:Members:1"] = "piotr.lis",
        ["Roster:Teams:0:Supervisor"] = "ewa.zielinska",
        ["ProductCatalog:Products:0:Name"] = "Kettle K2",
        ["ProductCatalog:Products:0:Aliases:0"] = "czajnik",
        ["Assignment:Vip:0"] = "bigretail.example",
        ["Assignment:Rules:0:Name"] = "vip",
        ["Assignment:Rules:0:Vip"] = "true",
        ["Assignment:Rules:0:Person"] = "ewa.zielinska",
        ["Assignment:Default:Team"] = "complaints-pl",
    };

    [Fact]
    public async Task Import_VipCustomer_OpensAssignedToThePersonTheRuleNames_AndAFollowUpKeepsTheHandler()
    {
        using var archive = new TestArchive(configuration: Settings);
        var inbox = archive.Scratch("inbox");
        var first = Path.Combine(inbox, "vip.eml");
        await File.WriteAllTextAsync(first, Message("buyer@shop.bigretail.example", "<vip-1@bigretail.example>", "Zepsuty czajnik", "Czajnik przecieka od pierwszego dnia. Proszę o wymianę."), TestContext.Current.CancellationToken);
        var opened = await archive.ImportAsync(first);
        var reply = Path.Combine(inbox, "reply.eml");
        await File.WriteAllTextAsync(reply, Message("buyer@shop.bigretail.example", "<vip-2@bigretail.example>", $"Re: [{opened.RegistrationNumber}] Zepsuty czajnik", "Przesyłam zdjęcie paragonu."), TestContext.Current.CancellationToken);
        var joined = await archive.ImportAsync(reply);

        Assert.Equal((CaptureOutcome.Opened, CaptureOutcome.Joined), (opened.Outcome, joined.Outcome));
        var stored = archive.Store.FindCase(opened.RegistrationNumber!)!;
        Assert.Equal(("ewa.zielinska", null, "Kettle K2"), (stored.Handler, stored.Team, stored.Product));
        var assigned = Assert.Single(archive.Store.GetHistory(stored.Id), e => e.Kind == CaseEventKinds.Assigned);
        Assert.Equal("Assigned to ewa.zielinska by rule 'vip' (Assignment:Rules:0).", assigned.Detail);
        Assert.Equal(1, archive.Index.Search(new Archive.Search.SearchRequest("handler:ewa.zielinska")).TotalCases);
    }

    [Fact]
    public async Task FileGroup_CasesForATeam_SpreadOverItsMembers_WithTheDefaultInTheHistory()
    {
        using var archive = new TestArchive(configuration: Settings);
        var inbox = archive.Scratch("inbox");
        var prepared = new List<PreparedCapture>();
        foreach (var message in TestLetters.Range(1, 4))
        {
            var path = Path.Combine(inbox, message.MessageId + ".eml");
            await message.WriteToAsync(path, TestContext.Current.CancellationToken);
            prepared.Add(await archive.Pipeline.PrepareAsync(CaptureItem.ForFile(path, "group-test"), TestContext.Current.CancellationToken));
        }

        var filed = await archive.Pipeline.FileGroupAsync(prepared, TestContext.Current.CancellationToken);

        Assert.All(filed, f => Assert.Equal(CaptureOutcome.Opened, f.Result!.Outcome));
        var cases = archive.Store.ListCases();
        Assert.Equal(["anna.nowak", "piotr.lis", "anna.nowak", "piotr.lis"], cases.Select(c => c.Handler));
        Assert.All(cases, c => Assert.Equal("complaints-pl", c.Team));
        Assert.Equal(
            "Assigned to piotr.lis, the least-loaded member of team complaints-pl (0 open case(s) before) by the default (Assignment:Default).",
            archive.Store.GetHistory(cases[1].Id).Single(e => e.Kind == CaseEventKinds.Assigned).Detail);
    }

    [Fact]
    public async Task Import_WithoutAssignmentSettings_OpensTheCaseUnassigned()
    {
        using var archive = new TestArchive();
        var inbox = archive.Scratch("inbox");
        var letter = Path.Combine(inbox, "letter.eml");
        await File.WriteAllTextAsync(letter, Message("jan@example.pl", "<plain@example.pl>", "Czajnik", "Czajnik przecieka."), TestContext.Current.CancellationToken);

        var opened = await archive.ImportAsync(letter);

        var stored = archive.Store.FindCase(opened.RegistrationNumber!)!;
        Assert.Equal((null, null, null), (stored.Handler, stored.Team, stored.Product));
        Assert.DoesNotContain(archive.Store.GetHistory(stored.Id), e => e.Kind == CaseEventKinds.Assigned);
    }

    private static string Message(string from, string messageId, string subject, string body) =>
        $"From: Customer <{from}>\r\n" +
        "To: reklamacje@firma.example\r\n" +
        $"Subject: {subject}\r\n" +
        $"Message-ID: {messageId}\r\n" +
        "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n" +
        "MIME-Version: 1.0\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\n" +
        "Content-Transfer-Encoding: 8bit\r\n" +
        "\r\n" +
        body + "\r\n\r\nZ poważaniem,\r\nJan Kowalski\r\n";
}
