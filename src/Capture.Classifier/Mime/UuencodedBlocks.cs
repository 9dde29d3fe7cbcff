using System.Text;
using System.Text.RegularExpressions;
using MimeKit.Encodings;

namespace Capture.Classifier.Mime;

/// <summary>
/// Finds the uuencoded files (<c>begin 644 name</c> … <c>end</c>) that old mailers put inside a text body, decodes
/// them with MimeKit's <see cref="UUDecoder"/> and takes them out of the text, so the body reads as it was written and
/// the search index holds no encoded noise. A <c>begin</c> line not followed by a whole block of encoded lines and an
/// <c>end</c> line is ordinary text and stays.
/// </summary>
internal static partial class UuencodedBlocks
{
    /// <summary>Returns the text without its uuencoded blocks, and the files they held.</summary>
    /// <param name="text">Text with <c>\n</c> line ends.</param>
    public static UuencodedText Extract(string text)
    {
        if (!text.Contains("begin ", StringComparison.Ordinal))
        {
            return new UuencodedText(text, []);
        }

        var lines = text.Split('\n');
        var kept = new List<string>(lines.Length);
        var files = new List<UuencodedFile>();
        for (var index = 0; index < lines.Length; index++)
        {
            var begin = BeginLine().Match(lines[index]);
            var end = begin.Success ? EndOfBlock(lines, index + 1) : -1;
            if (end < 0)
            {
                kept.Add(lines[index]);
                continue;
            }

            files.Add(new UuencodedFile(begin.Groups["name"].Value, Decode(lines.AsSpan(index + 1, end - index - 1))));
            index = end;
            if (kept.Count == 0 || string.IsNullOrWhiteSpace(kept[^1]))
            {
                // The blank lines that set the block apart would otherwise pile up where it was.
                while (index + 1 < lines.Length && string.IsNullOrWhiteSpace(lines[index + 1]))
                {
                    index++;
                }
            }
        }

        return new UuencodedText(string.Join('\n', kept), files);
    }

    /// <summary>The index of the block's <c>end</c> line, or -1 when the lines after a begin line are not a whole block.</summary>
    private static int EndOfBlock(string[] lines, int first)
    {
        var hasData = false;
        for (var index = first; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            if (line.TrimEnd() == "end")
            {
                return hasData ? index : -1;
            }

            if (!IsEncodedLine(line))
            {
                return -1;
            }

            hasData |= line.Length > 1;
        }

        return -1;
    }

    /// <summary>
    /// True for a line of uuencode: a length character and encoded characters, all between space and backtick. An
    /// empty line is the last line of a block (a single space) whose space a mailer trimmed.
    /// </summary>
    private static bool IsEncodedLine(string line) =>
        line.All(c => c is >= ' ' and <= '`') && (line.Length == 0 || line.Length <= EncodedLength(line[0]) + 1);

    private static int EncodedLength(char lengthCharacter) => 1 + ((((lengthCharacter - ' ') & 63) + 2) / 3 * 4);

    private static byte[] Decode(ReadOnlySpan<string> data)
    {
        var encoded = new StringBuilder("begin 644 file\n");
        foreach (var line in data)
        {
            // Trailing spaces are data (zero bits) that mailers like to trim; the length character says how many there were.
            var trimmed = line.TrimEnd('\r');
            encoded.Append(trimmed.Length == 0 ? "`" : trimmed.PadRight(EncodedLength(trimmed[0]))).Append('\n');
        }

        var input = Encoding.ASCII.GetBytes(encoded.Append("end\n").ToString());
        var decoder = new UUDecoder();
        var output = new byte[decoder.EstimateOutputLength(input.Length)];
        var length = decoder.Decode(input, 0, input.Length, output);
        return output[..length];
    }

    [GeneratedRegex(@"^begin [0-7]{3,4} +(?<name>\S.*?)\s*$")]
    private static partial Regex BeginLine();
}

/// <summary>Text whose uuencoded blocks were taken out, and the files they held.</summary>
internal sealed record UuencodedText(string Text, IReadOnlyList<UuencodedFile> Files);

/// <summary>One uuencoded file: the name its begin line gave (not yet made safe) and its decoded bytes.</summary>
internal sealed record UuencodedFile(string Name, byte[] Content);
