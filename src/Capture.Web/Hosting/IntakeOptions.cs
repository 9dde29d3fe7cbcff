using System.Globalization;

namespace Capture.Web.Hosting;

/// <summary>The <c>Web:Intake</c> section: the public intake form at <c>/intake</c>, its limits and the file types it takes.</summary>
public sealed class IntakeOptions
{
    /// <summary>Serve the form to anyone.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The largest file a customer may attach.</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The most files one submission may carry.</summary>
    public int MaxFiles { get; set; } = 5;

    /// <summary>The largest submission, fields and files together.</summary>
    public long MaxTotalBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>The longest message, in characters.</summary>
    public int MaxMessageLength { get; set; } = 20_000;

    /// <summary>The file endings customers may attach (ignoring case).</summary>
    public List<string> AllowedExtensions { get; set; } = [];

    /// <summary>Submissions one client address may make per hour; further ones get 429.</summary>
    public int SubmissionsPerClientPerHour { get; set; } = 20;

    /// <summary>The endings taken when <see cref="AllowedExtensions"/> is empty: documents and scans the pipeline reads.</summary>
    public static IReadOnlyList<string> DefaultExtensions { get; } = [".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".txt"];

    /// <summary>The endings allowed, lower case with their dot.</summary>
    public IReadOnlyList<string> Extensions => AllowedExtensions.Count == 0
        ? DefaultExtensions
        : [.. AllowedExtensions.Select(e => "." + e.Trim().TrimStart('.').ToLowerInvariant())];

    internal IEnumerable<string> Problems(string key)
    {
        if (MaxFileBytes is < 1024 or > 1024L * 1024 * 1024)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{key}:MaxFileBytes must be between 1024 and 1073741824, not {MaxFileBytes}.");
        }

        if (MaxTotalBytes < MaxFileBytes || MaxTotalBytes > 2L * 1024 * 1024 * 1024)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{key}:MaxTotalBytes ({MaxTotalBytes}) must be at least MaxFileBytes ({MaxFileBytes}) and at most 2147483648.");
        }

        if (MaxFiles is < 0 or > 50)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{key}:MaxFiles must be between 0 and 50, not {MaxFiles}.");
        }

        if (MaxMessageLength is < 100 or > 1_000_000)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{key}:MaxMessageLength must be between 100 and 1000000, not {MaxMessageLength}.");
        }

        if (SubmissionsPerClientPerHour is < 1 or > 100_000)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{key}:SubmissionsPerClientPerHour must be between 1 and 100000, not {SubmissionsPerClientPerHour}.");
        }

        foreach (var extension in AllowedExtensions.Where(e => string.IsNullOrWhiteSpace(e) || e.Trim().TrimStart('.').Any(c => !char.IsAsciiLetterOrDigit(c))))
        {
            yield return $"{key}:AllowedExtensions: '{extension}' is not a file ending; write e.g. \".pdf\".";
        }
    }
}
