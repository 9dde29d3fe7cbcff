using Archive.Store.Documents;
using Archive.Store.Replies;
using LiteDB;

namespace Archive.Store;

/// <summary>
/// The reply outbox (<see cref="OutboxReply"/>): a reply is recorded before it is sent and moves on by compare-and-set,
/// so that each move is granted once, across restarts too.
/// </summary>
public sealed partial class ArchiveStore
{
    /// <summary>Records a reply as <see cref="OutboxReplyState.Pending"/>, to be sent now or by the next outbox round.</summary>
    /// <param name="reply">The reply; its <see cref="OutboxReply.Id"/>, state, attempts and times are set here.</param>
    /// <returns>The recorded reply.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reply"/> is null.</exception>
    /// <exception cref="ArgumentException">The reply has no case, Message-ID, writer or message.</exception>
    /// <exception cref="LiteException">The database rejected the write (a reply with that Message-ID is there already).</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public OutboxReply QueueReply(OutboxReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentException.ThrowIfNullOrWhiteSpace(reply.CaseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reply.By);
        reply.MessageId = MessageIds.Normalize(reply.MessageId) ?? throw new ArgumentException("The reply has no Message-ID.", nameof(reply));
        if (reply.Message.Length == 0)
        {
            throw new ArgumentException("The reply has no message.", nameof(reply));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetUtcNow();
            reply.Id = ObjectId.NewObjectId().ToString();
            reply.State = OutboxReplyState.Pending;
            reply.FailedAttempts = 0;
            reply.CreatedAt = reply.UpdatedAt = reply.NextAttemptAt = now;
            InTransaction(() => _database.Replies.Insert(reply));
            return reply;
        }
    }

    /// <summary>
    /// Moves a reply from <paramref name="from"/> to <paramref name="to"/> when it is still in <paramref name="from"/>:
    /// the claim before sending, and each outcome after. Back to <see cref="OutboxReplyState.Pending"/> counts a failed
    /// attempt and waits until <paramref name="nextAttemptAt"/>.
    /// </summary>
    /// <param name="id">The reply's identifier.</param>
    /// <param name="from">The state the caller saw.</param>
    /// <param name="to">The new state.</param>
    /// <param name="problem">Why (the server's answer, the filing error); kept with the reply, cleared by a later success.</param>
    /// <param name="nextAttemptAt">For a return to pending: when to try again.</param>
    /// <returns>The reply as moved, or null when it was no longer in <paramref name="from"/> (someone else moved it).</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    /// <exception cref="LiteException">The database rejected the write.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public OutboxReply? MoveReply(string id, OutboxReplyState from, OutboxReplyState to, string? problem = null, DateTimeOffset? nextAttemptAt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var reply = _database.Replies.FindById(id);
            if (reply is null || reply.State != from)
            {
                return null;
            }

            var now = _time.GetUtcNow();
            reply.State = to;
            reply.UpdatedAt = now;
            reply.Problem = string.IsNullOrWhiteSpace(problem) ? null : problem.Trim();
            if (to == OutboxReplyState.Pending && from == OutboxReplyState.Sending)
            {
                reply.FailedAttempts++;
                reply.NextAttemptAt = nextAttemptAt ?? now;
            }

            reply.SentAt = to == OutboxReplyState.Sent ? now : reply.SentAt;
            reply.FiledAt = to == OutboxReplyState.Filed ? now : reply.FiledAt;
            InTransaction(() => _database.Replies.Update(reply));
            return reply;
        }
    }

    /// <summary>The replies in <paramref name="state"/>, oldest first.</summary>
    /// <param name="state">The state looked for.</param>
    /// <returns>The replies.</returns>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<OutboxReply> ListReplies(OutboxReplyState state) => Read(() => _database.Replies
        .Find(r => r.State == state)
        .OrderBy(r => r.CreatedAt)
        .ThenBy(r => r.Id, StringComparer.Ordinal)
        .ToList());

    /// <summary>The reply with this Message-ID (angle brackets optional), or null.</summary>
    /// <param name="messageId">The Message-ID.</param>
    /// <returns>The reply, or null.</returns>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public OutboxReply? FindReply(string messageId) =>
        MessageIds.Normalize(messageId) is { } key ? Read(() => _database.Replies.FindOne(r => r.MessageId == key)) : null;
}
