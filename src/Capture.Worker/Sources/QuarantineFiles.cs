using System.Globalization;

namespace Capture.Worker.Sources;

/// <summary>Keeps the bytes of a quarantined item where a person can find them, with the reason beside them.</summary>
internal static class QuarantineFiles
{
    /// <summary>
    /// Moves <paramref name="file"/> to <paramref name="destination"/> (or a free name beside it) and writes
    /// <c>&lt;name&gt;.reason.txt</c>. Returns where the file went.
    /// </summary>
    public static async Task<string> MoveAsync(string file, string destination, string reason, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var target = FreeName(destination);
        await WriteReasonAsync(target, reason, cancellationToken).ConfigureAwait(false);
        File.Move(file, target, overwrite: false);
        return target;
    }

    /// <summary>
    /// Moves <paramref name="file"/> to exactly <paramref name="destination"/>, the path its quarantine record names,
    /// replacing a copy an interrupted earlier attempt left there (the name is the item's alone), and writes the reason beside it.
    /// </summary>
    public static async Task KeepAsAsync(string file, string destination, string reason, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        await WriteReasonAsync(destination, reason, cancellationToken).ConfigureAwait(false);
        File.Move(file, destination, overwrite: true);
    }

    /// <summary>Writes (or replaces) the <c>&lt;name&gt;.reason.txt</c> beside a kept file, e.g. after a retry failed again.</summary>
    public static Task WriteReasonAsync(string keptFile, string reason, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(keptFile + ".reason.txt", reason + Environment.NewLine, cancellationToken);

    private static string FreeName(string destination)
    {
        var candidate = destination;
        var stem = Path.Combine(Path.GetDirectoryName(destination)!, Path.GetFileNameWithoutExtension(destination));
        var extension = Path.GetExtension(destination);
        for (var n = 2; File.Exists(candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}{extension}");
        }

        return candidate;
    }
}
