using System.Text.RegularExpressions;

namespace Capture.Classifier.Metadata;

/// <summary>
/// Where the parts of an item's text are: the letterhead before a letter's salutation, the signature from the last
/// closing phrase on, header blocks of forwarded or quoted messages, and the quoted reply the writer answered, whose
/// names and signatures are somebody else's.
/// </summary>
internal sealed partial class LetterLayout
{
    // A salutation opens the body of a letter within its first lines; what stands above it is the letterhead.
    private const int SalutationSearchLines = 30;

    private readonly List<(int Start, int End)> headerBlocks = [];
    private readonly List<Match> closings = [];

    private LetterLayout(string text) => Text = text;

    public string Text { get; }

    /// <summary>Where the letterhead ends (0 when the text has none, e.g. an e-mail).</summary>
    public int LetterheadEnd { get; private set; }

    /// <summary>Where the writer's signature starts; <see cref="QuotedStart"/> when there is none.</summary>
    public int SignatureStart { get; private set; }

    /// <summary>Where the quoted message the writer replied to starts; the text's length when there is none.</summary>
    public int QuotedStart { get; private set; }

    /// <summary>The writer's closing-phrase lines, first to last; group <c>rest</c> is what follows the phrase on its line.</summary>
    public IReadOnlyList<Match> Closings => closings;

    /// <summary>The forwarded message's header block, when the item forwards a message.</summary>
    public (int Start, int End)? ForwardedHeader { get; private set; }

    /// <summary>Reads the layout of <paramref name="text"/> (newlines already normalised to <c>\n</c>).</summary>
    /// <param name="text">The item's text.</param>
    /// <param name="isMail">True for an e-mail body: its first line is the subject, and it has no letterhead.</param>
    public static LetterLayout Of(string text, bool isMail)
    {
        var layout = new LetterLayout(text);
        layout.QuotedStart = text.Length;
        if (isMail)
        {
            var subjectEnd = text.IndexOf('\n', StringComparison.Ordinal);
            layout.headerBlocks.Add((0, subjectEnd < 0 ? text.Length : subjectEnd));
        }

        layout.FindHeaderBlocks();
        layout.FindQuotedReply();
        if (!isMail && Salutation().Match(text, 0, FirstLinesLength(text, SalutationSearchLines)) is { Success: true } salutation)
        {
            layout.LetterheadEnd = salutation.Index;
        }

        layout.SignatureStart = layout.QuotedStart;
        foreach (Match closing in ClosingLine().Matches(text))
        {
            if (closing.Index >= layout.LetterheadEnd && closing.Index < layout.QuotedStart && !layout.InHeaderBlock(closing.Index))
            {
                layout.SignatureStart = closing.Index;
                layout.closings.Add(closing);
            }
        }

        return layout;
    }

    /// <summary>Which part of the item the character at <paramref name="index"/> belongs to.</summary>
    public MetadataLocation LocationOf(int index) =>
        InHeaderBlock(index) ? MetadataLocation.Header
        : index < LetterheadEnd ? MetadataLocation.Letterhead
        : index >= SignatureStart && index < QuotedStart ? MetadataLocation.Signature
        : MetadataLocation.Body;

    /// <summary>True when <paramref name="index"/> lies in the quoted message the writer replied to.</summary>
    public bool IsQuoted(int index) => index >= QuotedStart;

    private bool InHeaderBlock(int index) => headerBlocks.Exists(b => index >= b.Start && index < b.End);

    private void FindHeaderBlocks()
    {
        foreach (Match block in HeaderBlock().Matches(Text))
        {
            var start = block.Index;
            var forwarded = ForwardMarker().Match(Text, Math.Max(0, start - 200), start - Math.Max(0, start - 200)).Success
                || block.Groups["fwd"].Success;
            headerBlocks.Add((start, block.Index + block.Length));
            if (forwarded)
            {
                ForwardedHeader ??= (start, block.Index + block.Length);
            }
            else if (start < QuotedStart)
            {
                // An Outlook-style "From: / Sent: / To: / Subject:" block without a forward marker heads a quoted reply.
                QuotedStart = QuoteOpening(start);
            }
        }
    }

    private void FindQuotedReply()
    {
        if (FindReplyMarker() is { } marker && marker < QuotedStart && !IsForwardedBlock(marker))
        {
            QuotedStart = marker;
        }

        if (QuotedLines().Match(Text) is { Success: true } quoted && quoted.Index < QuotedStart)
        {
            QuotedStart = quoted.Index;
        }
    }

    // The line that introduces a quoted reply ends with a colon ("… wrote:"), so only such lines are read.
    private int? FindReplyMarker()
    {
        var separator = OriginalMessageLine().Match(Text);
        var end = separator.Success ? separator.Index : Text.Length;
        for (var colon = Text.IndexOf(':', StringComparison.Ordinal); colon >= 0 && colon < end; colon = Text.IndexOf(':', colon + 1))
        {
            var lineEnd = Text.IndexOf('\n', colon);
            lineEnd = lineEnd < 0 ? Text.Length : lineEnd;
            if (!Text.AsSpan(colon + 1, lineEnd - colon - 1).IsWhiteSpace())
            {
                continue;
            }

            var lineStart = colon == 0 ? 0 : Text.LastIndexOf('\n', colon - 1) + 1;
            if (ReplyMarker().IsMatch(Text.AsSpan(lineStart, colon + 1 - lineStart)))
            {
                return lineStart;
            }
        }

        return separator.Success ? separator.Index : null;
    }

    private bool IsForwardedBlock(int index) => ForwardedHeader is { } f && index >= f.Start - 200 && index < f.End;

    // "-----Original Message-----" just above a header block belongs to the quote.
    private int QuoteOpening(int blockStart)
    {
        var lineStart = blockStart > 1 ? Text.LastIndexOf('\n', blockStart - 2) + 1 : 0;
        return OriginalMessageLine().IsMatch(Text.AsSpan(lineStart, blockStart - lineStart)) ? lineStart : blockStart;
    }

    private static int FirstLinesLength(string text, int lines)
    {
        var end = 0;
        for (var i = 0; i < lines && end < text.Length; i++)
        {
            var next = text.IndexOf('\n', end);
            end = next < 0 ? text.Length : next + 1;
        }

        return end;
    }

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase | RegexOptions.Multiline;

    [GeneratedRegex(@"^[ \t]*(?:szanown[iay]|szanowna|dzie[ńn]\s+dobry|witam|dear\b|hello\b|hi\b|good\s+(?:morning|afternoon)|to\s+whom|tisztelt\b|kedves\b|j[óo]\s+napot|t\.\s*c[íi]m)", Options, 1000)]
    private static partial Regex Salutation();

    // Closing phrases at the start of a line, in the three languages, tolerant of missing diacritics. A name may follow
    // the strong ones on the same line ("Pozdrawiam, Jan Kowalski"); the weak ones ("Thanks", "Dziękuję") count only alone.
    [GeneratedRegex(@"^[ \t]*(?:(?:z[,.]?\s+powa[żz]aniem|z[,.]?\s+wyrazami\s+szacunku|z[,.]?\s+pozdrowieniami|(?:serdecznie\s+)?pozdrawiam(?:\s+serdecznie)?|[łl][aą]cz[eę]\s+(?:pozdrowienia|wyrazy\s+szacunku)|z\s+g[óo]ry\s+dzi[eę]kuj[eę]|[üu]dv[öo]zlettel|tisztelettel|k[öo]sz[öo]nettel|kind\s+regards|best\s+regards|warm\s+regards|regards|best\s+wishes|(?:yours\s+)?sincerely|yours\s+faithfully|yours\s+truly|many\s+thanks|cheers)(?<rest>[ \t]*[,.!:;\-–][^\n]*|[ \t]+[^\n]*)?|(?:dzi[eę]kuj[eę](?:\s+bardzo)?|[üu]dv|k[öo]sz[öo]n[öo]m|thanks|thank\s+you|--)(?:[ \t]*,[ \t]*(?<rest>\p{Lu}[^\n]{0,60})|[ \t]*[,.!]?[ \t]*))$", Options, 1000)]
    private static partial Regex ClosingLine();

    // Three or more header lines in a row, the first naming the sender: a forwarded or quoted message's header.
    [GeneratedRegex(@"^[ \t]*\*?(?:from|od|felad[óo]|von|de)\*?[ \t]*:[^\n]*\n(?:[ \t]*\*?(?:sent|date|to|cc|subject|wys[łl]ano|data|do|dw|temat|elk[üu]ldve|d[áa]tum|c[íi]mzett|m[áa]solat|t[áa]rgy)\*?[ \t]*:(?:[ \t]*(?<fwd>fwd?|pd|tov)\b)?[^\n]*(?:\n|$)){2,5}", Options, 1000)]
    private static partial Regex HeaderBlock();

    [GeneratedRegex(@"(?:forwarded\s+message|begin\s+forwarded|przekazana\s+wiadomo|wiadomo[śs][ćc]\s+przekazana|tov[áa]bb[íi]tott\s+(?:[üu]zenet|lev[ée]l))", Options, 1000)]
    private static partial Regex ForwardMarker();

    [GeneratedRegex(@"^[ \t]*-{2,}[ \t]*(?:original\s+message|wiadomo[śs][ćc]\s+oryginalna|eredeti\s+[üu]zenet)[ \t]*-{2,}", Options, 1000)]
    private static partial Regex OriginalMessageLine();

    // The end of "On Mon, 2 Nov 2026 … wrote:", "W dniu 2.11.2026 … pisze:", "2026. nov. 2., … írta:".
    [GeneratedRegex(@"(?:\bwrote|napisa[łl](?:\(a\)|a)?|pisze|[íi]rta)[ \t]*:$", Options, 1000)]
    private static partial Regex ReplyMarker();

    [GeneratedRegex(@"^[ \t]*>", Options, 1000)]
    private static partial Regex QuotedLines();
}
