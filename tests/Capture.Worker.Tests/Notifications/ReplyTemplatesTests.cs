using Archive.Store.Cases;
using Capture.Testing;
using Capture.Worker.Notifications;
using Capture.Worker.Notifications.Replies;

namespace Capture.Worker.Tests.Notifications;

/// <summary>The reply templates of <c>samples/templates/replies</c>: one per category and language, written the language's way, checked at start.</summary>
public sealed class ReplyTemplatesTests
{
    private static readonly MailTemplateValues Case = new(
        "C-2026-000777", "Anna Nowak", new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.Zero), "Complaint", "Pralka",
        new Dictionary<string, string>(StringComparer.Ordinal) { ["handler_name"] = "Ewa Zielińska" });

    [Fact]
    public void BuiltIn_CoverEveryCategoryInPolishHungarianAndEnglish()
    {
        var templates = ReplyTemplates.Load(new ReplyOptions());

        Assert.Equal(
            ["complaint.en", "complaint.hu", "complaint.pl", "suggestion.en", "suggestion.hu", "suggestion.pl", "thanks.en", "thanks.hu", "thanks.pl"],
            templates.Infos.Select(i => i.Name));
    }

    [Theory]
    [InlineData("complaint.pl", "2 grudnia 2026", "Odpowiedź na reklamację")]
    [InlineData("complaint.hu", "2026. december 2.", "Válasz panaszára")]
    [InlineData("complaint.en", "2 December 2026", "About your complaint")]
    public void Render_WritesTheDayTheLanguagesWayAndSignsWithTheHandlerAndCompany(string name, string day, string subject)
    {
        var templates = ReplyTemplates.Load(new ReplyOptions { CompanyName = "Shop.example" });

        var text = templates.Render(name, Case);

        Assert.Equal($"[C-2026-000777] {subject}", text.Subject);
        Assert.Contains(day, text.Body, StringComparison.Ordinal);
        Assert.Contains("Anna Nowak", text.Body, StringComparison.Ordinal);
        Assert.EndsWith("Ewa Zielińska\nShop.example\n", text.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CaseCategory.Complaint, "hu", "complaint.hu")]
    [InlineData(CaseCategory.Thanks, "de", "thanks.en")]
    [InlineData(CaseCategory.Suggestion, null, "suggestion.en")]
    [InlineData(CaseCategory.Unclassified, "pl", null)]
    public void DefaultFor_IsTheCategoryInTheCasesLanguageElseTheDefaultLanguage(CaseCategory category, string? language, string? expected)
    {
        Assert.Equal(expected, ReplyTemplates.Load(new ReplyOptions()).DefaultFor(category, language));
    }

    [Fact]
    public void ACompanysOwnTemplate_ReplacesTheBuiltInOne()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.Combine("complaint.en.liquid"), "Re: {{ subject }}\n\nHello {{ customer_name }}.\n");

        var text = ReplyTemplates.Load(new ReplyOptions { TemplateDirectory = directory.Path }).Render("complaint.en", Case);

        Assert.Equal("[C-2026-000777] Re: Pralka", text.Subject);
        Assert.Equal("Hello Anna Nowak.\n", text.Body);
    }

    [Fact]
    public void ABrokenOrMisnamedTemplate_IsReportedWithItsFile()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.Combine("complaint.pl.liquid"), "Temat\n\n{% if %}\n");
        File.WriteAllText(directory.Combine("refund.pl.liquid"), "Temat\n\nTreść\n");

        var problems = ReplyTemplates.Problems(new ReplyOptions { TemplateDirectory = directory.Path });

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("complaint.pl.liquid", StringComparison.Ordinal) && p.Contains("not valid Liquid", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("refund.pl.liquid", StringComparison.Ordinal) && p.Contains("<category>.<language>", StringComparison.Ordinal));
    }
}
