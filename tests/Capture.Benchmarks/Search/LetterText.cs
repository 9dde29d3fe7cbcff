namespace Capture.Benchmarks.Search;

/// <summary>
/// The growing text of one letter in a reused character buffer: appends without allocating, and lets the writer count
/// words, make a typo or drop diacritics in place before the text becomes a string.
/// </summary>
internal sealed class LetterText
{
    private char[] buffer = new char[16 * 1024];

    public int Length { get; private set; }

    public void Clear() => Length = 0;

    public void Append(string value)
    {
        Reserve(value.Length);
        value.CopyTo(buffer.AsSpan(Length));
        Length += value.Length;
    }

    /// <summary>
    /// Appends literal text; a full stop right after a value that already ends in one ("z dnia 12.03.2026 r.") is left
    /// out.
    /// </summary>
    public void AppendAfterValue(string value)
    {
        var text = value.AsSpan();
        if (text.Length > 0 && text[0] == '.' && Length > 0 && buffer[Length - 1] == '.')
        {
            text = text[1..];
        }

        Reserve(text.Length);
        text.CopyTo(buffer.AsSpan(Length));
        Length += text.Length;
    }

    public void Append(char value)
    {
        Reserve(1);
        buffer[Length++] = value;
    }

    /// <summary>The text from <paramref name="start"/> to the end, to change in place.</summary>
    public Span<char> From(int start) => buffer.AsSpan(start, Length - start);

    /// <summary>
    /// Swaps two neighbouring letters somewhere in the text from <paramref name="start"/> ("zamówineie"), the commonest
    /// typing slip. Does nothing when the place drawn is not inside a word.
    /// </summary>
    public void SwapNeighbouringLetters(int start, Random random)
    {
        if (Length - start < 4)
        {
            return;
        }

        var at = random.Next(start + 1, Length - 2);
        if (char.IsLower(buffer[at]) && char.IsLower(buffer[at + 1]) && char.IsLetter(buffer[at - 1]))
        {
            (buffer[at], buffer[at + 1]) = (buffer[at + 1], buffer[at]);
        }
    }

    public override string ToString() => new(buffer, 0, Length);

    private void Reserve(int extra)
    {
        if (Length + extra > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, Length + extra));
        }
    }
}
