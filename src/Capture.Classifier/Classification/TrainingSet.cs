using System.Globalization;

namespace Capture.Classifier.Classification;

/// <summary>
/// The labelled examples of a training folder laid out as <c>&lt;category&gt;/&lt;lang&gt;-&lt;nnn&gt;.txt</c>
/// (see <c>samples/training/README.md</c>), split into the training part and the fixed held-out part:
/// files whose number ends in 0 or 5 are held out.
/// </summary>
/// <param name="Training">Examples to train and cross-validate on.</param>
/// <param name="HeldOut">Examples kept for the final evaluation only.</param>
public sealed record TrainingSet(IReadOnlyList<LabelledText> Training, IReadOnlyList<LabelledText> HeldOut)
{
    /// <summary>The category folder names and the categories they hold.</summary>
    public static IReadOnlyDictionary<string, DocumentCategory> Folders { get; } = new Dictionary<string, DocumentCategory>(StringComparer.OrdinalIgnoreCase)
    {
        ["complaint"] = DocumentCategory.Complaint,
        ["suggestion"] = DocumentCategory.Suggestion,
        ["thanks"] = DocumentCategory.Thanks,
    };

    /// <summary>All examples, training first.</summary>
    public IReadOnlyList<LabelledText> All => [.. Training, .. HeldOut];

    /// <summary>Loads every <c>*.txt</c> file of the category folders under <paramref name="directory"/>, in a stable order.</summary>
    /// <exception cref="DirectoryNotFoundException"><paramref name="directory"/> does not exist.</exception>
    /// <exception cref="InvalidDataException">A file name does not follow <c>&lt;lang&gt;-&lt;nnn&gt;.txt</c>.</exception>
    public static TrainingSet LoadFolder(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The training folder {directory} does not exist.");
        }

        var training = new List<LabelledText>();
        var heldOut = new List<LabelledText>();
        foreach (var file in EnumerateFiles(directory))
        {
            var (language, number) = ParseName(file.Path);
            var example = new LabelledText(File.ReadAllText(file.Path).Trim(), file.Category, language);
            (IsHeldOut(number) ? heldOut : training).Add(example);
        }

        return new TrainingSet(training, heldOut);
    }

    /// <summary>The training files under <paramref name="directory"/> with their categories, ordered by category folder then ordinal file name.</summary>
    internal static IEnumerable<(string Path, DocumentCategory Category)> EnumerateFiles(string directory)
    {
        foreach (var (folder, category) in Folders.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var categoryDirectory = Path.Combine(directory, folder);
            if (!Directory.Exists(categoryDirectory))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(categoryDirectory, "*.txt").Order(StringComparer.Ordinal))
            {
                yield return (path, category);
            }
        }
    }

    /// <summary>Whether the example numbered <paramref name="number"/> belongs to the fixed held-out split.</summary>
    public static bool IsHeldOut(int number) => number % 5 == 0;

    private static (string Language, int Number) ParseName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !int.TryParse(name.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new InvalidDataException($"The training file {path} is not named <lang>-<nnn>.txt.");
        }

        return (name[..dash].ToLowerInvariant(), number);
    }
}
