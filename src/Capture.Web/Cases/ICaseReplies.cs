using Archive.Store.Cases;

namespace Capture.Web.Cases;

/// <summary>
/// Replies to the customer written from a case, implemented by the host (Capture.Worker): it fills in the reply
/// templates, sends the reply through its mail server, archives the sent message in the case's chain and moves the
/// case on as a reply from the company does.
/// </summary>
public interface ICaseReplies
{
    /// <summary>The reply templates there are, by name (<c>complaint.pl</c>), ordered by category and language.</summary>
    IReadOnlyList<ReplyTemplateInfo> Templates { get; }

    /// <summary>The template a reply on <paramref name="caseRecord"/> starts from by default: its category in its language; null when there is none.</summary>
    string? DefaultTemplateFor(CaseRecord caseRecord);

    /// <summary>A reply on the case written from the template <paramref name="templateName"/>, signed by <paramref name="author"/>.</summary>
    /// <exception cref="CaseNotFoundException">No case has that registration number.</exception>
    /// <exception cref="ArgumentException">There is no template of that name; the message names the ones there are.</exception>
    ReplyDraft Draft(string registrationNumber, string templateName, string author);

    /// <summary>
    /// Sends <paramref name="reply"/> to the case's customer and, once the mail server has accepted it, files the sent
    /// message in the case (the company's reply: pending on customer where the lifecycle allows it), recorded as sent by
    /// <paramref name="by"/>. When it cannot be sent, nothing is recorded.
    /// </summary>
    /// <returns>The case after the reply.</returns>
    /// <exception cref="CaseNotFoundException">No case has that registration number.</exception>
    /// <exception cref="ReplyNotSentException">The reply was not sent (no mail server, no address, the server refused or cannot be reached); the case is unchanged.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before the server accepted the reply.</exception>
    Task<CaseRecord> SendAsync(string registrationNumber, ReplyDraft reply, string by, CancellationToken cancellationToken);
}

/// <summary>A reply template: its name (<c>complaint.pl</c>), the case category it is for, and its language.</summary>
public sealed record ReplyTemplateInfo(string Name, string Category, string Language);

/// <summary>A reply: its subject (the registration number is put in front when it is missing) and plain-text body.</summary>
public sealed record ReplyDraft(string Subject, string Body);

/// <summary>A reply that was not sent, with why, for the person who wrote it; nothing about it was recorded.</summary>
public sealed class ReplyNotSentException : Exception
{
    public ReplyNotSentException()
    {
    }

    public ReplyNotSentException(string message)
        : base(message)
    {
    }

    public ReplyNotSentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Why it was not sent.</summary>
    public ReplyFailure Failure { get; init; } = ReplyFailure.MailServer;
}

/// <summary>Why a reply was not sent.</summary>
public enum ReplyFailure
{
    /// <summary>The mail server cannot be reached, or refused the reply.</summary>
    MailServer,

    /// <summary>No mail server is configured.</summary>
    NoMailServer,

    /// <summary>The case has no usable e-mail address of the customer.</summary>
    NoAddress,
}
