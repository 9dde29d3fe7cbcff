using Archive.Store.Audit;
using Archive.Store.Documents;

namespace Archive.Store.Cases;

/// <summary>The rules of a case's acknowledgement: how it is planned at opening and which moves are allowed afterwards.</summary>
internal static class AcknowledgementRecord
{
    /// <summary>The moves after planning: a pending one is claimed or skipped; a claimed one ends sent, refused or uncertain, or goes back to pending when the server asked to try later.</summary>
    private static readonly (AcknowledgementState From, AcknowledgementState To)[] Moves =
    [
        (AcknowledgementState.Pending, AcknowledgementState.Sending),
        (AcknowledgementState.Pending, AcknowledgementState.Skipped),
        (AcknowledgementState.Sending, AcknowledgementState.Sent),
        (AcknowledgementState.Sending, AcknowledgementState.Failed),
        (AcknowledgementState.Sending, AcknowledgementState.Uncertain),
        (AcknowledgementState.Sending, AcknowledgementState.Pending),
    ];

    /// <summary>The stored copy of the worker's plan for a new case.</summary>
    /// <exception cref="ArgumentException">The plan is neither to send nor skipped.</exception>
    public static CaseAcknowledgement? Planned(CaseAcknowledgement? plan, DateTimeOffset now)
    {
        if (plan is null)
        {
            return null;
        }

        if (plan.State is not (AcknowledgementState.Pending or AcknowledgementState.Skipped))
        {
            throw new ArgumentException($"A new case's acknowledgement is either to send or skipped, not {plan.State}.", nameof(plan));
        }

        return new CaseAcknowledgement { State = plan.State, Recipient = plan.Recipient, Reason = plan.Reason, At = now };
    }

    /// <summary>The history event of an acknowledgement skipped at opening, or null.</summary>
    public static CaseEvent? SkippedEvent(CaseRecord caseRecord, DateTimeOffset now) =>
        caseRecord.Acknowledgement is { State: AcknowledgementState.Skipped } skipped
            ? CaseEvents.ByCapture(caseRecord.Id, now, CaseEventKinds.AcknowledgementSkipped, $"No acknowledgement: {skipped.Reason}")
            : null;

    /// <exception cref="ArgumentException">The move is not one of <see cref="Moves"/>.</exception>
    public static void EnsureAllowed(AcknowledgementState from, AcknowledgementState to)
    {
        if (!Moves.Contains((from, to)))
        {
            throw new ArgumentException($"An acknowledgement does not move from {from} to {to}; allowed: {string.Join(", ", Moves.Select(m => $"{m.From} → {m.To}"))}.", nameof(to));
        }
    }

    /// <summary>Applies a move to <paramref name="acknowledgement"/> and returns the history event it deserves, if any.</summary>
    public static CaseEvent? Apply(CaseRecord caseRecord, CaseAcknowledgement acknowledgement, AcknowledgementState to, string? messageId, string? language, string? reason, DateTimeOffset now)
    {
        acknowledgement.State = to;
        acknowledgement.At = now;
        acknowledgement.Reason = reason;
        if (to == AcknowledgementState.Sending)
        {
            acknowledgement.MessageId = MessageIds.Normalize(messageId);
            acknowledgement.Language = language;
        }
        else if (to == AcknowledgementState.Pending)
        {
            // Never handed over: the next claim writes a new message, and nobody can reply to this one.
            acknowledgement.MessageId = null;
        }

        var id = acknowledgement.MessageId is { } sent ? $"<{sent}>" : "";
        return to switch
        {
            AcknowledgementState.Sent => CaseEvents.ByCapture(caseRecord.Id, now, CaseEventKinds.AcknowledgementSent,
                $"Acknowledgement {id} ({acknowledgement.Language}) sent to {acknowledgement.Recipient}."),
            AcknowledgementState.Skipped => CaseEvents.ByCapture(caseRecord.Id, now, CaseEventKinds.AcknowledgementSkipped, $"No acknowledgement: {reason}"),
            AcknowledgementState.Failed => CaseEvents.ByCapture(caseRecord.Id, now, CaseEventKinds.AcknowledgementFailed,
                $"The mail server refused the acknowledgement {id} to {acknowledgement.Recipient}: {reason}"),
            AcknowledgementState.Uncertain => CaseEvents.ByCapture(caseRecord.Id, now, CaseEventKinds.AcknowledgementUncertain,
                $"Sending the acknowledgement {id} to {acknowledgement.Recipient} was interrupted; it is not sent again. Check the mail server's log for its Message-ID, and tell the customer the registration number if it never left. {reason}".TrimEnd()),
            _ => null,
        };
    }
}
