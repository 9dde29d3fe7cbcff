namespace Archive.Store.Documents;

/// <summary>Whether a document is a letter in its own right or an attachment of one.</summary>
public enum DocumentRole
{
    /// <summary>The letter itself: an e-mail, a scan, a form submission.</summary>
    Original,

    /// <summary>A file attached to an e-mail.</summary>
    Attachment,
}
