using Archive.Store.Cases;
using Archive.Store.Documents;
using Capture.Web.Cases;

namespace Capture.Web.Pages;

/// <summary>
/// The case page's chain of communication: every e-mail and scan of the case in the order it arrived, each with the
/// text extracted from it and a link to its original; a scan or PDF also with its page previews (loaded lazily, as the
/// reader scrolls to them) and its searchable PDF. Each is headed with who wrote it and, for a reply sent from the case,
/// to whom.
/// </summary>
/// <remarks>
/// An e-mail is shown as the text the pipeline extracted (scripts, styles and tags already dropped), HTML-encoded in a
/// <c>&lt;pre&gt;</c>, never as its HTML, not even sanitised: text cannot run script, load a remote image (a tracking
/// pixel tells the sender the mail was read), submit a form or restyle the page, whatever the sender wrote, and it is
/// the same text the archive searched and classified. It also keeps the page within its strict Content-Security-Policy
/// with nothing to allow. Whoever needs the HTML downloads the original, which is always sent as an attachment.
/// </remarks>
internal static class CaseCommunication
{
    /// <summary>Longer texts are cut on the page (the original and the search keep them whole).</summary>
    private const int MaxShownCharacters = 100_000;

    /// <summary>Pages previewed on the page; a longer document says how many more there are (its PDFs have them all).</summary>
    internal const int MaxPreviewedPages = 20;

    public static void Write(Html body, ArchiveStore store, CaseRecord record, WebUserDirectory users)
    {
        body.Append($"<section class=\"communication\"><h2>Communication</h2>");
        foreach (var document in store.GetDocuments(record.Id).OrderBy(d => d.ReceivedAt).ThenBy(d => d.Ordinal))
        {
            var links = DocumentLinks.Of(document);
            body.Append($"""
                <article class="message{(document.FromCompany ? new HtmlMarkup(" sent") : default)}"><header><a href="{links.Original}">{document.OriginalFileName}</a>
                <span class="meta">{document.Role.ToString().ToLowerInvariant()} · {CasePage.Local(document.ReceivedAt, store.DeadlineTimeZone)} · <span class="parties">{Parties(document, users)}</span>{(string.IsNullOrWhiteSpace(document.Subject) ? "" : " · " + document.Subject)}</span></header>
                """);
            WritePages(body, document, links);
            body.Append($"""<pre class="text">{Text(store, document)}</pre></article>""");
        }

        body.Append($"</section>");
    }

    /// <summary>
    /// Who wrote the message and to whom: what the customer sent is from them; a reply sent from the case is from the
    /// person who wrote it (their display name) to the customer it went to. The company's own mail that was captured, and
    /// a reply whose writer is not recorded, are from the company.
    /// </summary>
    internal static string Parties(DocumentRecord document, WebUserDirectory users)
    {
        var customer = Person(document.ContactName, document.ContactEmail);
        if (!document.FromCompany)
        {
            return "from " + (customer ?? "an unknown sender");
        }

        var writer = ReplyWriters.WriterOf(document) is { } login ? users.DisplayNameOf(login) : "the company";
        return $"from {writer} to {customer ?? "the customer"}";
    }

    private static string? Person(string? name, string? email) =>
        (string.IsNullOrWhiteSpace(name), string.IsNullOrWhiteSpace(email)) switch
        {
            (false, false) => $"{name!.Trim()} <{email!.Trim()}>",
            (false, true) => name!.Trim(),
            (true, false) => email!.Trim(),
            _ => null,
        };

    /// <summary>The page previews, each linking to itself at full preview size, and the document's files.</summary>
    private static void WritePages(Html body, DocumentRecord document, DocumentLinks links)
    {
        if (links.PagePreviews.Count == 0)
        {
            return;
        }

        body.Append($"""<p class="files"><a class="original" href="{links.Original}">Download the original</a>""");
        if (links.SearchablePdf is { } searchable)
        {
            body.Append($""" · <a class="searchable" href="{searchable}">Searchable PDF</a> <span class="meta">(the pages with their recognised text, to search and copy)</span>""");
        }

        body.Append($"""</p><ol class="pages">""");
        foreach (var (preview, index) in links.PagePreviews.Take(MaxPreviewedPages).Select((preview, index) => (preview, index)))
        {
            body.Append($"""<li><a href="{preview}"><img src="{preview}" loading="lazy" decoding="async" width="212" height="300" alt="Page {index + 1} of {links.PagePreviews.Count} of {document.OriginalFileName}"></a></li>""");
        }

        body.Append($"</ol>");
        if (links.PagePreviews.Count > MaxPreviewedPages)
        {
            body.Append($"""<p class="meta">{links.PagePreviews.Count - MaxPreviewedPages} more page(s) are in the original and the searchable PDF.</p>""");
        }
    }

    private static string Text(ArchiveStore store, DocumentRecord document)
    {
        string text;
        try
        {
            text = store.ReadText(document);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Said on the page, not hidden: the rest of the case is still worth reading. No path: it is the server's business.
            return "(The text extracted from this document cannot be read.)";
        }

        return text.Length <= MaxShownCharacters ? text : text[..MaxShownCharacters] + "\n… (cut here; download the original for the rest)";
    }
}
