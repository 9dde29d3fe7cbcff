using Capture.Web.Pages;

namespace Capture.Web.Tests;

/// <summary>What the pages write: encoded values, marked snippets, safe download names.</summary>
public sealed class PageMarkupTests
{
    [Fact]
    public void Snippet_MarksTheBracketedMatchesAndEncodesEverythingElse()
    {
        var markup = Html.Snippet("<b>the</b> [kettle] & [Łódź] \"x\"").Value;

        Assert.Equal("&lt;b&gt;the&lt;/b&gt; <mark>kettle</mark> &amp; <mark>Łódź</mark> &quot;x&quot;", markup);
    }

    [Fact]
    public void Snippet_WithAnUnclosedBracket_KeepsItAsText() =>
        Assert.Equal("a [b &lt;", Html.Snippet("a [b <").Value);

    [Fact]
    public void Interpolation_EncodesHolesButNotTheLiteralMarkup()
    {
        var html = new Html();
        var value = "<script>alert('x')</script>";

        html.Append($"<p title=\"{value}\">{value}</p>");

        Assert.Equal("<p title=\"&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;\">&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</p>", html.ToString());
    }

    [Theory]
    [InlineData("letter.pdf", "letter.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\scans\\scan 1.tif", "scan 1.tif")]
    [InlineData("a\"b;c\r\n.txt", "a_b_c__.txt")]
    [InlineData(".hidden", "hidden")]
    [InlineData("", "original")]
    [InlineData("reklamacja-Łódź.eml", "reklamacja-Łódź.eml")]
    public void SafeFileName_KeepsOnlyTheNameWithoutFoldersQuotesOrControls(string stored, string expected) =>
        Assert.Equal(expected, OriginalDownload.SafeFileName(stored));
}
