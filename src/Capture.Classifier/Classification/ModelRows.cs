using Capture.Classifier.Language;
using Microsoft.ML.Data;

namespace Capture.Classifier.Classification;

/// <summary>The row the model reads: two views of the same text, normalised and diacritic-folded, plus the label when training.</summary>
internal sealed class ModelInput
{
    public string Normalised { get; set; } = "";

    public string Folded { get; set; } = "";

    /// <summary>Every folded word cut to its first five letters: a crude stem that makes Polish and Hungarian inflections meet.</summary>
    public string Stems { get; set; } = "";

    public string Label { get; set; } = "";

    /// <summary>Builds the model's input from raw text; training and prediction both go through here so they see the same views.</summary>
    public static ModelInput From(string text, DocumentCategory? label = null)
    {
        var normalised = TextFolding.Normalise(text);
        var folded = TextFolding.FoldDiacritics(normalised);
        return new ModelInput
        {
            Normalised = normalised,
            Folded = folded,
            Stems = Stem(folded),
            Label = label?.ToString() ?? "",
        };
    }

    private static string Stem(string folded)
    {
        var words = folded.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', words.Where(w => w.Any(char.IsLetter)).Select(w => w.Length > StemLength ? w[..StemLength] : w));
    }

    private const int StemLength = 5;

    private static readonly char[] Separators = [' ', ',', '.', ';', ':', '!', '?', '(', ')', '"', '\'', '-', '/', '„', '”', '–'];
}

/// <summary>The model's output: one probability per category, in the order of the score column's slot names.</summary>
internal sealed class ModelOutput
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}
