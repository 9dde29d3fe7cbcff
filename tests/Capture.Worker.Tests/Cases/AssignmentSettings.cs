using Capture.Worker.Cases.Assignment;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Tests.Cases;

/// <summary>A small company's roster, catalogue and rules for the assignment tests.</summary>
internal static class AssignmentSettings
{
    public static RosterOptions Roster() => new()
    {
        People =
        [
            new() { Login = "anna.nowak", Email = "anna.nowak@firma.example", Name = "Anna Nowak", Language = "pl" },
            new() { Login = "piotr.lis", Email = "piotr.lis@firma.example" },
            new() { Login = "peter.toth", Email = "peter.toth@firma.example", Language = "hu" },
            new() { Login = "ewa.zielinska", Email = "ewa.zielinska@firma.example" },
        ],
        Teams =
        [
            new() { Name = "complaints-pl", Members = ["anna.nowak", "piotr.lis"], Supervisor = "ewa.zielinska" },
            new() { Name = "complaints-hu", Members = ["peter.toth"], Supervisor = "ewa.zielinska" },
        ],
    };

    public static ProductCatalogOptions Catalog() => new()
    {
        Products =
        [
            new() { Name = "Kettle K2 Pro", Aliases = ["K2 Pro"] },
            new() { Name = "Kettle K2", Aliases = ["K2", "czajnik K2"] },
            new() { Name = "Espresso E5", Aliases = ["ekspres E5", "E-5"] },
        ],
    };

    public static AssignmentOptions Assignment(params AssignmentRuleOptions[] rules) => new()
    {
        Vip = ["ceo@partner.example", "bigretail.example"],
        Rules = [.. rules],
        Default = new AssignmentTargetOptions { Team = "complaints-pl" },
    };

    public static AssignmentRules Rules(AssignmentOptions assignment, RosterOptions? roster = null, ProductCatalogOptions? catalog = null) =>
        new(Options.Create(assignment), new CaseRoster(roster ?? Roster()), new ProductCatalog(catalog ?? Catalog()));
}
