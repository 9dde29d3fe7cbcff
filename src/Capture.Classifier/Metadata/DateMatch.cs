namespace Capture.Classifier.Metadata;

/// <summary>A date written in the text, and where.</summary>
internal readonly record struct DateMatch(int Index, int Length, DateOnly Date)
{
    public TextSpan Span => new(Index, Length);
}

/// <summary>Where a value stands in the text, so other finders do not read it again as something else.</summary>
internal readonly record struct TextSpan(int Index, int Length)
{
    /// <summary>True when the span from <paramref name="index"/> of <paramref name="length"/> overlaps one of <paramref name="spans"/>.</summary>
    public static bool Overlaps(IReadOnlyList<TextSpan> spans, int index, int length)
    {
        foreach (var span in spans)
        {
            if (index < span.Index + span.Length && span.Index < index + length)
            {
                return true;
            }
        }

        return false;
    }
}
