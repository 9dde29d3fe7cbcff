using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Capture.Web.Pages;

/// <summary>
/// Builds a page. Text written through an interpolated string is markup in its literal parts and encoded in its holes,
/// so every value from the archive is HTML-encoded unless it is a <see cref="HtmlMarkup"/> this code built.
/// </summary>
internal sealed class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    internal StringBuilder Builder { get; } = new();

    public Html Append([InterpolatedStringHandlerArgument("")] ref HtmlInterpolation markup) => this;

    public HtmlMarkup ToMarkup() => new(Builder.ToString());

    public override string ToString() => Builder.ToString();

    public static string Encode(string? text) => Encoder.Encode(text ?? "");

    /// <summary>A search snippet, matches (in <c>[</c> <c>]</c>) marked with <c>&lt;mark&gt;</c>, everything encoded.</summary>
    public static HtmlMarkup Snippet(string snippet)
    {
        var markup = new StringBuilder(snippet.Length + 32);
        var rest = snippet.AsSpan();
        while (rest.IndexOf('[') is var open and >= 0 && rest[open..].IndexOf(']') is var close and > 0)
        {
            markup.Append(Encode(rest[..open].ToString())).Append("<mark>").Append(Encode(rest.Slice(open + 1, close - 1).ToString())).Append("</mark>");
            rest = rest[(open + close + 1)..];
        }

        return new HtmlMarkup(markup.Append(Encode(rest.ToString())).ToString());
    }
}

/// <summary>Markup built by this code; written as it is.</summary>
internal readonly record struct HtmlMarkup(string Value);

/// <summary>Appends literals as markup and holes encoded (see <see cref="Html"/>).</summary>
[InterpolatedStringHandler]
internal ref struct HtmlInterpolation
{
    private readonly StringBuilder _builder;

    public HtmlInterpolation(int literalLength, int formattedCount, Html html)
    {
        _ = formattedCount;
        _builder = html.Builder;
        _builder.EnsureCapacity(_builder.Length + literalLength);
    }

    public readonly void AppendLiteral(string value) => _builder.Append(value);

    public readonly void AppendFormatted(HtmlMarkup markup) => _builder.Append(markup.Value);

    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public readonly void AppendFormatted<T>(T value, string? format) => _builder.Append(Html.Encode(value switch
    {
        null => "",
        IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    }));
}
