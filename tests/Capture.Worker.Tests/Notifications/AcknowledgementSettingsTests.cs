using Archive.Store.Cases;
using Capture.Classifier.Metadata;
using Capture.Testing;
using Capture.Worker.Hosting;
using Capture.Worker.Notifications;
using Capture.Worker.Notifications.Acknowledgements;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Tests.Notifications;

/// <summary>Acknowledgement settings, templates and the decision whom to acknowledge, without sending anything.</summary>
public sealed class AcknowledgementSettingsTests : IDisposable
{
    private static readonly AcknowledgementModel Model = new("C-2026-000123", "Anna Nowak", new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.Zero), "Complaint", "Uszkodzony ekspres");

    private readonly TempDirectory _directory = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BrokenTemplate_StopsStartUp_NamingTheFileAndFluidsError()
    {
        var templates = Directory.CreateDirectory(_directory.Combine("templates")).FullName;
        var broken = Path.Combine(templates, "acknowledgement.pl.liquid");
        await File.WriteAllTextAsync(broken, "[{{ registration_number }}] Potwierdzenie\n\nDzień dobry {% if customer_name %}{{ customer_name }},\n", Cancel);
        using var host = Build(new() { ["Acknowledgements:TemplateDirectory"] = templates });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Cancel));

        var message = Assert.Single(error.Failures);
        Assert.Contains(broken, message, StringComparison.Ordinal);
        Assert.Contains("not valid Liquid", message, StringComparison.Ordinal);
        Assert.Contains("endif", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TemplateWithoutItsSubjectLine_StopsStartUp_SayingHowATemplateIsLaidOut()
    {
        var templates = Directory.CreateDirectory(_directory.Combine("templates")).FullName;
        var path = Path.Combine(templates, "acknowledgement.en.liquid");
        await File.WriteAllTextAsync(path, "Dear {{ customer_name }},\nthank you.\n", Cancel);

        var problem = Assert.Single(AcknowledgementTemplates.Problems(new AcknowledgementOptions { Enabled = true, CompanyName = "Shop", TemplateDirectory = templates }));

        Assert.Contains(path, problem, StringComparison.Ordinal);
        Assert.Contains("subject on its first line", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Acknowledgements:CompanyName", "", "Acknowledgements:CompanyName")]
    [InlineData("Acknowledgements:DefaultLanguage", "de", "acknowledgement.de.liquid")]
    [InlineData("Acknowledgements:TemplateDirectory", "/no/such/folder", "Acknowledgements:TemplateDirectory")]
    [InlineData("Acknowledgements:RetryInterval", "00:00:00", "Acknowledgements:RetryInterval")]
    [InlineData("Smtp:Host", "", "Smtp:Host")]
    public async Task WrongSetting_StopsStartUp_NamingTheKey(string key, string value, string named)
    {
        using var host = Build(new() { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Cancel));

        Assert.Contains(error.Failures, failure => failure.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AcknowledgementsOff_NeedNoMailServer()
    {
        using var host = Build(new() { ["Acknowledgements:Enabled"] = "false", ["Smtp:Host"] = "", ["Acknowledgements:CompanyName"] = "" });

        await host.StartAsync(Cancel);
        await host.StopAsync(Cancel);
    }

    [Fact]
    public async Task CompanyTemplate_ReplacesTheBuiltInOne_AndTheSubjectStillCarriesTheNumber()
    {
        var templates = Directory.CreateDirectory(_directory.Combine("templates")).FullName;
        await File.WriteAllTextAsync(Path.Combine(templates, "acknowledgement.en.liquid"), "Thanks for writing to {{ company_name }}\n\nHello {{ customer_name }}, your case is {{ registration_number }} ({{ received_at | date: \"%Y-%m-%d\" }}).\n{{ signature }}\n", Cancel);
        await File.WriteAllTextAsync(Path.Combine(templates, "acknowledgement.de.liquid"), "[{{ registration_number }}] Eingangsbestätigung\n\nGuten Tag {{ customer_name }}, Ihre Nachricht vom {{ received_date }} ist eingegangen.\n", Cancel);
        var loaded = AcknowledgementTemplates.Load(new AcknowledgementOptions { Enabled = true, CompanyName = "Shop", Signature = "Customer service", TemplateDirectory = templates });

        var english = loaded.Render(loaded.LanguageFor("en"), Model);
        var german = loaded.Render(loaded.LanguageFor("de"), Model);
        var polish = loaded.Render(loaded.LanguageFor("pl"), Model);

        Assert.Equal(["de", "en", "hu", "pl"], loaded.Languages);
        Assert.Equal("[C-2026-000123] Thanks for writing to Shop", english.Subject);
        Assert.Equal("Hello Anna Nowak, your case is C-2026-000123 (2026-12-02).\nCustomer service\n", english.Body);
        Assert.Equal("[C-2026-000123] Eingangsbestätigung", german.Subject);
        Assert.Contains("2. Dezember 2026", german.Body, StringComparison.Ordinal);
        Assert.Equal("[C-2026-000123] Potwierdzenie przyjęcia zgłoszenia", polish.Subject);
    }

    [Theory]
    [InlineData("pl", "pl")]
    [InlineData("HU", "hu")]
    [InlineData("de", "en")]
    [InlineData(null, "en")]
    public void Language_IsTheCasesWhenItHasATemplate_OtherwiseTheDefault(string? caseLanguage, string expected)
    {
        var templates = AcknowledgementTemplates.Load(new AcknowledgementOptions { Enabled = true, CompanyName = "Shop" });

        Assert.Equal(expected, templates.LanguageFor(caseLanguage));
    }

    [Fact]
    public void BuiltInTemplates_WriteTheCategoryAndLeaveOutWhatIsUnknown()
    {
        var templates = AcknowledgementTemplates.Load(new AcknowledgementOptions { Enabled = true, CompanyName = "Shop" });

        var polish = templates.Render("pl", Model with { Category = "Suggestion", CustomerName = null, Subject = null });
        var hungarian = templates.Render("hu", Model with { CustomerName = "", Subject = "" });

        Assert.StartsWith("Dzień dobry,\n\ndziękujemy za wiadomość otrzymaną 2 grudnia 2026. Sugestię zarejestrowaliśmy pod numerem C-2026-000123.", polish.Body, StringComparison.Ordinal);
        Assert.StartsWith("Tisztelt Ügyfelünk!\n\nKöszönjük üzenetét, amely 2026. december 2. napon érkezett. Panaszát a(z) C-2026-000123 számon", hungarian.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anna.nowak@example.com", true, null)]
    [InlineData("Anna.Nowak+shop@Example.com", true, null)]
    [InlineData(null, true, "no e-mail address")]
    [InlineData("not an address", true, "not a usable e-mail address")]
    [InlineData("noreply@partner.example", true, "automatic mailbox")]
    [InlineData("no-reply.orders@partner.example", true, "automatic mailbox")]
    [InlineData("MAILER-DAEMON@mx.partner.example", true, "automatic mailbox")]
    [InlineData("postmaster@partner.example", true, "automatic mailbox")]
    [InlineData("nie-odpowiadaj@partner.example", true, "automatic mailbox")]
    [InlineData("list-bounces@partner.example", true, "automatic mailbox")]
    [InlineData("jan.kowalski@shop.example", true, "Metadata:CompanyDomains")]
    [InlineData("jan.kowalski@mail.shop.example", true, "Metadata:CompanyDomains")]
    [InlineData("obsluga@capture-sender.example", true, "Smtp:From")]
    [InlineData("anna.nowak@example.com", false, "Acknowledgements:ForLetters")]
    public void Policy_AcknowledgesOnlyAPersonsAddressOutsideTheCompany(string? address, bool isMail, string? skippedBecause)
    {
        var metadata = new MetadataOptions();
        metadata.CompanyDomains.Add("shop.example");
        var policy = new AcknowledgementPolicy(
            Options.Create(new AcknowledgementOptions { Enabled = true, CompanyName = "Shop" }),
            Options.Create(metadata),
            Options.Create(new SmtpOptions { Host = "smtp.example", From = "obsluga@capture-sender.example" }));

        var decision = policy.Decide(address, isMail)!;

        if (skippedBecause is null)
        {
            Assert.Equal(AcknowledgementState.Pending, decision.State);
            Assert.Equal(address, decision.Recipient);
        }
        else
        {
            Assert.Equal(AcknowledgementState.Skipped, decision.State);
            Assert.Contains(skippedBecause, decision.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Policy_DoesNotAcknowledgeAMessageTheCompanyWrote()
    {
        var policy = new AcknowledgementPolicy(
            Options.Create(new AcknowledgementOptions { Enabled = true, CompanyName = "Shop" }),
            Options.Create(new MetadataOptions()),
            Options.Create(new SmtpOptions { Host = "smtp.example", From = "obsluga@shop.example" }));

        var decision = policy.Decide("anna.nowak@example.com", isMail: true, writtenByCompany: true)!;

        Assert.Equal(AcknowledgementState.Skipped, decision.State);
        Assert.Contains("written by the company", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_WhenOff_DecidesNothing()
    {
        var policy = new AcknowledgementPolicy(Options.Create(new AcknowledgementOptions()), Options.Create(new MetadataOptions()), Options.Create(new SmtpOptions()));

        Assert.Null(policy.Decide("anna.nowak@example.com", isMail: true));
    }

    public void Dispose() => _directory.Dispose();

    private IHost Build(Dictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "smtp.shop.example",
            ["Smtp:From"] = "obsluga@shop.example",
            ["Acknowledgements:Enabled"] = "true",
            ["Acknowledgements:CompanyName"] = "Shop.example",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return CaptureHostFactory.Build(TestArchive.ForDirectory(_directory.Combine("archive"), configuration: settings));
    }
}
