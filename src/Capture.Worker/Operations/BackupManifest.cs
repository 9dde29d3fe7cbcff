using System.Text;
using System.Text.Json;
using Capture.Worker.Cli.Output;

namespace Capture.Worker.Operations;

/// <summary>
/// A backup's <c>manifest.json</c>: what was copied, when, and the SHA-256 of <c>files.sha256</c>, which lists every
/// file's SHA-256 in the format of <c>sha256sum</c> (so <c>sha256sum -c files.sha256</c> checks a backup by hand too).
/// </summary>
public sealed record BackupManifest(
    int Format,
    string CaptureVersion,
    DateTimeOffset CreatedAt,
    string SourceArchive,
    int Cases,
    int Documents,
    int QuarantineRecords,
    int IndexedDocuments,
    int Files,
    long Bytes,
    string FilesSha256,
    IReadOnlyList<string> NotCopied)
{
    private static readonly JsonSerializerOptions Indented = new(JsonLines.Options) { WriteIndented = true };

    /// <summary>The manifest's file name in the backup folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The checksum list's file name in the backup folder.</summary>
    public const string ChecksumsFileName = "files.sha256";

    /// <summary>The layout this version writes and reads.</summary>
    public const int CurrentFormat = 1;

    /// <summary>Reads a backup folder's manifest.</summary>
    /// <exception cref="InvalidDataException">There is none, or it cannot be read: the message says which.</exception>
    public static BackupManifest Read(string backupDirectory)
    {
        var path = Path.Combine(backupDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{backupDirectory} is not a Capture backup: it has no {FileName}. Point `capture restore` at the folder `capture backup` wrote.");
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), JsonLines.Options)
                ?? throw new InvalidDataException($"{path} is empty.");
            return manifest.Format == CurrentFormat
                ? manifest
                : throw new InvalidDataException($"{path} has format {manifest.Format}; this version of Capture restores format {CurrentFormat}.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} is damaged ({exception.Message}); this backup cannot be trusted.", exception);
        }
    }

    /// <summary>Writes the manifest, flushed to disk.</summary>
    public void Write(string backupDirectory)
    {
        using var stream = new FileStream(Path.Combine(backupDirectory, FileName), FileMode.CreateNew, FileAccess.Write, FileShare.None);
        JsonSerializer.Serialize(stream, this, Indented);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>One line of <c>files.sha256</c>, escaped the way <c>sha256sum</c> escapes names with a backslash or a line break.</summary>
    public static string ChecksumLine(string sha256, string relativePath) =>
        relativePath.Contains('\\', StringComparison.Ordinal) || relativePath.Contains('\n', StringComparison.Ordinal)
            ? $"\\{sha256}  {relativePath.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}"
            : $"{sha256}  {relativePath}";

    /// <summary>Parses a line of <c>files.sha256</c>.</summary>
    /// <exception cref="InvalidDataException">The line is not in that format.</exception>
    public static (string Sha256, string RelativePath) ParseChecksumLine(string line)
    {
        var escaped = line.StartsWith('\\');
        var body = escaped ? line[1..] : line;
        if (body.Length < 67 || body[64] != ' ' || body[65] != ' ')
        {
            throw new InvalidDataException($"'{line}' is not a line of {ChecksumsFileName} (SHA-256, two spaces, path).");
        }

        var path = body[66..];
        if (escaped)
        {
            var builder = new StringBuilder(path.Length);
            for (var i = 0; i < path.Length; i++)
            {
                builder.Append(path[i] == '\\' && i + 1 < path.Length ? (path[++i] == 'n' ? '\n' : path[i]) : path[i]);
            }

            path = builder.ToString();
        }

        return (body[..64], path);
    }
}
