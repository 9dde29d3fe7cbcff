using Archive.Store.Cases;
using Archive.Store.Documents;
using LiteDB;

namespace Archive.Store;

/// <summary>
/// The acknowledgements to customers kept on their cases (<see cref="CaseRecord.Acknowledgement"/>). The sender claims
/// one before handing it to the mail server and records the outcome after; every move is a compare-and-set on the
/// state, so a claim is granted once and a case is never acknowledged twice, across restarts too.
/// </summary>
public sealed partial class ArchiveStore
{
    /// <summary>The cases whose acknowledgement is in <paramref name="state"/>, oldest opened first.</summary>
    /// <param name="state">The state looked for.</param>
    /// <returns>The cases.</returns>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<CaseRecord> ListAcknowledgements(AcknowledgementState state) => Read(() => _database
        .FindCasesByAcknowledgementState(state)
        .OrderBy(c => c.OpenedAt)
        .ThenBy(c => c.RegistrationNumber, StringComparer.Ordinal)
        .ToList());

    /// <summary>
    /// Claims a pending acknowledgement for sending: it becomes <see cref="AcknowledgementState.Sending"/> with its
    /// Message-ID before the message leaves, so that after a crash it is known to have perhaps left, and is not sent again.
    /// </summary>
    /// <param name="caseId">The case's identifier.</param>
    /// <param name="messageId">The Message-ID of the message about to be sent (angle brackets optional).</param>
    /// <param name="language">The language of the template it is written from.</param>
    /// <returns>The claimed case, or null when its acknowledgement is not pending (already claimed, finished or absent).</returns>
    /// <exception cref="ArgumentException">An argument is blank.</exception>
    /// <exception cref="CaseNotFoundException">No case has that identifier.</exception>
    /// <exception cref="LiteException">The database rejected the write.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public CaseRecord? ClaimAcknowledgement(string caseId, string messageId, string language)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        if (MessageIds.Normalize(messageId) is null)
        {
            throw new ArgumentException("The Message-ID is empty.", nameof(messageId));
        }

        return MoveAcknowledgement(caseId, AcknowledgementState.Pending, AcknowledgementState.Sending, messageId, language, reason: null);
    }

    /// <summary>
    /// Records what became of an acknowledgement: a claimed one was <see cref="AcknowledgementState.Sent"/>,
    /// <see cref="AcknowledgementState.Failed"/> (refused), <see cref="AcknowledgementState.Uncertain"/> (interrupted)
    /// or goes back to <see cref="AcknowledgementState.Pending"/> (the server asked to try later); a pending one is
    /// <see cref="AcknowledgementState.Skipped"/>. Every outcome but the return to pending goes into the case history.
    /// </summary>
    /// <param name="caseId">The case's identifier.</param>
    /// <param name="from">The state the caller saw; nothing changes if the acknowledgement is no longer in it.</param>
    /// <param name="to">The new state.</param>
    /// <param name="reason">Why (the server's answer, the reason for skipping); required for every outcome but sent.</param>
    /// <returns>The updated case, or null when the acknowledgement was not in <paramref name="from"/>.</returns>
    /// <exception cref="ArgumentException">The move is not allowed, or <paramref name="reason"/> is missing.</exception>
    /// <exception cref="CaseNotFoundException">No case has that identifier.</exception>
    /// <exception cref="LiteException">The database rejected the write.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public CaseRecord? RecordAcknowledgement(string caseId, AcknowledgementState from, AcknowledgementState to, string? reason = null)
    {
        if (to is not (AcknowledgementState.Sent or AcknowledgementState.Sending) && string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException($"Say why the acknowledgement is {to}.", nameof(reason));
        }

        return MoveAcknowledgement(caseId, from, to, messageId: null, language: null, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
    }

    private CaseRecord? MoveAcknowledgement(string caseId, AcknowledgementState from, AcknowledgementState to, string? messageId, string? language, string? reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        AcknowledgementRecord.EnsureAllowed(from, to);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var caseRecord = _database.Cases.FindById(caseId) ?? throw new CaseNotFoundException($"No case has the identifier '{caseId}'.");
            if (caseRecord.Acknowledgement is not { } acknowledgement || acknowledgement.State != from)
            {
                return null;
            }

            var now = _time.GetUtcNow();
            InTransaction(() =>
            {
                var historyEvent = AcknowledgementRecord.Apply(caseRecord, acknowledgement, to, messageId, language, reason, now);
                _database.Cases.Update(caseRecord);
                if (historyEvent is not null)
                {
                    _database.Events.Insert(historyEvent);
                }
            });
            return caseRecord;
        }
    }
}
