using Capture.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Cases.Assignment;

/// <summary>Registers the roster, the product catalogue and the assignment rules, each bound from its section and validated at start.</summary>
internal static class AssignmentServiceRegistration
{
    public static IServiceCollection AddCaseAssignment(this IServiceCollection services)
    {
        services.AddOptions<RosterOptions>().BindConfiguration(RosterOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RosterOptions>>(new OptionsValidation<RosterOptions>(o => o.Problems()));
        services.AddOptions<ProductCatalogOptions>().BindConfiguration(ProductCatalogOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProductCatalogOptions>>(new OptionsValidation<ProductCatalogOptions>(o => o.Problems()));

        // The rules name people, teams and products, so they are checked against the roster and the catalogue as configured.
        services.AddOptions<AssignmentOptions>().BindConfiguration(AssignmentOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AssignmentOptions>>(provider => new OptionsValidation<AssignmentOptions>(o => o.Problems(
            provider.GetRequiredService<IConfiguration>().GetSection(RosterOptions.SectionName).Get<RosterOptions>() ?? new RosterOptions(),
            provider.GetRequiredService<IConfiguration>().GetSection(ProductCatalogOptions.SectionName).Get<ProductCatalogOptions>() ?? new ProductCatalogOptions())));

        services.AddSingleton(provider => new CaseRoster(provider.GetRequiredService<IOptions<RosterOptions>>().Value));
        services.AddSingleton(provider => new ProductCatalog(provider.GetRequiredService<IOptions<ProductCatalogOptions>>().Value));
        services.AddSingleton<AssignmentRules>();
        return services;
    }
}
