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

    private static IEnumerable<string> Problems(ArchiveSearchOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.IndexDirectory))
        {
            yield return $"{ArchiveSearchOptions.SectionName}:{nameof(ArchiveSearchOptions.IndexDirectory)} is empty; set it to the folder the search index lives in, e.g. \"data/index\".";
        }

        if (!(options.RamBufferSizeMb > 0 && options.RamBufferSizeMb < MaxRamBufferSizeMb))
        {
            yield return $"{ArchiveSearchOptions.SectionName}:{nameof(ArchiveSearchOptions.RamBufferSizeMb)} is {options.RamBufferSizeMb}; set it between 1 and {MaxRamBufferSizeMb - 1} (32 is a good default).";
        }
    }
}
