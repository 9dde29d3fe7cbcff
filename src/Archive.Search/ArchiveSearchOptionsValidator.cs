using Microsoft.Extensions.Options;

namespace Archive.Search;

/// <summary>Checks <see cref="ArchiveSearchOptions"/>; messages name the configuration key and the fix.</summary>
public sealed class ArchiveSearchOptionsValidator : IValidateOptions<ArchiveSearchOptions>
{
    /// <summary>Lucene's per-thread limit for the writer's RAM buffer.</summary>
    public const double MaxRamBufferSizeMb = 2048;

    public ValidateOptionsResult Validate(string? name, ArchiveSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Problems(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <exception cref="ArgumentException">The options are invalid.</exception>
    internal static void ThrowIfInvalid(ArchiveSearchOptions options)
    {
        var failures = Problems(options).ToList();
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }
    }

    /// <summary>The zone named by the option (the machine's when empty), or null when the name is unknown.</summary>
    internal static TimeZoneInfo? ResolveTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Local;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;
    }

    private static IEnumerable<string> Problems(ArchiveSearchOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.IndexDirectory))
        {
            yield return $"{ArchiveSearchOptions.SectionName}:{nameof(ArchiveSearchOptions.IndexDirectory)} is empty; set it to the folder the search index lives in, e.g. \"data/index\".";
        }

        if (!(options.RamBufferSizeMb > 0 && options.RamBufferSizeMb < MaxRamBufferSizeMb))
        {
            yield return $"{ArchiveSearchOptions.SectionName}:{nameof(ArchiveSearchOptions.RamBufferSizeMb)} is {options.RamBufferSizeMb}; set it between 1 and {MaxRamBufferSizeMb - 1} (64 is a good default).";
        }

        if (string.IsNullOrWhiteSpace(options.HunspellDirectory))
        {
            yield return $"{ArchiveSearchOptions.SectionName}:{nameof(ArchiveSearchOptions.HunspellDirectory)} is empty; set it to the folder of the Hunspell dictionaries, e.g. \"/usr/share/hunspell\".";
        }

        if (options.StemCacheEntries is < 1_000 or > 10_000_000)
        {
            yield return $"{ArchiveSearchOptions.SectionName}:{nameof(ArchiveSearchOptions.StemCacheEntries)} is {options.StemCacheEntries}; set it between 1000 and 10000000 (200000 words per language is about 40 MB).";
        }

        if (options.SearchThreads is < 0 or > 64)
        {
            yield return $"{ArchiveSearchOptions.SectionName}:{nameof(ArchiveSearchOptions.SearchThreads)} is {options.SearchThreads}; set it between 1 and 64, or 0 for one per processor.";
        }

        if (options.RebuildThreads is < 0 or > 64)
        {
            yield return $"{ArchiveSearchOptions.SectionName}:{nameof(ArchiveSearchOptions.RebuildThreads)} is {options.RebuildThreads}; set it between 1 and 64, or 0 for one per processor.";
        }

        if (ResolveTimeZone(options.TimeZone) is null)
        {
            yield return $"{ArchiveSearchOptions.SectionName}:{nameof(ArchiveSearchOptions.TimeZone)} \"{options.TimeZone}\" is not a time zone this machine knows; use an IANA id such as \"Europe/Warsaw\", or leave it empty for the machine's zone.";
        }
    }
}
