using System.Text;
using Capture.Testing;
using Capture.Worker.Cases.Assignment;
using Microsoft.Extensions.Configuration;

namespace Capture.Worker.Tests.Cases;

/// <summary>Wrong roster, catalogue and rule settings are refused with the key and the fix.</summary>
public sealed class AssignmentOptionsTests
{
    [Fact]
    public void TheExampleSettings_HaveNoProblems()
    {
        Assert.Empty(AssignmentSettings.Roster().Problems());
        Assert.Empty(AssignmentSettings.Catalog().Problems());
        Assert.Empty(AssignmentSettings.Assignment(new AssignmentRuleOptions { Vip = true, Person = "ewa.zielinska" }).Problems(AssignmentSettings.Roster(), AssignmentSettings.Catalog()));
        Assert.Empty(new AssignmentOptions().Problems(new RosterOptions(), new ProductCatalogOptions()));
    }

    [Fact]
    public void TheReadmesExample_IsValidAndDecidesAsItSays()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "README.md"));
        var section = readme[readme.IndexOf("### Who handles a case", StringComparison.Ordinal)..];
        var start = section.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var json = "{" + section[start..section.IndexOf("```", start, StringComparison.Ordinal)] + "}";
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var roster = configuration.GetSection(RosterOptions.SectionName).Get<RosterOptions>()!;
        var catalog = configuration.GetSection(ProductCatalogOptions.SectionName).Get<ProductCatalogOptions>()!;
        var assignment = configuration.GetSection(AssignmentOptions.SectionName).Get<AssignmentOptions>()!;

        Assert.Empty(roster.Problems());
        Assert.Empty(catalog.Problems());
        Assert.Empty(assignment.Problems(roster, catalog));
        var decision = AssignmentSettings.Rules(assignment, roster, catalog).Decide(new AssignmentFacts(
            Archive.Store.Cases.CaseCategory.Complaint, "pl", "jan@example.pl", FoldedText.Of("Czajnik K2", "Proszę o zwrot pieniędzy.")));
        Assert.Equal(("piotr.lis", "Kettle K2", "rule 'kettle refunds' (Assignment:Rules:2)"), (decision.Assignee!.Person, decision.Product, decision.Reason));
    }

    [Fact]
    public void Roster_NamesEveryProblemWithItsKey()
    {
        var roster = AssignmentSettings.Roster();
        roster.People.Add(new RosterPersonOptions { Login = "Anna.Nowak", Email = "anna2@firma.example" });
        roster.People.Add(new RosterPersonOptions { Login = "team:x", Email = "Anna <anna@firma.example>", Language = "polish" });
        roster.Teams.Add(new RosterTeamOptions { Name = "complaints-pl", Members = ["jan.kowalski"], Supervisor = "boss" });
        roster.Teams.Add(new RosterTeamOptions { Name = "empty" });

        var problems = roster.Problems();

        Assert.Contains("Roster:People:4:Login 'Anna.Nowak' is used twice; each person needs their own login.", problems);
        Assert.Contains(problems, p => p.StartsWith("Roster:People:5:Login 'team:x' contains a space or ':'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Roster:People:5:Email 'Anna <anna@firma.example>' is not an e-mail address", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Roster:People:5:Language 'polish' is not a two-letter language code", StringComparison.Ordinal));
        Assert.Contains("Roster:Teams:2:Name 'complaints-pl' is used twice; each team needs its own name.", problems);
        Assert.Contains(problems, p => p.StartsWith("Roster:Teams:2:Members:0 'jan.kowalski' is not in Roster:People; add them there or remove them from the team. Known logins: anna.nowak, piotr.lis,", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Roster:Teams:2:Supervisor 'boss' is not in Roster:People", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Roster:Teams:3:Members is empty; a team gives each case to its least-loaded member", StringComparison.Ordinal));
        Assert.Equal(8, problems.Count);
    }

    [Fact]
    public void Rules_NameEveryProblemWithItsKey()
    {
        var assignment = AssignmentSettings.Assignment(
            new AssignmentRuleOptions { Name = "catch-all", Person = "anna.nowak" },
            new AssignmentRuleOptions { Name = "typo", Category = "complains", Language = "polish", Team = "complaints-de" },
            new AssignmentRuleOptions { Name = "both", Keywords = ["refund", " -- "], Person = "anna.nowak", Team = "complaints-pl" },
            new AssignmentRuleOptions { Name = "nobody", SenderDomains = ["@shop.example"], Product = "Toaster", Person = "jan" },
            new AssignmentRuleOptions { Name = "Nobody", Category = "1", Team = "complaints-pl" });
        assignment.Vip.Add("not an address");
        assignment.Default = new AssignmentTargetOptions { Person = "ghost" };

        var problems = assignment.Problems(AssignmentSettings.Roster(), AssignmentSettings.Catalog());

        Assert.Contains(problems, p => p.StartsWith("Assignment:Vip:2 'not an address' is neither an e-mail address nor a domain", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Assignment:Rules:0 has no criteria, so it would catch every case", StringComparison.Ordinal) && p.Contains("Assignment:Default", StringComparison.Ordinal));
        Assert.Contains("Assignment:Rules:1:Category 'complains' is not a category; use one of Unclassified, Complaint, Suggestion, Thanks.", problems);
        Assert.Contains(problems, p => p.StartsWith("Assignment:Rules:1:Language 'polish'", StringComparison.Ordinal));
        Assert.Contains("Assignment:Rules:1:Team 'complaints-de' is not in Roster:Teams; add it there or fix the name. Known teams: complaints-pl, complaints-hu.", problems);
        Assert.Contains(problems, p => p.StartsWith("Assignment:Rules:2 names both Person 'anna.nowak' and Team 'complaints-pl'; give one of them.", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Assignment:Rules:2:Keywords:1 is empty or has no letters or digits", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Assignment:Rules:3:SenderDomains:0 '@shop.example' is not a mail domain", StringComparison.Ordinal));
        Assert.Contains("Assignment:Rules:3:Product 'Toaster' is not in ProductCatalog:Products; add it there or fix the name. Known products: Kettle K2 Pro, Kettle K2, Espresso E5.", problems);
        Assert.Contains(problems, p => p.StartsWith("Assignment:Rules:3:Person 'jan' is not in Roster:People", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Assignment:Rules:4:Category '1' is not a category", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Assignment:Rules:4:Name 'Nobody' is used twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Assignment:Default:Person 'ghost' is not in Roster:People", StringComparison.Ordinal));
        Assert.Equal(13, problems.Count);
    }

    [Fact]
    public void Rules_VipWithoutAList_AndPeopleNamedWithoutARoster_AreRefused()
    {
        var assignment = new AssignmentOptions { Rules = [new AssignmentRuleOptions { Vip = true, Person = "anna.nowak" }] };

        var problems = assignment.Problems(new RosterOptions(), new ProductCatalogOptions());

        Assert.Equal(
            [
                "Assignment:Rules:0:Vip is true but Assignment:Vip is empty; list the VIP addresses or domains there.",
                "Assignment:Rules:0:Person 'anna.nowak' is not in Roster:People; add them there or fix the login. Known logins: none (Roster:People is empty).",
            ],
            problems);
    }

    [Fact]
    public void Catalogue_RefusesBlankNamesDuplicatesAndAnAliasShared_ByTwoProducts()
    {
        var catalog = AssignmentSettings.Catalog();
        catalog.Products.Add(new ProductOptions { Name = "kettle k2", Aliases = [] });
        catalog.Products.Add(new ProductOptions { Name = "Toaster T1", Aliases = ["Czajnik-K2", "…"] });
        catalog.Products.Add(new ProductOptions { Name = " " });

        var problems = catalog.Problems();

        Assert.Contains(problems, p => p.StartsWith("ProductCatalog:Products:3:Name 'kettle k2' is used twice", StringComparison.Ordinal));
        Assert.Contains("ProductCatalog:Products:4:Aliases:0 'Czajnik-K2' also names 'Kettle K2'; a name must point at one product.", problems);
        Assert.Contains(problems, p => p.StartsWith("ProductCatalog:Products:4:Aliases:1 is empty or has no letters or digits", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("ProductCatalog:Products:5:Name is empty", StringComparison.Ordinal));
        Assert.Equal(4, problems.Count);
    }
}
