using System.Text.RegularExpressions;

namespace Capture.Classifier.Mime;

/// <summary>Tidies text recovered from markup (HTML, RTF): single spaces, trimmed lines, at most one blank line in a row.</summary>
internal static partial class ReadableText
{
    public static string Normalize(string text)
    {
        var lines = text.Replace('\u00A0', ' ').Split('\n').Select(line => Spaces().Replace(line, " ").Trim());
        return BlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
