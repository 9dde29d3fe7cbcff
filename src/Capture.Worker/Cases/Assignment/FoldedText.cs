using System.Text;
using Capture.Classifier.Language;

namespace Capture.Worker.Cases.Assignment;

/// <summary>
/// Text reduced to its words, lower-cased and without diacritics (<see cref="TextFolding"/>), so that a keyword or a
/// product name is found as whole words whatever its case, accents or the punctuation around it: "Czajnik K-2!" holds
/// the phrases "czajnik", "k 2" and "czajnik k 2" but not "czaj". The text is folded once, on the first search.
/// </summary>
public sealed class FoldedText
{
    private readonly string?[] _parts;
    private string? _words;

    private FoldedText(string?[] parts) => _parts = parts;

    /// <summary>The words of <paramref name="parts"/> (a subject, a body, attachments' texts); null parts are skipped.</summary>
    /// <param name="parts">The texts.</param>
    /// <returns>The folded text.</returns>
    public static FoldedText Of(params IEnumerable<string?> parts) => new([.. parts]);

    /// <summary>A phrase as <see cref="Contains"/> looks for it: its words, folded, separated by single spaces; empty when it has no letters or digits.</summary>
    /// <param name="phrase">A keyword, a product name or an alias.</param>
    /// <returns>The folded phrase.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="phrase"/> is null.</exception>
    public static string FoldPhrase(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        return Fold([phrase]).Trim();
    }

    /// <summary>True when the text holds <paramref name="foldedPhrase"/> (from <see cref="FoldPhrase"/>) as whole words.</summary>
    /// <param name="foldedPhrase">The folded phrase; an empty one is never found.</param>
    /// <returns>Whether it occurs.</returns>
    public bool Contains(string foldedPhrase)
    {
        if (string.IsNullOrEmpty(foldedPhrase))
        {
            return false;
        }

        _words ??= Fold(_parts);
        return _words.Contains($" {foldedPhrase} ", StringComparison.Ordinal);
    }

    /// <summary>" word word … " with a space on each side, so a whole-word search is a plain substring search.</summary>
    private static string Fold(IEnumerable<string?> parts)
    {
        var builder = new StringBuilder(" ");
        foreach (var part in parts)
        {
            foreach (var c in part ?? "")
            {
                if (char.IsLetterOrDigit(c))
                {
                    builder.Append(TextFolding.FoldCharacter(c));
                }
                else if (builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }

            if (builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }
}
