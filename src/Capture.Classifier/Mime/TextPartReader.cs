using Capture.Classifier.Extraction;
using MimeKit;

namespace Capture.Classifier.Mime;

/// <summary>
/// Reads a text part as plain text: HTML made readable, RTF stripped of its markup. Text whose charset is missing,
/// unknown to .NET, or claimed as US-ASCII or UTF-8 by a mailer that wrote something else is read as UTF-8 when it is
/// valid UTF-8 and otherwise in the Central European code page its bytes point to, as text files are
/// (<see cref="TextDecoding"/>); MimeKit alone would read it as ISO-8859-1 or replace its letters with question marks.
/// </summary>
internal static class TextPartReader
{
    private const int UsAscii = 20127;
    private const int Utf8 = 65001;

    /// <summary>The part that best reads as the body: plain text, else HTML, else RTF.</summary>
    public static TextPart? ChooseBody(IEnumerable<TextPart> candidates)
    {
        var texts = candidates.ToList();
        return texts.Find(part => part.IsPlain) ?? texts.Find(part => part.IsHtml) ?? texts.Find(part => part.IsRichText);
    }

    public static string Read(TextPart part)
    {
        if (part.IsRichText)
        {
            return RtfTextConverter.Convert(Bytes(part));
        }

        var text = Decode(part);
        return part.IsHtml ? HtmlTextConverter.Convert(text) : text.ReplaceLineEndings("\n");
    }

    private static string Decode(TextPart part)
    {
        var declared = part.ContentType.CharsetEncoding;
        return declared is null || declared.CodePage is UsAscii or Utf8
            ? TextDecoding.Decode(Bytes(part))
            : part.GetText(declared);
    }

    private static byte[] Bytes(TextPart part)
    {
        using var buffer = new MemoryStream();
        part.Content?.DecodeTo(buffer);
        return buffer.ToArray();
    }
}
