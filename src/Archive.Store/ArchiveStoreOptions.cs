using Archive.Store.Cases;
using Archive.Store.Deadlines;
using Archive.Store.Files;

namespace Archive.Store;

/// <summary>Settings of the archive, bound from the <c>Archive</c> configuration section.</summary>
public sealed class ArchiveStoreOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Archive";

    /// <summary>The folder everything lives below: <c>capture.db</c> and the taxonomy of originals.</summary>
    public string RootDirectory { get; set; } = "data";

    /// <summary>The registration number pattern. Tokens: <c>{year}</c> and <c>{sequence[:format]}</c>; <c>{sequence}</c> is required.
    /// With <c>{year}</c> the sequence restarts at 1 every year; without it one sequence runs forever.</summary>
    public string RegistrationNumberFormat { get; set; } = Registration.RegistrationNumberFormat.Example;

    /// <summary>The case folder pattern below <see cref="RootDirectory"/>. Tokens: <c>{category}</c>, <c>{year}</c>,
    /// <c>{month}</c>, <c>{day}</c>, <c>{registration}</c>; <c>{registration}</c> is required.</summary>
    public string TaxonomyTemplate { get; set; } = "{category}/{year}/{month}/{registration}";

    /// <summary>The company's folder name for each <see cref="CaseCategory"/>, keyed by the category's name.</summary>
    public Dictionary<string, string> CategoryFolders { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(CaseCategory.Complaint)] = "Complaints",
        [nameof(CaseCategory.Suggestion)] = "Suggestions",
        [nameof(CaseCategory.Thanks)] = "Thanks",
        [nameof(CaseCategory.Unclassified)] = "Unclassified",
    };

    /// <summary>The response deadlines: business calendar and service-level rules (<c>Archive:Deadlines</c>).</summary>
    public DeadlineOptions Deadlines { get; set; } = new();

    /// <summary>Checks these options.</summary>
    /// <returns>One message per problem, naming the configuration key and the fix; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate() => Validate(this);

    /// <summary>Checks <paramref name="options"/>.</summary>
    /// <param name="options">The options to check.</param>
    /// <returns>One message per problem, naming the configuration key and the fix; empty when the options are valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static IReadOnlyList<string> Validate(ArchiveStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();

        if (string.IsNullOrWhiteSpace(options.RootDirectory))
        {
            errors.Add($"{SectionName}:{nameof(RootDirectory)} is empty; set it to the folder that holds the archive, e.g. /var/lib/capture/archive.");
        }
        else if (options.RootDirectory.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add($"{SectionName}:{nameof(RootDirectory)} contains a NUL character; set it to a plain folder path.");
        }

        errors.AddRange(Registration.RegistrationNumberFormat.Validate(options.RegistrationNumberFormat, $"{SectionName}:{nameof(RegistrationNumberFormat)}"));
        errors.AddRange(Files.TaxonomyTemplate.Validate(options.TaxonomyTemplate, $"{SectionName}:{nameof(TaxonomyTemplate)}"));
        errors.AddRange(ValidateCategoryFolders(options.CategoryFolders));
        var deadlinesKey = $"{SectionName}:{DeadlineOptions.Key}";
        errors.AddRange(options.Deadlines?.Validate(deadlinesKey) ?? [$"{deadlinesKey} is null; remove the null to use the default calendar and rules."]);
        return errors;
    }

    /// <summary>The category folders by category, assuming the options are valid.</summary>
    internal IReadOnlyDictionary<CaseCategory, string> ResolveCategoryFolders()
    {
        var folders = new Dictionary<CaseCategory, string>();
        foreach (var (key, value) in CategoryFolders)
        {
            if (Enum.TryParse<CaseCategory>(key, ignoreCase: true, out var category))
            {
                folders[category] = value.Trim();
            }
        }

        return folders;
    }

    private static IEnumerable<string> ValidateCategoryFolders(Dictionary<string, string>? folders)
    {
        var key = $"{SectionName}:{nameof(CategoryFolders)}";
        var categories = string.Join(", ", Enum.GetNames<CaseCategory>());
        if (folders is null)
        {
            yield return $"{key} is missing; give a folder name for each of {categories}, e.g. {key}:Complaint = Complaints.";
            yield break;
        }

        foreach (var (category, folder) in folders)
        {
            if (!Enum.TryParse<CaseCategory>(category, ignoreCase: true, out _) || int.TryParse(category, out _))
            {
                yield return $"{key}:{category} is not a category; use only {categories}.";
            }
            else if (string.IsNullOrWhiteSpace(folder))
            {
                yield return $"{key}:{category} is empty; set it to the folder name your company files {category} cases under.";
            }
            else if (PathSegment.Sanitize(folder, "") != folder.Trim())
            {
                yield return $"{key}:{category} ('{folder}') must be a single plain folder name: no / or \\, no <>:\"|?*, no control characters, not '.' or '..', no leading dot, not a device name such as CON.";
            }
        }

        foreach (var category in Enum.GetNames<CaseCategory>())
        {
            if (!folders.Keys.Any(k => string.Equals(k, category, StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"{key}:{category} is missing; set it to the folder name your company files {category} cases under.";
            }
        }
    }
}
