using System.Security.Claims;
using Archive.Store.Cases;

namespace Capture.Web.Cases;

/// <summary>
/// A person's reply to a case's customer from the reply page or the API: checks that they may change the case, takes
/// the text they wrote (or a template as it is), sends it through <see cref="ICaseReplies"/> as their login, and says
/// how it went in HTTP terms.
/// </summary>
internal sealed class CaseReplyRequests(CaseChanges changes, ICaseReplies replies)
{
    /// <summary>Longer replies are refused: a reply is a letter, not an attachment.</summary>
    public const int MaxBodyLength = 50_000;

    public async Task<CaseChangeOutcome> SendAsync(ClaimsPrincipal user, string registrationNumber, ReplyRequest request, CancellationToken cancellationToken)
    {
        var (record, refusal) = await changes.FindChangeableAsync(user, registrationNumber).ConfigureAwait(false);
        if (record is null)
        {
            return refusal!;
        }

        ReplyDraft reply;
        if (!string.IsNullOrWhiteSpace(request.Body))
        {
            reply = new ReplyDraft(string.IsNullOrWhiteSpace(request.Subject) ? DefaultSubject(record) : request.Subject, request.Body);
        }
        else if (!string.IsNullOrWhiteSpace(request.Template))
        {
            try
            {
                reply = replies.Draft(record.RegistrationNumber, request.Template.Trim(), AuthorName(user));
            }
            catch (ArgumentException ex)
            {
                return CaseChangeOutcome.Fail(StatusCodes.Status400BadRequest, ex.Message);
            }

            reply = string.IsNullOrWhiteSpace(request.Subject) ? reply : reply with { Subject = request.Subject };
        }
        else
        {
            return CaseChangeOutcome.Fail(StatusCodes.Status400BadRequest, "The reply is empty: write its text, or name a template to send as it is.");
        }

        if (reply.Body.Length > MaxBodyLength)
        {
            return CaseChangeOutcome.Fail(StatusCodes.Status400BadRequest, $"The reply is longer than {MaxBodyLength} characters; shorten it.");
        }

        try
        {
            var updated = await replies.SendAsync(record.RegistrationNumber, reply, user.FindFirstValue(ClaimTypes.Name)!, cancellationToken).ConfigureAwait(false);
            return new CaseChangeOutcome(StatusCodes.Status200OK, null, updated, []);
        }
        catch (CaseNotFoundException)
        {
            return CaseChangeOutcome.Fail(StatusCodes.Status404NotFound, $"There is no case {registrationNumber}.");
        }
        catch (ReplyNotSentException ex)
        {
            return CaseChangeOutcome.Fail(ex.Failure switch
            {
                ReplyFailure.NoAddress => StatusCodes.Status409Conflict,
                ReplyFailure.NoMailServer => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status502BadGateway,
            }, ex.Message);
        }
    }

    /// <summary>A reply's subject when the person gave none: an answer to the customer's own.</summary>
    public static string DefaultSubject(CaseRecord record) => string.IsNullOrWhiteSpace(record.Subject) ? "" : "Re: " + record.Subject.Trim();

    /// <summary>The name a template signs with: the person's display name.</summary>
    public static string AuthorName(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.GivenName) ?? user.FindFirstValue(ClaimTypes.Name) ?? "";
}

/// <summary>
/// The body of <c>POST /api/cases/{reg}/replies</c> (and the reply form): the subject and text written, or a template
/// (<c>complaint.pl</c>) to send as it is when there is no text. The registration number is put in front of the
/// subject when it is missing.
/// </summary>
internal sealed record ReplyRequest(string? Subject, string? Body, string? Template);
