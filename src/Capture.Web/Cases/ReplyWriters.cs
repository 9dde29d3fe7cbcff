using Archive.Store.Documents;

namespace Capture.Web.Cases;

/// <summary>Who wrote a reply sent from a case: recorded on its document, and named in its source for replies filed before that.</summary>
public static class ReplyWriters
{
    /// <summary>The source of a reply's document, followed by its writer's login, as its history and the search show it.</summary>
    public const string SourcePrefix = "web reply by ";

    /// <summary>
    /// The login of the person who wrote <paramref name="document"/> in Capture: its <see cref="DocumentRecord.WrittenBy"/>,
    /// or for a reply filed before that was recorded, the login its source names; null for what was captured.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public static string? WriterOf(DocumentRecord document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.WrittenBy is { } writer)
        {
            return writer;
        }

        return document.FromCompany && document.Source.StartsWith(SourcePrefix, StringComparison.Ordinal) && document.Source.Length > SourcePrefix.Length
            ? document.Source[SourcePrefix.Length..].Trim()
            : null;
    }
}
