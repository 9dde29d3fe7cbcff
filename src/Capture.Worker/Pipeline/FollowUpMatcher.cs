using Archive.Store;
using Archive.Store.Cases;
using Capture.Classifier.Extraction;

namespace Capture.Worker.Pipeline;

/// <summary>
/// Finds the case an item follows up: a reply to a message of the case (In-Reply-To, References), or an item that
/// quotes the case's registration number in its subject or, for letters, in its text.
/// </summary>
public sealed class FollowUpMatcher
{
    private readonly ArchiveStore _store;

    public FollowUpMatcher(ArchiveStore store) => _store = store;

    /// <summary>The case <paramref name="document"/> belongs to, or null when it is a new matter.</summary>
    public CaseRecord? FindCase(ExtractedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Mail is { } mail)
        {
            var replyTo = new[] { mail.InReplyTo }.Concat(mail.References.Reverse());
            foreach (var messageId in replyTo)
            {
                if (!string.IsNullOrWhiteSpace(messageId) && _store.FindCaseByMessageId(messageId) is { } replied)
                {
                    return replied;
                }
            }

            if (mail.Subject is { } subject && FirstKnownCase(subject) is { } bySubject)
            {
                return bySubject;
            }

            return null;
        }

        return FirstKnownCase(document.Text);
    }

    private CaseRecord? FirstKnownCase(string text)
    {
        foreach (var registrationNumber in _store.RegistrationNumbers.FindIn(text))
        {
            if (_store.FindCase(registrationNumber) is { } known)
            {
                return known;
            }
        }

        return null;
    }
}
