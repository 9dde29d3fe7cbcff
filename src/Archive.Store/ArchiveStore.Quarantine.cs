using Archive.Store.Intake;
using Archive.Store.Quarantine;
using LiteDB;

namespace Archive.Store;

/// <summary>Poison items and the quarantine: failed attempts, records set aside with a reason, and their resolution.</summary>
public sealed partial class ArchiveStore
{
    /// <summary>
    /// Records that an attempt to capture an unfinished item failed: why, and the earliest time it may be tried again.
    /// Both are kept in the intake ledger, so a restarted service honours the wait and counts the attempts made before.
    /// An item never claimed (its attempt failed before the claim) is claimed now, so the failure counts; a finished
    /// item is left as it is.
    /// </summary>
    /// <param name="sourceKey">The key the item was (or is now) claimed under.</param>
    /// <param name="sourceName">The source name.</param>
    /// <param name="failure">Why the attempt failed.</param>
    /// <param name="notBefore">When it may be tried again.</param>
    /// <returns>The ledger entry as it now stands.</returns>
    /// <exception cref="ArgumentException">An argument is null or blank.</exception>
    /// <exception cref="LiteException">The database rejected the write.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IntakeClaim RecordFailedAttempt(string sourceKey, string sourceName, string failure, DateTimeOffset notBefore)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        ArgumentException.ThrowIfNullOrWhiteSpace(failure);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _ledger.RecordFailure(sourceKey, sourceName, failure, notBefore, _time.GetUtcNow());
        }
    }

    /// <summary>
    /// Records an item set aside with a reason, and marks its claim <see cref="IntakeState.Quarantined"/> when
    /// <see cref="NewQuarantine.SourceKey"/> is given (a claim already committed or duplicate keeps its state). When
    /// <see cref="NewQuarantine.RetryOf"/> names a record, that record takes the new reason and counts the retry
    /// instead of a second record being added.
    /// </summary>
    /// <param name="item">The item and the reason.</param>
    /// <returns>The stored record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="NewQuarantine.Reason"/> is blank.</exception>
    /// <exception cref="KeyNotFoundException"><see cref="NewQuarantine.RetryOf"/> names no record.</exception>
    /// <exception cref="LiteException">The database rejected the write.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public QuarantineRecord Quarantine(NewQuarantine item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrWhiteSpace(item.Reason, nameof(item));
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetUtcNow();
            var record = item.RetryOf is { } retried
                ? RetriedRecord(retried, item, now)
                : new QuarantineRecord
                {
                    Id = ObjectId.NewObjectId().ToString(),
                    SourceName = item.SourceName ?? "",
                    SourceKey = item.SourceKey,
                    OriginalFileName = item.OriginalFileName ?? "",
                    Reason = item.Reason,
                    Sha256 = NormalizeSha256(item.Sha256),
                    QuarantinedPath = item.QuarantinedPath,
                    At = now,
                    Attempts = item.Attempts,
                };
            InTransaction(() =>
            {
                _database.Quarantine.Upsert(record);
                if (item.SourceKey is not null && _ledger.Find(item.SourceKey)?.State is null or IntakeState.Claimed or IntakeState.Quarantined)
                {
                    _ledger.Complete(item.SourceKey, record.SourceName, IntakeState.Quarantined, null, now);
                }
            });
            ArchiveStoreLog.Quarantined(_logger, record.OriginalFileName, record.SourceName, record.Reason);
            return record;
        }
    }

    /// <summary>
    /// Marks a quarantine record resolved: a person's retry captured its item into <paramref name="registrationNumber"/>
    /// (a new case, a case it joined, or the case that already held its content). The record is kept.
    /// </summary>
    /// <param name="id">The record's identifier.</param>
    /// <param name="registrationNumber">The case the item is now in.</param>
    /// <returns>The updated record.</returns>
    /// <exception cref="ArgumentException">An argument is null or blank.</exception>
    /// <exception cref="KeyNotFoundException">No record has that identifier.</exception>
    /// <exception cref="LiteException">The database rejected the write.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public QuarantineRecord ResolveQuarantine(string id, string registrationNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(registrationNumber);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var record = FindQuarantineLocked(id);
            var now = _time.GetUtcNow();
            record.Retries++;
            record.RetriedAt = now;
            record.ResolvedAt = now;
            record.ResolvedAs = registrationNumber.Trim();
            _database.Quarantine.Update(record);
            ArchiveStoreLog.QuarantineResolved(_logger, record.Id, record.OriginalFileName, record.ResolvedAs);
            return record;
        }
    }

    /// <summary>Finds a quarantine record by its identifier.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>The record, or null.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public QuarantineRecord? FindQuarantine(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Read(() => _database.Quarantine.FindById(id));
    }

    /// <summary>The latest quarantine record of an item, by the intake-ledger key it was claimed under.</summary>
    /// <param name="sourceKey">The key.</param>
    /// <returns>The record, or null when the item was never quarantined.</returns>
    /// <exception cref="ArgumentException"><paramref name="sourceKey"/> is null or blank.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public QuarantineRecord? FindQuarantineOf(string sourceKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceKey);
        return Read(() => _database.Quarantine.Find(q => q.SourceKey == sourceKey)
            .OrderBy(q => q.At)
            .ThenBy(q => q.Id, StringComparer.Ordinal)
            .LastOrDefault());
    }

    /// <summary>Lists the quarantine, oldest first, resolved records included.</summary>
    /// <returns>The quarantine records.</returns>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<QuarantineRecord> ListQuarantine() => Read(() => _database.Quarantine.FindAll()
        .OrderBy(q => q.At)
        .ThenBy(q => q.Id, StringComparer.Ordinal)
        .ToList());

    private QuarantineRecord RetriedRecord(string id, NewQuarantine item, DateTimeOffset now)
    {
        var record = FindQuarantineLocked(id);
        record.Reason = item.Reason;
        record.QuarantinedPath = item.QuarantinedPath ?? record.QuarantinedPath;
        record.Sha256 ??= NormalizeSha256(item.Sha256);
        record.Retries++;
        record.RetriedAt = now;
        return record;
    }

    private QuarantineRecord FindQuarantineLocked(string id) =>
        _database.Quarantine.FindById(id) ?? throw new KeyNotFoundException($"No quarantine record has the id '{id}'.");
}
