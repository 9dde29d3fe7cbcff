using System.Globalization;
using System.Text.RegularExpressions;

namespace Archive.Search.Indexing;

/// <summary>
/// Which generation of the index is current, recorded in the file <c>CURRENT</c> of the index folder (the
/// generation's folder name and the schema version it was built with), replaced atomically when a rebuild
/// finishes. Folders of unfinished rebuilds are removed on open. An index from before generations (Lucene files
/// directly in the folder) is read as generation <c>.</c> of schema 1.
/// </summary>
internal sealed partial class GenerationCatalog(string root)
{
    /// <summary>The version of the fields and analysis; an index built with another one is rebuilt.</summary>
    /// <remarks>1: folded text only. 2: Hunspell stems per language, case fields, doc values for sorting and counts.</remarks>
    public const int CurrentSchema = 2;

    private const string PointerFileName = "CURRENT";
    private const string LegacyName = ".";

    /// <summary>A generation: its folder name, full path and schema version.</summary>
    public sealed record Entry(string Name, string Path, int Schema);

    public string Root { get; } = root;

    /// <summary>The current generation, creating the first one when the folder holds no index.</summary>
    public Entry Current()
    {
        var pointer = Path.Combine(Root, PointerFileName);
        if (File.Exists(pointer))
        {
            var parts = File.ReadAllText(pointer).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && GenerationName().IsMatch(parts[0]) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var schema))
            {
                return new Entry(parts[0], Path.Combine(Root, parts[0]), schema);
            }

            throw new InvalidDataException($"The index pointer {pointer} is damaged (\"{File.ReadAllText(pointer).Trim()}\"); delete the index folder and run `capture reindex`.");
        }

        if (Directory.EnumerateFiles(Root, "segments*").Any())
        {
            return new Entry(LegacyName, Root, 1);
        }

        var first = Next();
        MakeCurrent(first);
        return first;
    }

    /// <summary>A fresh folder name for a new generation, after every existing one.</summary>
    public Entry Next()
    {
        var highest = Directory.EnumerateDirectories(Root)
            .Select(Path.GetFileName)
            .Where(name => name is not null && GenerationName().IsMatch(name))
            .Select(name => int.Parse(name![1..], CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Max();
        var name = string.Create(CultureInfo.InvariantCulture, $"g{highest + 1:D6}");
        return new Entry(name, Path.Combine(Root, name), CurrentSchema);
    }

    /// <summary>Points <c>CURRENT</c> at <paramref name="entry"/>: written aside, flushed, then renamed over the old pointer.</summary>
    public void MakeCurrent(Entry entry)
    {
        var pointer = Path.Combine(Root, PointerFileName);
        var temporary = pointer + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{entry.Name} {entry.Schema}\n"));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, pointer, overwrite: true);
    }

    /// <summary>Deletes the folders of generations other than <paramref name="current"/>: rebuilds a crash interrupted.</summary>
    public void DeleteAbandoned(Entry current)
    {
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var name = Path.GetFileName(folder);
            if (GenerationName().IsMatch(name) && name != current.Name)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Deletes a generation's files; for the pre-generation layout, only the Lucene files beside the pointer.</summary>
    public static void Delete(Entry entry)
    {
        if (entry.Name != LegacyName)
        {
            Directory.Delete(entry.Path, recursive: true);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(entry.Path))
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith(PointerFileName, StringComparison.Ordinal))
            {
                File.Delete(file);
            }
        }
    }

    [GeneratedRegex("^g[0-9]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex GenerationName();
}
