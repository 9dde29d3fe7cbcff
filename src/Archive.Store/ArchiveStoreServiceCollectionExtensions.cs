using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archive.Store;

/// <summary>Registers the archive store with a host.</summary>
public static class ArchiveStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ArchiveStore"/> as a singleton, its options validator, and <see cref="TimeProvider.System"/>
    /// unless a clock is already registered. Bind the options on the returned builder, e.g.
    /// <c>services.AddArchiveStore().BindConfiguration(ArchiveStoreOptions.SectionName)</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The options builder, already set to validate on start.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static OptionsBuilder<ArchiveStoreOptions> AddArchiveStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ArchiveStoreOptions>, ArchiveStoreOptionsValidator>());
        services.TryAddSingleton(provider => new ArchiveStore(
            provider.GetRequiredService<IOptions<ArchiveStoreOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ArchiveStore>>()));
        return services.AddOptions<ArchiveStoreOptions>().ValidateOnStart();
    }
}
