namespace Capture.Benchmarks.Search;

/// <summary>
/// Drops the diacritics of Polish and Hungarian letters one character for one (ł → l, ő → o, Ż → Z), as people do
/// in e-mail addresses and as many write whole letters on a keyboard without Polish or Hungarian layout.
/// </summary>
internal static class AsciiFolding
{
    private const string From = "ąćęłńóśźżáéíöőúüűÄĄĆĘŁŃÓŚŹŻÁÉÍÖŐÚÜŰäëçñ";
    private const string To = "acelnoszzaeioouuuAACELNOSZZAEIOOUUUaecn";

    private static readonly char[] Table = BuildTable();

    /// <summary>The character without its diacritic; other characters are returned as they are.</summary>
    public static char Fold(char c) => c < Table.Length ? Table[c] : c;

    /// <summary>Folds every character of the span in place.</summary>
    public static void FoldInPlace(Span<char> text)
    {
        foreach (ref var c in text)
        {
            if (c >= 128)
            {
                c = Fold(c);
            }
        }
    }

    /// <summary>Folded and lower-cased, for the local part of an e-mail address (apostrophes and spaces dropped).</summary>
    public static string ForEmail(string name)
    {
        Span<char> buffer = stackalloc char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(Fold(c));
            }
        }

        return new string(buffer[..length]);
    }

    private static char[] BuildTable()
    {
        var table = new char[0x180];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = (char)c;
        }

        for (var i = 0; i < From.Length; i++)
        {
            table[From[i]] = To[i];
        }

        return table;
    }
}
