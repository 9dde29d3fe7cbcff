using System.Text;
using Capture.Classifier.Mime;

namespace Capture.Classifier.Tests.Mime;

/// <summary>Outlook's RTF bodies become readable text, Central European letters included.</summary>
public sealed class RtfTextConverterTests
{
    [Fact]
    public void Convert_PolishInCentralEuropeanFont_ReadsBytesInWindows1250()
    {
        const string Rtf = @"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss\fcharset0 Arial;}{\f1\fswiss\fcharset238 Arial CE;}}" +
            @"{\colortbl ;\red255\green0\blue0;}{\*\generator Riched20 5.40;}\viewkind4\uc1\pard\cf1\f1\fs20 Reklamacja: \'a3\'f3d\'9f, " +
            @"\'9fle naliczona op\'b3ata\par" + "\r\n" + @"\f0 Caf\'e9\par}";

        Assert.Equal("Reklamacja: Łódź, źle naliczona opłata\nCafé", Convert(Rtf));
    }

    [Fact]
    public void Convert_HungarianInDocumentCodePage_ReadsBytesInWindows1250()
    {
        const string Rtf = @"{\rtf1\ansi\ansicpg1250\deff0{\fonttbl{\f0\fnil\fcharset0 Calibri;}}\f0 Kov\'e1cs \'d6d\'f6n: \'f5r\'fclts\'e9g, panaszomat\par}";

        Assert.Equal("Kovács Ödön: őrültség, panaszomat", Convert(Rtf));
    }

    [Fact]
    public void Convert_UnicodeCharacters_SkipTheirFallback()
    {
        const string Rtf = @"{\rtf1\ansi\uc1 \u321?\u243?d\u378?, {\uc2\u346\'53\'53l\u281} \u8222\'84cytat\u8221\'94}";

        Assert.Equal("Łódź, Ślę „cytat”", Convert(Rtf));
    }

    [Fact]
    public void Convert_TablesPicturesAndFieldInstructions_LeaveOnlyTheText()
    {
        const string Rtf = @"{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\stylesheet{\s0 Normal;}}{\info{\title Secret title}{\author Someone}}" +
            @"{\*\rsidtbl \rsid1}{\pict\pngblip 89504e470d0a1a0a}{\field{\*\fldinst HYPERLINK ""http://example.com""}{\fldrslt link text}}" +
            @" and {\*\unknowndestination hidden} a brace \{ a backslash \\ 5\tab 6\~000\emdash done\par}";

        Assert.Equal("link text and a brace { a backslash \\ 5 6 000—done", Convert(Rtf));
    }

    [Fact]
    public void Convert_EncapsulatedHtml_GivesTheTextWithoutTagsOrStyles()
    {
        const string Rtf = @"{\rtf1\ansi\ansicpg1250\fromhtml1 \deff0{\fonttbl{\f0\fswiss\fcharset238 Arial;}}" +
            @"{\*\htmltag19 <html>}{\*\htmltag34 <head>}{\*\htmltag161 <style>}{\*\htmltag241 p \{ color: red \}}{\*\htmltag169 </style>}" +
            @"{\*\htmltag41 </head>}{\*\htmltag50 <body>}\htmlrtf \f0 \htmlrtf0 {\*\htmltag64 <p>}\htmlrtf {\htmlrtf0 Panaszomat k\'fcld\'f6m" +
            @"{\*\htmltag116 <br>}\htmlrtf \line \htmlrtf0 Kov\'e1cs \'d6d\'f6n{\*\htmltag72 </p>}\htmlrtf \par }\htmlrtf0 {\*\htmltag58 </body>}}";

        Assert.Equal("Panaszomat küldöm\nKovács Ödön", Convert(Rtf));
    }

    [Fact]
    public void Convert_TruncatedDocument_KeepsWhatItHas()
    {
        Assert.Equal("Reklamacja", Convert(@"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\f0 Reklamacja\'"));
    }

    private static string Convert(string rtf) => RtfTextConverter.Convert(Encoding.ASCII.GetBytes(rtf));
}
