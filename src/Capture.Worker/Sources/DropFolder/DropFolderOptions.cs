using System.ComponentModel.DataAnnotations;

namespace Capture.Worker.Sources.DropFolder;

/// <summary>One scanner drop folder watched by <c>capture run</c> (configuration section <c>DropFolders</c>, an array).</summary>
public sealed class DropFolderOptions
{
    /// <summary>A short name for the folder, used in source keys, logs and the quarantine path (e.g. <c>scanner-2nd-floor</c>).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", ErrorMessage = "DropFolders:Name must be 1-64 letters, digits, '.', '_' or '-', e.g. scanner-1.")]
    public string Name { get; set; } = "";

    /// <summary>The folder scanners write into. Capture creates its own <c>.capture</c> subfolder inside it for claimed files.</summary>
    [Required]
    public string Path { get; set; } = "";

    /// <summary>How long a file's size and modification time must stay unchanged before it is taken (a writer may still be busy).</summary>
    public TimeSpan StableFor { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the folder is scanned.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Where files that cannot be captured are moved, each with a <c>.reason.txt</c>; default <c>&lt;archive&gt;/quarantine/&lt;Name&gt;</c>.</summary>
    public string? QuarantineDirectory { get; set; }

    /// <summary>Returns the problems with these settings, each naming the key and the fix.</summary>
    public IEnumerable<string> Validate(int position)
    {
        var key = $"DropFolders:{position}";
        if (StableFor < TimeSpan.Zero || StableFor > TimeSpan.FromHours(1))
        {
            yield return $"{key}:StableFor must be between 00:00:00 and 01:00:00 (a time span such as 00:00:05), not {StableFor}.";
        }

        if (ScanInterval < TimeSpan.FromMilliseconds(100) || ScanInterval > TimeSpan.FromHours(1))
        {
            yield return $"{key}:ScanInterval must be between 00:00:00.1 and 01:00:00, not {ScanInterval}.";
        }
    }
}
