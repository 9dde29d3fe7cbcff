using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archive.Search;

/// <summary>Registration of the search index for the host (STYLE.md: thin host, typed validated options).</summary>
public static class ArchiveSearchServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ArchiveIndex"/> and <see cref="WordStems"/> as singletons and validates <see cref="ArchiveSearchOptions"/> on start.
    /// The host binds the options, e.g. <c>services.AddArchiveSearch().BindConfiguration(ArchiveSearchOptions.SectionName)</c>.
    /// </summary>
    public static OptionsBuilder<ArchiveSearchOptions> AddArchiveSearch(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ArchiveSearchOptions>, ArchiveSearchOptionsValidator>());
        services.TryAddSingleton(provider => new ArchiveIndex(
            provider.GetRequiredService<IOptions<ArchiveSearchOptions>>().Value,
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetRequiredService<ILogger<ArchiveIndex>>()));
        services.TryAddSingleton(provider => new WordStems(
            provider.GetRequiredService<IOptions<ArchiveSearchOptions>>().Value,
            provider.GetRequiredService<ILogger<WordStems>>()));
        return services.AddOptions<ArchiveSearchOptions>().ValidateOnStart();
    }
}
