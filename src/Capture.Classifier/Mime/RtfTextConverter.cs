using System.Globalization;
using System.Text;
using Capture.Classifier.Extraction;

namespace Capture.Classifier.Mime;

/// <summary>
/// Turns an RTF body (Outlook's rich text, as TNEF carries it) into readable text. Only the text is kept: font and
/// colour tables, pictures, field instructions and every ignorable destination (<c>\*</c>, which also hides the HTML
/// tags of RTF-encapsulated HTML) are skipped. Bytes written as <c>\'hh</c> are read in the code page of their font's
/// charset (<c>\fcharset238</c> is Central European) or else the document's <c>\ansicpg</c>; <c>\uN</c> gives the
/// Unicode character and skips the fallback that follows it.
/// </summary>
internal static class RtfTextConverter
{
    private const int AnsiCodePage = 1252;

    private static readonly HashSet<string> SkippedDestinations = new(StringComparer.Ordinal)
    {
        "colortbl", "stylesheet", "info", "pict", "nonshppict", "object", "objdata", "fldinst", "header", "headerl",
        "headerr", "headerf", "footer", "footerl", "footerr", "footerf", "footnote", "annotation", "listtable",
        "listoverridetable", "revtbl", "rsidtbl", "xmlnstbl", "themedata", "colorschememapping", "latentstyles",
        "datastore", "filetbl", "pgdsctbl", "generator", "bkmkstart", "bkmkend", "sp", "sn", "sv", "xe", "tc",
    };

    private static readonly Dictionary<string, char> Symbols = new(StringComparer.Ordinal)
    {
        ["par"] = '\n', ["line"] = '\n', ["sect"] = '\n', ["page"] = '\n', ["row"] = '\n', ["tab"] = '\t',
        ["cell"] = '\t', ["emdash"] = '—', ["endash"] = '–', ["bullet"] = '•', ["lquote"] = '‘', ["rquote"] = '’',
        ["ldblquote"] = '“', ["rdblquote"] = '”', ["emspace"] = ' ', ["enspace"] = ' ', ["qmspace"] = ' ',
    };

    /// <summary>Returns the text of an RTF document.</summary>
    public static string Convert(byte[] rtf)
    {
        LegacyEncodings.EnsureRegistered();
        return ReadableText.Normalize(new Conversion(rtf).Run());
    }

    /// <summary>The code page of an RTF <c>\fcharset</c>, or 0 for "the document's ANSI code page".</summary>
    private static int CodePageOfCharset(int charset) => charset switch
    {
        77 => 10000,
        128 => 932,
        129 => 949,
        130 => 1361,
        134 => 936,
        136 => 950,
        161 => 1253,
        162 => 1254,
        163 => 1258,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        222 => 874,
        238 => 1250,
        254 => 437,
        255 => 850,
        _ => 0,
    };

    private static Encoding EncodingOf(int codePage)
    {
        try
        {
            return Encoding.GetEncoding(codePage);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            return Encoding.GetEncoding(AnsiCodePage);
        }
    }

    /// <summary>The formatting state that an RTF group (<c>{…}</c>) carries and its closing brace restores.</summary>
    private sealed record Group(bool Skip, bool InFontTable, int? Font, int FallbackLength);

    private sealed class Conversion(byte[] rtf)
    {
        private readonly StringBuilder text = new(rtf.Length / 4);
        private readonly List<byte> pendingBytes = [];
        private readonly Dictionary<int, int> fontCodePages = [];
        private readonly Stack<Group> enclosing = new();
        private Group group = new(Skip: false, InFontTable: false, Font: null, FallbackLength: 1);
        private int ansiCodePage = AnsiCodePage;
        private int? defaultFont;
        private int? fontBeingDefined;
        private int fallbackToSkip;
        private int position;

        public string Run()
        {
            while (position < rtf.Length)
            {
                var current = rtf[position++];
                switch (current)
                {
                    case (byte)'{':
                        Flush();
                        enclosing.Push(group);
                        break;
                    case (byte)'}':
                        Flush();
                        group = enclosing.Count > 0 ? enclosing.Pop() : group;
                        fallbackToSkip = 0; // a fallback never reaches past its group
                        break;
                    case (byte)'\\':
                        ReadControl();
                        break;
                    case (byte)'\r' or (byte)'\n':
                        break;
                    default:
                        AddByte(current);
                        break;
                }
            }

            Flush();
            return text.ToString();
        }

        private void ReadControl()
        {
            if (position >= rtf.Length)
            {
                return;
            }

            var symbol = (char)rtf[position];
            if (char.IsAsciiLetter(symbol))
            {
                var (word, parameter) = ReadWord();
                OnWord(word, parameter);
                return;
            }

            position++;
            switch (symbol)
            {
                case '\'':
                    ReadHexByte();
                    break;
                case '*':
                    group = group with { Skip = true };
                    break;
                case '\\' or '{' or '}':
                    AddByte((byte)symbol);
                    break;
                case '~':
                    AddChar(' ');
                    break;
                case '_':
                    AddChar('-');
                    break;
                case '\r' or '\n':
                    AddChar('\n');
                    break;
                default:
                    break;
            }
        }

        private (string Word, int? Parameter) ReadWord()
        {
            var start = position;
            while (position < rtf.Length && position - start < 32 && char.IsAsciiLetter((char)rtf[position]))
            {
                position++;
            }

            var word = Encoding.ASCII.GetString(rtf, start, position - start);
            var parameterStart = position;
            if (position < rtf.Length && rtf[position] == '-')
            {
                position++;
            }

            while (position < rtf.Length && position - parameterStart < 11 && char.IsAsciiDigit((char)rtf[position]))
            {
                position++;
            }

            int? parameter = int.TryParse(rtf.AsSpan(parameterStart, position - parameterStart), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? value
                : null;
            if (position < rtf.Length && rtf[position] == ' ')
            {
                position++;
            }

            return (word, parameter);
        }

        private void ReadHexByte()
        {
            if (position + 2 <= rtf.Length &&
                byte.TryParse(rtf.AsSpan(position, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                position += 2;
                AddByte(value);
            }
        }

        private void OnWord(string word, int? parameter)
        {
            if (group.InFontTable)
            {
                DefineFont(word, parameter);
                return;
            }

            switch (word)
            {
                case "fonttbl":
                    group = group with { Skip = true, InFontTable = true };
                    break;
                case "ansicpg":
                    ansiCodePage = parameter ?? AnsiCodePage;
                    break;
                case "deff":
                    defaultFont = parameter;
                    break;
                case "f" or "plain":
                    Flush();
                    group = group with { Font = word == "f" ? parameter : null };
                    break;
                case "uc":
                    group = group with { FallbackLength = Math.Max(parameter ?? 1, 0) };
                    break;
                case "u" when parameter is { } code:
                    AddChar((char)(code < 0 ? code + 65536 : code));
                    fallbackToSkip = group.FallbackLength;
                    break;
                case "bin" when parameter > 0:
                    position = (int)Math.Min(rtf.Length, (long)position + parameter.Value);
                    break;
                default:
                    OnOtherWord(word);
                    break;
            }
        }

        private void OnOtherWord(string word)
        {
            if (SkippedDestinations.Contains(word))
            {
                group = group with { Skip = true };
            }
            else if (Symbols.TryGetValue(word, out var symbol))
            {
                AddChar(symbol);
            }
        }

        private void DefineFont(string word, int? parameter)
        {
            if (word == "f")
            {
                fontBeingDefined = parameter;
            }
            else if (word == "fcharset" && fontBeingDefined is { } font && parameter is { } charset)
            {
                fontCodePages[font] = CodePageOfCharset(charset);
            }
        }

        private void AddByte(byte value)
        {
            if (fallbackToSkip > 0)
            {
                fallbackToSkip--;
                return;
            }

            if (!group.Skip)
            {
                pendingBytes.Add(value);
            }
        }

        private void AddChar(char value)
        {
            if (group.Skip)
            {
                return;
            }

            Flush();
            text.Append(value);
        }

        private void Flush()
        {
            if (pendingBytes.Count == 0)
            {
                return;
            }

            text.Append(EncodingOf(CodePage()).GetString([.. pendingBytes]));
            pendingBytes.Clear();
        }

        private int CodePage() =>
            (group.Font ?? defaultFont) is { } font && fontCodePages.TryGetValue(font, out var codePage) && codePage != 0
                ? codePage
                : ansiCodePage;
    }
}
