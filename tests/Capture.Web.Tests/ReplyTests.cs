using System.Net;
using System.Text.Json;
using Archive.Store.Cases;
using Capture.Testing;
using Capture.Web.Tests.Support;
using Capture.Worker.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Capture.Web.Tests;

/// <summary>
/// Replies from a case (<c>/cases/{reg}/reply</c> and <c>POST /api/cases/{reg}/replies</c>): they reach the customer
/// through the real SMTP server threaded under their letter, join the case's chain, and move it to pending on customer;
/// a clerk cannot send one, and a reply the server does not take leaves the case as it was.
/// </summary>
public sealed class ReplyTests(MailingWebServer server) : IClassFixture<MailingWebServer>
{
    private const string KettleCustomer = "sarah.mitchell@example.co.uk";
    private const string KettleMessageId = "20261116081422.4F2A19@mail.example.co.uk";

    [Fact]
    public async Task Reply_ByTheCasesHandler_ReachesTheCustomerThreadedUnderTheirLetterWithTheNumberInTheSubject()
    {
        using var hanna = await WebSession.SignedInAsync(server.BaseAddress, "hanna");
        var registration = server.CaseOf(Samples.HannasKettle);

        var view = await hanna.PostJsonForOkAsync($"/api/cases/{registration}/replies", new { subject = "Your kettle", body = "We will send you a new kettle this week." });

        var mail = Assert.Single(server.DeliveredTo(KettleCustomer)).Message;
        Assert.Equal($"[{registration}] Your kettle", mail.Subject);
        Assert.Equal(MailingWebServer.Sender, mail.From.Mailboxes.Single().Address);
        Assert.Equal(KettleMessageId, mail.InReplyTo);
        Assert.Contains(KettleMessageId, mail.References);
        Assert.Contains("We will send you a new kettle this week.", mail.TextBody, StringComparison.Ordinal);
        Assert.Null(mail.Headers[HeaderId.AutoSubmitted]);

        Assert.Equal("pending-on-customer", view.GetProperty("status").GetString());
        var documents = view.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(2, documents.Count);
        Assert.False(documents[0].GetProperty("fromCompany").GetBoolean());
        Assert.True(documents[1].GetProperty("fromCompany").GetBoolean());
        Assert.Equal("message/rfc822", documents[1].GetProperty("mediaType").GetString());
        Assert.EndsWith(".eml", documents[1].GetProperty("fileName").GetString(), StringComparison.Ordinal);
        Assert.Equal(mail.MessageId, documents[1].GetProperty("messageId").GetString());
        Assert.True(documents[1].GetProperty("receivedAt").GetDateTimeOffset() >= documents[0].GetProperty("receivedAt").GetDateTimeOffset());
        Assert.Contains(view.GetProperty("history").EnumerateArray(), e => e.GetProperty("detail").GetString()!.Contains("the company's reply", StringComparison.Ordinal));

        var found = await hanna.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString($"\"new kettle this week\" reg:{registration}"));
        Assert.Single(found.GetProperty("hits").EnumerateArray());

        var answer = await CaptureCustomerAnswerAsync(mail);
        Assert.Equal(CaptureOutcome.Joined, answer.Outcome);
        Assert.Equal(registration, answer.RegistrationNumber);
        Assert.Equal("pending-on-company", (await hanna.GetJsonAsync($"/api/cases/{registration}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reply_OnThePageAndInTheHistory_IsFromItsWriterToTheCustomer_NotFromTheCustomerOrCapture()
    {
        var registration = server.CaseOf(Samples.HannasStatusInTheBrowser);
        server.Store.AssignCase(registration, CaseAssignee.ToPerson("hanna"), "test setup");
        using var hanna = await WebSession.SignedInAsync(server.BaseAddress, "hanna");

        var view = await hanna.PostJsonForOkAsync($"/api/cases/{registration}/replies", new { subject = "Dziękujemy", body = "Cieszymy się, że sprawa skończyła się dobrze." });

        Assert.Equal("pending-on-customer", view.GetProperty("status").GetString());
        var documents = view.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal([null, "hanna"], documents.Select(d => d.GetProperty("writtenBy").GetString()));
        var history = view.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal("hanna", history.Single(e => e.GetProperty("kind").GetString() == "status-changed").GetProperty("actor").GetString());
        Assert.Equal("hanna", history.Single(e => e.GetProperty("kind").GetString() == "document-added").GetProperty("actor").GetString());
        var page = WebUtility.HtmlDecode(await hanna.GetStringAsync($"/cases/{registration}"));
        Assert.Contains("""<span class="parties">from Katarzyna Nowak <katarzyna.nowak@example.pl></span>""", page, StringComparison.Ordinal);
        Assert.Contains("""<span class="parties">from Hanna to Katarzyna Nowak <katarzyna.nowak@example.pl></span>""", page, StringComparison.Ordinal);
        Assert.Contains("<td>hanna</td><td>status-changed: NotStarted → PendingOnCustomer: the company replied to the customer.</td>", page, StringComparison.Ordinal);
    }

    /// <summary>The customer answers the reply from their mail program (In-Reply-To, without the number in the subject), through the pipeline.</summary>
    private async Task<CaptureResult> CaptureCustomerAnswerAsync(MimeMessage reply)
    {
        using var directory = new TempDirectory();
        using var answer = new MimeMessage();
        answer.From.Add(reply.To.Mailboxes.Single());
        answer.To.Add(reply.From.Mailboxes.Single());
        answer.Subject = "Thanks, but when exactly?";
        answer.MessageId = "answer-" + Guid.NewGuid().ToString("N") + "@example.co.uk";
        answer.InReplyTo = reply.MessageId;
        answer.Body = new TextPart("plain") { Text = "Thank you. Which day will the courier come? I work until five." };
        var path = directory.Combine("answer.eml");
        await answer.WriteToAsync(path, TestContext.Current.CancellationToken);
        return await server.Services.GetRequiredService<CapturePipeline>().CaptureAsync(CaptureItem.ForFile(path, "import"), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ReplyPage_WithThePolishComplaintTemplate_FillsItInAndSendsWhatTheHandlerEdited()
    {
        using var henryk = await WebSession.SignedInAsync(server.BaseAddress, "henryk");
        var registration = server.CaseOf(Samples.HenryksWashingMachine);

        var page = await henryk.GetStringAsync($"/cases/{registration}/reply?template=complaint.pl");
        Assert.Contains($"[{registration}] Odpowiedź na reklamację", page, StringComparison.Ordinal);
        Assert.Contains("Tomasz Zieliński", page, StringComparison.Ordinal);
        Assert.Contains("Henryk", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"complaint.pl\" selected>", page, StringComparison.Ordinal);
        var token = await henryk.FormTokenAsync($"/cases/{registration}/reply");

        using var response = await henryk.PostFormAsync($"/cases/{registration}/reply", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["subject"] = $"[{registration}] Odpowiedź na reklamację",
            ["body"] = "Dzień dobry,\n\nwymienimy pralkę na nową.\n\nHenryk",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/cases/{registration}", response.Headers.Location!.OriginalString);
        var mail = Assert.Single(server.DeliveredTo("tomasz.zielinski@example.pl")).Message;
        Assert.Equal($"[{registration}] Odpowiedź na reklamację", mail.Subject);
        Assert.Contains("wymienimy pralkę na nową", mail.TextBody, StringComparison.Ordinal);
        var view = await henryk.GetJsonAsync($"/api/cases/{registration}");
        Assert.Equal("pending-on-customer", view.GetProperty("status").GetString());
        var casePage = await henryk.GetStringAsync($"/cases/{registration}");
        Assert.Contains("Write a reply", casePage, StringComparison.Ordinal);
        Assert.Contains("sent to the customer", casePage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("complaint.hu", "Válasz panaszára", "napon érkezett")]
    [InlineData("complaint.en", "About your complaint", "which we received on")]
    [InlineData("suggestion.pl", "Dziękujemy za sugestię", "Henryk")]
    public async Task ReplyPage_EachTemplate_IsWrittenInItsLanguage(string template, string subject, string bodyText)
    {
        using var henryk = await WebSession.SignedInAsync(server.BaseAddress, "henryk");
        var registration = server.CaseOf(Samples.HenryksWashingMachine);

        var page = await henryk.GetStringAsync($"/cases/{registration}/reply?template={template}");

        Assert.Contains($"[{registration}] {subject}", page, StringComparison.Ordinal);
        Assert.Contains(bodyText, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_ATemplateAsItIsBySupervisor_IsSentSignedWithTheirName()
    {
        using var sonia = await WebSession.SignedInAsync(server.BaseAddress, "sonia");
        var registration = server.CaseOf(Samples.UnassignedHotelThanks);
        var customer = (await sonia.GetJsonAsync($"/api/cases/{registration}")).GetProperty("contact").GetProperty("email").GetString()!;

        await sonia.PostJsonForOkAsync($"/api/cases/{registration}/replies", new { template = "thanks.en" });

        var mail = Assert.Single(server.DeliveredTo(customer)).Message;
        Assert.Equal($"[{registration}] Thank you for your kind words", mail.Subject);
        Assert.Contains("Sonia", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Shop.example", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_ByAClerk_IsRefusedAndSendsNothing()
    {
        using var clerk = await WebSession.SignedInAsync(server.BaseAddress, "clara");
        var registration = server.CaseOf(Samples.UnassignedTelecom);
        var before = await clerk.GetJsonAsync($"/api/cases/{registration}");
        var customer = before.GetProperty("contact").GetProperty("email").GetString()!;

        using var response = await clerk.PostJsonAsync($"/api/cases/{registration}/replies", new { body = "Hello" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await clerk.StatusOfAsync($"/cases/{registration}/reply"));
        Assert.DoesNotContain("Write a reply", await clerk.GetStringAsync($"/cases/{registration}"), StringComparison.Ordinal);
        Assert.Empty(server.DeliveredTo(customer));
        Assert.Equal(before.GetProperty("documents").GetArrayLength(), (await clerk.GetJsonAsync($"/api/cases/{registration}")).GetProperty("documents").GetArrayLength());
    }

    [Fact]
    public async Task Reply_WhenTheMailServerIsDown_SaysSoAndLeavesTheCaseAsItWas()
    {
        using var hanna = await WebSession.SignedInAsync(server.BaseAddress, "hanna");
        var registration = server.CaseOf(Samples.HannasWebshopDelay);
        var before = await hanna.GetJsonAsync($"/api/cases/{registration}");
        await server.Sink.StopAsync();
        try
        {
            using var api = await hanna.PostJsonAsync($"/api/cases/{registration}/replies", new { subject = "Késés", body = "Elnézést kérünk." });
            var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
            var token = await hanna.FormTokenAsync($"/cases/{registration}/reply");
            using var form = await hanna.PostFormAsync($"/cases/{registration}/reply", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["subject"] = "Késés",
                ["body"] = "Elnézést kérünk a késésért.",
            });
            var page = await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.BadGateway, api.StatusCode);
            Assert.Contains("mail server did not take the reply", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadGateway, form.StatusCode);
            Assert.Contains("The reply was not sent.", page, StringComparison.Ordinal);
            Assert.Contains("Elnézést kérünk a késésért.", page, StringComparison.Ordinal);
            var after = await hanna.GetJsonAsync($"/api/cases/{registration}");
            Assert.Equal(before.GetProperty("status").GetString(), after.GetProperty("status").GetString());
            Assert.Equal(before.GetProperty("documents").GetArrayLength(), after.GetProperty("documents").GetArrayLength());
            Assert.Equal(before.GetProperty("history").GetArrayLength(), after.GetProperty("history").GetArrayLength());
        }
        finally
        {
            await server.Sink.StartAgainAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Reply_WithoutTextOrTemplate_Gets400()
    {
        using var sonia = await WebSession.SignedInAsync(server.BaseAddress, "sonia");

        using var response = await sonia.PostJsonAsync($"/api/cases/{server.CaseOf(Samples.HannasKettle)}/replies", new { subject = "Hi" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
