using Archive.Store.Cases;
using Archive.Store.Deadlines;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Store.Tests;

/// <summary>Choosing a case's service-level rule, and checking the deadline settings.</summary>
public sealed class DeadlineRuleTests
{
    private static CaseRecord Case(CaseCategory category, string? language = "pl", string? email = "jan@example.pl") =>
        new() { Category = category, Language = language, ContactEmail = email };

    [Theory]
    [InlineData(CaseCategory.Complaint, "complaint: 14 business days")]
    [InlineData(CaseCategory.Suggestion, "suggestion: 30 calendar days")]
    [InlineData(CaseCategory.Thanks, "thanks: no deadline")]
    [InlineData(CaseCategory.Unclassified, null)]
    public void DefaultRules_GiveComplaints14BusinessDays_Suggestions30CalendarDays_AndThanksNone(CaseCategory category, string? expected)
    {
        var book = new DeadlineRuleBook(DeadlineOptions.DefaultRules);

        Assert.Equal(expected, book.Choose(Case(category))?.Describe());
    }

    [Fact]
    public void TheMostSpecificMatchingRuleWins_AndEquallySpecificOnesGoByOrder()
    {
        var book = new DeadlineRuleBook(
        [
            new() { Category = "Complaint", BusinessDays = 14 },
            new() { Category = "complaint", Language = "hu", BusinessDays = 12 },
            new() { Category = "Complaint", Country = "hu", BusinessDays = 10 },
            new() { Language = "en", CalendarDays = 5 },
            new() { Name = "Hungarian consumer law", Category = "Complaint", Language = "hu", Country = "HU", CalendarDays = 15 },
        ]);

        Assert.Equal(14, book.Choose(Case(CaseCategory.Complaint))!.BusinessDays);
        Assert.Equal(12, book.Choose(Case(CaseCategory.Complaint, "hu", "anna@example.com"))!.BusinessDays);
        Assert.Equal(10, book.Choose(Case(CaseCategory.Complaint, "pl", "anna@posta.hu"))!.BusinessDays);
        Assert.Equal(12, book.Choose(Case(CaseCategory.Complaint, "HU", null))!.BusinessDays);
        Assert.Equal(5, book.Choose(Case(CaseCategory.Suggestion, "en"))!.CalendarDays);
        Assert.Null(book.Choose(Case(CaseCategory.Suggestion, "pl")));
        var hungarian = book.Choose(Case(CaseCategory.Complaint, "hu", "Anna <anna@Posta.HU>"))!;
        Assert.Equal("Hungarian consumer law (15 calendar days)", hungarian.Describe());
    }

    [Fact]
    public void LanguageAndCountryTie_GoesToTheRuleListedFirst()
    {
        var book = new DeadlineRuleBook(
        [
            new() { Category = "Complaint", Country = "hu", BusinessDays = 10 },
            new() { Category = "Complaint", Language = "hu", BusinessDays = 12 },
        ]);

        Assert.Equal(10, book.Choose(Case(CaseCategory.Complaint, "hu", "anna@example.hu"))!.BusinessDays);
    }

    [Theory]
    [InlineData("anna@example.hu", "hu")]
    [InlineData("anna@mail.example.co.uk", "uk")]
    [InlineData("anna@example", null)]
    [InlineData("no address", null)]
    [InlineData(null, null)]
    public void TheCountryIsTheTopLevelDomainOfTheEmailAddress(string? email, string? country)
    {
        Assert.Equal(country, DeadlineRule.CountryOf(email));
    }

    [Fact]
    public void Validate_TheDefaults_AreValid()
    {
        Assert.Empty(new DeadlineOptions().Validate("Archive:Deadlines"));
        Assert.Empty(new ArchiveStoreOptions().Validate());
    }

    [Fact]
    public void Validate_NamesTheKeyAndTheFix_ForEveryBadSetting()
    {
        var options = new ArchiveStoreOptions();
        options.Deadlines.TimeZone = "Europe/Atlantis";
        options.Deadlines.WorkingDays = ["Monday", "Munday"];
        options.Deadlines.Holidays = ["2026-13-01", "05-01", "02-30"];
        options.Deadlines.Rules =
        [
            new() { Category = "Complant", BusinessDays = 14 },
            new() { Category = "Suggestion", BusinessDays = 10, CalendarDays = 30 },
            new() { Category = "Thanks", Language = "polish", Country = "hun", CalendarDays = 0, AtRiskFraction = 1.5 },
            new() { Category = " suggestion ", CalendarDays = 30 },
        ];

        var errors = options.Validate();

        Assert.Contains("Archive:Deadlines:TimeZone \"Europe/Atlantis\" is not a time zone this machine knows; use an IANA id such as \"Europe/Warsaw\", or leave it empty for the machine's zone.", errors);
        Assert.Contains("Archive:Deadlines:WorkingDays:1 \"Munday\" is not a day of the week; use Monday, Tuesday, Wednesday, Thursday, Friday, Saturday or Sunday.", errors);
        Assert.Contains("Archive:Deadlines:Holidays:0 \"2026-13-01\" is not a date; use yyyy-MM-dd for one day (2026-04-06) or MM-dd for every year (05-01).", errors);
        Assert.Contains(errors, e => e.StartsWith("Archive:Deadlines:Holidays:2 \"02-30\" is not a date", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.StartsWith("Archive:Deadlines:Holidays:1", StringComparison.Ordinal));
        Assert.Contains("Archive:Deadlines:Rules:0:Category \"Complant\" is not a category; use Unclassified, Complaint, Suggestion, Thanks, or leave it empty for any.", errors);
        Assert.Contains("Archive:Deadlines:Rules:1 sets both BusinessDays and CalendarDays; keep the one the deadline is counted in.", errors);
        Assert.Contains(errors, e => e.StartsWith("Archive:Deadlines:Rules:2:Language \"polish\" is not a language code; use a two-letter code", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Archive:Deadlines:Rules:2:Country \"hun\" is not a country; use the two-letter top-level domain", StringComparison.Ordinal));
        Assert.Contains("Archive:Deadlines:Rules:2:CalendarDays is 0; set it between 1 and 3650, or remove it for no deadline.", errors);
        Assert.Contains("Archive:Deadlines:Rules:2:AtRiskFraction is 1.5; set it between 0 and 1, e.g. 0.75 for a warning when three quarters of the time is used.", errors);
        Assert.Contains("Archive:Deadlines:Rules:3 has the same Category, Language and Country as Archive:Deadlines:Rules:1, which always wins; remove one of them.", errors);
        Assert.Equal(11, errors.Count);
    }

    [Fact]
    public void Validate_AnEmptyListOfWorkingDays_IsRefused()
    {
        var errors = new DeadlineOptions { WorkingDays = [] }.Validate("Archive:Deadlines").ToList();

        Assert.Equal(["Archive:Deadlines:WorkingDays is empty; list at least one day, e.g. [\"Monday\", \"Tuesday\", \"Wednesday\", \"Thursday\", \"Friday\"]."], errors);
    }

    [Fact]
    public void Store_WithBadDeadlineSettings_RefusesToOpen_NamingTheKey()
    {
        var options = new ArchiveStoreOptions { RootDirectory = Path.Combine(Path.GetTempPath(), "capture-never-created") };
        options.Deadlines.Rules = [new() { Category = "Complaint", BusinessDays = -1 }];

        var thrown = Assert.Throws<ArgumentException>(() => new ArchiveStore(options, TimeProvider.System, NullLogger<ArchiveStore>.Instance));

        Assert.Contains("Archive:Deadlines:Rules:0:BusinessDays is -1", thrown.Message, StringComparison.Ordinal);
    }
}
