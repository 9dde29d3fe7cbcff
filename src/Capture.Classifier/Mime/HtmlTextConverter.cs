using System.Text;
using HtmlAgilityPack;

namespace Capture.Classifier.Mime;

/// <summary>Turns an HTML mail body or file into readable text: no tags, scripts or styles, one line per block.</summary>
internal static class HtmlTextConverter
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "head", "noscript", "template", "title", "meta", "link", "object", "svg",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
        "hr", "section", "article", "header", "footer", "address", "dd", "dt", "dl", "form", "fieldset", "body",
        "center", "caption", "figure", "figcaption", "main", "nav", "aside",
    };

    public static string Convert(string html)
    {
        var document = new HtmlDocument { OptionFixNestedTags = true };
        document.LoadHtml(html);
        var builder = new StringBuilder(html.Length / 2);
        Append(document.DocumentNode, builder);
        return ReadableText.Normalize(builder.ToString());
    }

    private static void Append(HtmlNode node, StringBuilder builder)
    {
        switch (node.NodeType)
        {
            case HtmlNodeType.Comment:
                return;
            case HtmlNodeType.Text:
                builder.Append(HtmlEntity.DeEntitize(((HtmlTextNode)node).Text));
                return;
        }

        if (Dropped.Contains(node.Name))
        {
            return;
        }

        if (node.Name.Equals("br", StringComparison.OrdinalIgnoreCase))
        {
            builder.Append('\n');
            return;
        }

        var isBlock = Blocks.Contains(node.Name);
        if (isBlock)
        {
            builder.Append('\n');
        }

        foreach (var child in node.ChildNodes)
        {
            Append(child, builder);
        }

        if (node.Name is "td" or "th")
        {
            builder.Append(' ');
        }
        else if (isBlock)
        {
            builder.Append('\n');
        }
    }
}
