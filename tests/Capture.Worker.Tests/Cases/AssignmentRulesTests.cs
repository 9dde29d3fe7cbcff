using Archive.Store.Cases;
using Capture.Worker.Cases.Assignment;

namespace Capture.Worker.Tests.Cases;

/// <summary>The assignment rules: each criterion, first match wins, then the default, and the product recognised on the way.</summary>
public sealed class AssignmentRulesTests
{
    [Fact]
    public void Decide_ByCategory()
    {
        var rules = AssignmentSettings.Rules(AssignmentSettings.Assignment(new AssignmentRuleOptions { Name = "thanks", Category = "thanks", Person = "ewa.zielinska" }));

        Assert.Equal("ewa.zielinska", rules.Decide(Facts(CaseCategory.Thanks)).Assignee!.Person);
        Assert.Null(rules.Decide(Facts(CaseCategory.Complaint)).Assignee!.Person);
    }

    [Fact]
    public void Decide_ByLanguage_GivesTheTeamWithItsMembersInRosterOrder()
    {
        var rules = AssignmentSettings.Rules(AssignmentSettings.Assignment(new AssignmentRuleOptions { Name = "hungarian", Language = "HU", Team = "complaints-hu" }));

        var decision = rules.Decide(Facts(language: "hu"));

        Assert.Equal(("complaints-hu", null), (decision.Assignee!.Team, decision.Assignee.Person));
        Assert.Equal(["peter.toth"], decision.Assignee.Members);
        Assert.Equal("rule 'hungarian' (Assignment:Rules:0)", decision.Reason);
    }

    [Theory]
    [InlineData("buyer@bigretail.example", true)]
    [InlineData("buyer@shop.bigretail.example", true)]
    [InlineData("buyer@notbigretail.example", false)]
    [InlineData(null, false)]
    public void Decide_BySenderDomain_CoversSubdomainsButNotLookalikes(string? sender, bool matches)
    {
        var rules = AssignmentSettings.Rules(AssignmentSettings.Assignment(new AssignmentRuleOptions { SenderDomains = ["BigRetail.example"], Person = "piotr.lis" }));

        var decision = rules.Decide(Facts(sender: sender));

        Assert.Equal(matches ? "piotr.lis" : null, decision.Assignee!.Person);
        Assert.Equal(matches ? "rule Assignment:Rules:0" : "the default (Assignment:Default)", decision.Reason);
    }

    [Theory]
    [InlineData("CEO@partner.example", true)]
    [InlineData("clerk@partner.example", false)]
    [InlineData("anyone@eu.bigretail.example", true)]
    public void Decide_ByVipList_AnAddressOrADomain(string sender, bool vip)
    {
        var rules = AssignmentSettings.Rules(AssignmentSettings.Assignment(
            new AssignmentRuleOptions { Name = "vip", Vip = true, Person = "ewa.zielinska" },
            new AssignmentRuleOptions { Name = "not vip", Vip = false, Person = "piotr.lis" }));

        Assert.Equal(vip ? "ewa.zielinska" : "piotr.lis", rules.Decide(Facts(sender: sender)).Assignee!.Person);
    }

    [Theory]
    [InlineData("Proszę o ZWROT pieniędzy.", true)]
    [InlineData("Kérem a pénz visszatérítését!", true)]
    [InlineData("Zwrotnica jest zepsuta.", false)]
    [InlineData("The refundable deposit.", false)]
    public void Decide_ByKeywords_AsWholeWordsIgnoringCaseAndDiacritics(string text, bool matches)
    {
        var rules = AssignmentSettings.Rules(AssignmentSettings.Assignment(
            new AssignmentRuleOptions { Name = "refunds", Keywords = ["zwrot", "refund", "penz visszateriteset"], Person = "anna.nowak" }));

        Assert.Equal(matches ? "anna.nowak" : null, rules.Decide(Facts(text: text)).Assignee!.Person);
    }

    [Fact]
    public void Decide_ByKeywordInTheSubjectAlone()
    {
        var rules = AssignmentSettings.Rules(AssignmentSettings.Assignment(new AssignmentRuleOptions { Keywords = ["Reklamacja"], Person = "anna.nowak" }));

        var decision = rules.Decide(new AssignmentFacts(CaseCategory.Complaint, "pl", null, FoldedText.Of("REKLAMACJA zamówienia", "Dzień dobry, piszę w sprawie…")));

        Assert.Equal("anna.nowak", decision.Assignee!.Person);
    }

    [Fact]
    public void Decide_ByProduct_RecognisedByAliasAndKeptOnTheDecision()
    {
        var rules = AssignmentSettings.Rules(AssignmentSettings.Assignment(new AssignmentRuleOptions { Name = "kettles", Product = "kettle k2", Person = "piotr.lis" }));

        var byAlias = rules.Decide(Facts(text: "Mój czajnik k2 przecieka."));
        var otherProduct = rules.Decide(Facts(text: "Ekspres E-5 nie grzeje."));

        Assert.Equal(("piotr.lis", "Kettle K2"), (byAlias.Assignee!.Person, byAlias.Product));
        Assert.Equal(("complaints-pl", "Espresso E5"), (otherProduct.Assignee!.Team, otherProduct.Product));
    }

    [Fact]
    public void Product_TheFirstInCatalogueOrderWins_SoASpecificModelListedFirstBeatsItsFamily()
    {
        var rules = AssignmentSettings.Rules(AssignmentSettings.Assignment());

        Assert.Equal("Kettle K2 Pro", rules.Decide(Facts(text: "My K2 broke; it is the K2 Pro model.")).Product);
        Assert.Null(rules.Decide(Facts(text: "My K22 broke.")).Product);
    }

    [Fact]
    public void Decide_EveryCriterionOfARuleMustMatch_AndTheFirstMatchingRuleWins()
    {
        var rules = AssignmentSettings.Rules(AssignmentSettings.Assignment(
            new AssignmentRuleOptions { Name = "hu complaints about kettles", Category = "Complaint", Language = "hu", Product = "Kettle K2", Person = "peter.toth" },
            new AssignmentRuleOptions { Name = "kettles", Product = "Kettle K2", Person = "piotr.lis" },
            new AssignmentRuleOptions { Name = "hungarian", Language = "hu", Team = "complaints-hu" }));

        Assert.Equal("rule 'hu complaints about kettles' (Assignment:Rules:0)", rules.Decide(Facts(language: "hu", text: "A K2 vízforraló szivárog.")).Reason);
        Assert.Equal("rule 'kettles' (Assignment:Rules:1)", rules.Decide(Facts(CaseCategory.Thanks, language: "hu", text: "Köszönöm a K2-t!")).Reason);
        Assert.Equal("rule 'hungarian' (Assignment:Rules:2)", rules.Decide(Facts(language: "hu", text: "Késik a csomag.")).Reason);
    }

    [Fact]
    public void Decide_WhenNoRuleMatches_UsesTheDefault_OrLeavesTheCaseUnassignedWithoutOne()
    {
        var assignment = AssignmentSettings.Assignment(new AssignmentRuleOptions { Language = "hu", Team = "complaints-hu" });
        var withDefault = AssignmentSettings.Rules(assignment);
        assignment.Default = null;
        var withoutDefault = AssignmentSettings.Rules(assignment);

        var defaulted = withDefault.Decide(Facts(language: "en"));
        var unassigned = withoutDefault.Decide(Facts(language: "en", text: "My K2 broke."));

        Assert.Equal(("complaints-pl", "the default (Assignment:Default)"), (defaulted.Assignee!.Team, defaulted.Reason));
        Assert.Equal(new AssignmentDecision(null, null, "Kettle K2"), unassigned);
    }

    [Fact]
    public void Decide_ForAPerson_CarriesTheirTeamSoEscalationsReachItsSupervisor()
    {
        var rules = AssignmentSettings.Rules(AssignmentSettings.Assignment(new AssignmentRuleOptions { Category = "Complaint", Person = "PIOTR.LIS" }));

        var assignee = rules.Decide(Facts()).Assignee!;

        Assert.Equal(("piotr.lis", "complaints-pl"), (assignee.Person, assignee.Team));
    }

    private static AssignmentFacts Facts(CaseCategory category = CaseCategory.Complaint, string? language = "pl", string? sender = "jan@example.pl", string text = "Dzień dobry.") =>
        new(category, language, sender, FoldedText.Of(text));
}
