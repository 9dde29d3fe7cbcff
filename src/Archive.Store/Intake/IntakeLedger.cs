using Archive.Store.Storage;

namespace Archive.Store.Intake;

/// <summary>The "claim before work" ledger. Callers hold the store's lock (and, for completions, its transaction).</summary>
internal sealed class IntakeLedger
{
    private readonly ArchiveDatabase _database;

    public IntakeLedger(ArchiveDatabase database)
    {
        _database = database;
    }

    public IntakeClaim? Find(string sourceKey) => _database.Claims.FindById(sourceKey);

    /// <summary>Returns the existing claim (counting another attempt while it is unfinished) or inserts a new one.</summary>
    public IntakeClaim Claim(string sourceKey, string sourceName, string? sha256, DateTimeOffset now)
    {
        var existing = Find(sourceKey);
        if (existing is null)
        {
            var claim = new IntakeClaim
            {
                SourceKey = sourceKey,
                SourceName = sourceName,
                Sha256 = sha256,
                State = IntakeState.Claimed,
                ClaimedAt = now,
                Attempts = 1,
            };
            _database.Claims.Insert(claim);
            return claim;
        }

        if (existing.State == IntakeState.Claimed)
        {
            existing.Attempts++;
            existing.Sha256 ??= sha256;
            _database.Claims.Update(existing);
        }

        return existing;
    }

    /// <summary>
    /// Records that an attempt on an unfinished item failed: why, and when it may be tried again. An item never
    /// claimed (its attempt failed before the claim) is claimed now, so the failure counts.
    /// </summary>
    public IntakeClaim RecordFailure(string sourceKey, string sourceName, string failure, DateTimeOffset notBefore, DateTimeOffset now)
    {
        var claim = Find(sourceKey) ?? Claim(sourceKey, sourceName, null, now);
        if (claim.State != IntakeState.Claimed)
        {
            return claim;
        }

        claim.Failures++;
        claim.LastFailure = failure;
        claim.NotBefore = notBefore;
        _database.Claims.Update(claim);
        return claim;
    }

    /// <summary>Refuses to archive an item the ledger already shows as archived or duplicate.</summary>
    /// <exception cref="CaptureAlreadyCompletedException">It is.</exception>
    public void EnsureNotCompleted(string? sourceKey)
    {
        if (sourceKey is null || Find(sourceKey) is not { } claim)
        {
            return;
        }

        if (claim.State is IntakeState.Committed or IntakeState.Duplicate)
        {
            throw new CaptureAlreadyCompletedException(
                $"The item '{sourceKey}' is already {claim.State.ToString().ToUpperInvariant()} (case {claim.RegistrationNumber}); archiving it again would duplicate it.")
            {
                Claim = claim,
            };
        }
    }

    /// <summary>Records the outcome of an item, creating its entry if the worker never claimed it.</summary>
    public IntakeClaim Complete(string sourceKey, string sourceName, IntakeState state, string? registrationNumber, DateTimeOffset now)
    {
        var claim = Find(sourceKey) ?? new IntakeClaim
        {
            SourceKey = sourceKey,
            SourceName = sourceName,
            ClaimedAt = now,
            Attempts = 1,
        };
        claim.State = state;
        claim.CompletedAt = now;
        claim.RegistrationNumber = registrationNumber ?? claim.RegistrationNumber;
        _database.Claims.Upsert(claim);
        return claim;
    }
}
