using System.Text.RegularExpressions;

namespace Capture.Classifier.Metadata;

/// <summary>
/// Tells the date a letter or message was written from the dates it mentions. The letter's date stands alone on its
/// line, after the place (<c>Warszawa, 3 listopada 2026 r.</c>, <c>Budapest, 2026. november 3.</c>,
/// <c>Kelt: Szeged, 2026.11.03.</c>) or a label (<c>Date:</c>, <c>Data:</c>, <c>Dátum:</c>), in the letterhead, above the
/// signature or in a header; a date alone on a letterhead line will do when there is no such line. An e-mail's own
/// Date header comes first.
/// </summary>
internal static partial class LetterDateFinder
{
    /// <summary>The letter's date and which of <paramref name="dates"/> it is (-1 when it came from the envelope).</summary>
    public static (MetadataField? Field, int Occurrence) Find(LetterLayout layout, IReadOnlyList<DateMatch> dates, DateOnly? envelopeDate)
    {
        if (envelopeDate is { } sent)
        {
            return (Field(sent, 0.99, MetadataLocation.Header), -1);
        }

        var text = layout.Text;
        var bestIndex = -1;
        var bestConfidence = 0.0;
        for (var i = 0; i < dates.Count; i++)
        {
            var date = dates[i];
            if (layout.IsQuoted(date.Index))
            {
                continue;
            }

            var lineStart = date.Index == 0 ? 0 : text.LastIndexOf('\n', date.Index - 1) + 1;
            var lineEnd = text.IndexOf('\n', date.Index + date.Length);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            var before = text.AsSpan(lineStart, date.Index - lineStart);
            var after = text.AsSpan(date.Index + date.Length, lineEnd - date.Index - date.Length);
            if (!LineEnd().IsMatch(after))
            {
                continue;
            }

            var location = layout.LocationOf(date.Index);
            var confidence = Label().IsMatch(before) ? 0.95
                : PlaceBefore().IsMatch(before) && location != MetadataLocation.Body ? 0.95
                : PlaceBefore().IsMatch(before) ? 0.7
                : before.IsWhiteSpace() && location == MetadataLocation.Letterhead ? 0.8
                : 0;
            if (confidence > bestConfidence)
            {
                (bestIndex, bestConfidence) = (i, confidence);
            }
        }

        return bestIndex < 0
            ? (null, -1)
            : (Field(dates[bestIndex].Date, bestConfidence, layout.LocationOf(dates[bestIndex].Index)), bestIndex);
    }

    private static MetadataField Field(DateOnly date, double confidence, MetadataLocation location) =>
        new(MetadataFieldKind.LetterDate, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), confidence, location);

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase;

    // "Date:", "Data:", "Dátum:", "Kelt:", "Sent:", "Wysłano:", "Elküldve:", optionally followed by a place.
    [GeneratedRegex(@"^[ \t]*\*?(?:date|data|d[áa]tum|kelt|sent|wys[łl]ano|elk[üu]ldve|dated)\*?[ \t]*[:.]?[ \t]*(?:\p{Lu}[\p{L}\-]+(?:[ \t\-]\p{Lu}?[\p{L}]+){0,2}[ \t]*,[ \t]*)?(?:dnia[ \t]+|dn\.[ \t]*)?$", Options, 1000)]
    private static partial Regex Label();

    // "Warszawa, ", "Kraków dnia ", "Nowy Sącz, dn. ", "Budapest, ", "London, "; a town name of one to three words.
    [GeneratedRegex(@"^[ \t]*\p{Lu}[\p{L}\-]+(?:[ \t\-]\p{Lu}?[\p{L}]+){0,2}(?:[ \t]*,[ \t]*(?:dnia[ \t]+|dn\.[ \t]*)?|[ \t]+(?:dnia[ \t]+|dn\.[ \t]*))$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex PlaceBefore();

    // Only "r.", "roku", a full stop or a comma may follow the letter's date on its line.
    [GeneratedRegex(@"^[ \t]*(?:r\.?|roku)?[ \t]*[.,]?[ \t]*$", Options, 1000)]
    private static partial Regex LineEnd();
}
