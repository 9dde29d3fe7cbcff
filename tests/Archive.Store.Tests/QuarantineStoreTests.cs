using Archive.Store.Intake;
using Archive.Store.Quarantine;
using LiteDB;

namespace Archive.Store.Tests;

/// <summary>Failed attempts in the intake ledger, and quarantine records that are retried and resolved but never deleted.</summary>
public sealed class QuarantineStoreTests
{
    private const string Key = "drop:scanner-1:letter.pdf:2048:638000000000000000";

    [Fact]
    public void RecordFailedAttempt_KeepsTheReasonAndTheWaitAcrossAReopen()
    {
        using var archive = new ArchiveFixture();
        archive.Store.Claim(Key, "drop:scanner-1", null);
        var notBefore = ArchiveFixture.Start.AddSeconds(20);

        archive.Store.RecordFailedAttempt(Key, "drop:scanner-1", "IOException: disk full", notBefore);

        var claim = archive.Reopen().FindClaim(Key)!;
        Assert.Equal((IntakeState.Claimed, 1, 1, "IOException: disk full", notBefore), (claim.State, claim.Attempts, claim.Failures, claim.LastFailure, claim.NotBefore));
        Assert.Equal(2, archive.Store.Claim(Key, "drop:scanner-1", null).Attempts);
    }

    [Fact]
    public void RecordFailedAttempt_BeforeTheItemWasClaimed_ClaimsItSoTheFailureCounts()
    {
        using var archive = new ArchiveFixture();

        var claim = archive.Store.RecordFailedAttempt(Key, "drop:scanner-1", "LiteException: locked", ArchiveFixture.Start.AddSeconds(10));

        Assert.Equal((IntakeState.Claimed, 1, 1), (claim.State, claim.Attempts, claim.Failures));
    }

    [Fact]
    public void RecordFailedAttempt_OfAFinishedItem_LeavesItAsItIs()
    {
        using var archive = new ArchiveFixture();
        archive.Store.Claim(Key, "drop:scanner-1", null);
        archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], Key);

        var claim = archive.Store.RecordFailedAttempt(Key, "drop:scanner-1", "IOException: late", ArchiveFixture.Start.AddSeconds(10));

        Assert.Equal((IntakeState.Committed, null, null), (claim.State, claim.LastFailure, claim.NotBefore));
    }

    [Fact]
    public void Quarantine_RetryOfARecord_UpdatesItsReasonInsteadOfAddingAnother()
    {
        using var archive = new ArchiveFixture();
        archive.Store.Claim(Key, "drop:scanner-1", null);
        var first = archive.Store.Quarantine(new NewQuarantine("drop:scanner-1", Key, "letter.pdf", "Failed 5 times", null, "/q/letter.pdf") { Attempts = 5 });
        archive.Time.Advance(TimeSpan.FromDays(2));

        archive.Store.Quarantine(new NewQuarantine("drop:scanner-1", Key, "letter.pdf", "The PDF is encrypted", "ABC", "/q/letter.pdf") { RetryOf = first.Id });

        var record = Assert.Single(archive.Reopen().ListQuarantine());
        Assert.Equal(
            (first.Id, "The PDF is encrypted", 5, 1, ArchiveFixture.Start.AddDays(2), ArchiveFixture.Start, "abc"),
            (record.Id, record.Reason, record.Attempts, record.Retries, record.RetriedAt, record.At, record.Sha256));
        Assert.False(record.IsResolved);
        Assert.Equal(IntakeState.Quarantined, archive.Store.FindClaim(Key)!.State);
        Assert.Equal(record.Id, archive.Store.FindQuarantineOf(Key)!.Id);
    }

    [Fact]
    public void ResolveQuarantine_AfterTheItemWasCapturedOnRetry_KeepsTheRecordAndNamesItsCase()
    {
        using var archive = new ArchiveFixture();
        archive.Store.Claim(Key, "drop:scanner-1", null);
        var record = archive.Store.Quarantine(new NewQuarantine("drop:scanner-1", Key, "letter.pdf", "Failed 5 times", null, "/q/letter.pdf"));
        archive.Time.Advance(TimeSpan.FromHours(3));

        // The retry goes through the same ledger key: a quarantined claim may still be archived, once.
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], Key).Case;
        archive.Store.ResolveQuarantine(record.Id, opened.RegistrationNumber);

        var resolved = Assert.Single(archive.Reopen().ListQuarantine());
        Assert.Equal((record.Id, opened.RegistrationNumber, ArchiveFixture.Start.AddHours(3), 1, "Failed 5 times"), (resolved.Id, resolved.ResolvedAs, resolved.ResolvedAt, resolved.Retries, resolved.Reason));
        Assert.True(resolved.IsResolved);
        Assert.Equal((IntakeState.Committed, opened.RegistrationNumber), (archive.Store.FindClaim(Key)!.State, archive.Store.FindClaim(Key)!.RegistrationNumber));
        Assert.Throws<CaptureAlreadyCompletedException>(() => archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], Key));
    }

    [Fact]
    public void ResolveQuarantine_OfAnUnknownId_Throws()
    {
        using var archive = new ArchiveFixture();

        Assert.Throws<KeyNotFoundException>(() => archive.Store.ResolveQuarantine("000000000000000000000000", "C-2026-000001"));
    }

    [Fact]
    public void OlderArchive_WithoutTheNewFields_ReadsThemAsDefaults()
    {
        using var archive = new ArchiveFixture();
        archive.Store.Dispose();
        using (var database = new LiteDatabase(new ConnectionString { Filename = Path.Combine(archive.Root, "capture.db"), Connection = ConnectionType.Direct }))
        {
            // The documents as a version before attempts, waits and resolutions were kept wrote them.
            database.GetCollection("quarantine").Insert(new BsonDocument
            {
                ["_id"] = "65f2c0ffee0000000000abcd",
                ["SourceName"] = "drop:scanner-1",
                ["SourceKey"] = Key,
                ["OriginalFileName"] = "letter.pdf",
                ["Reason"] = "Capture failed 5 times on this file (IOException: disk full).",
                ["Sha256"] = BsonValue.Null,
                ["QuarantinedPath"] = "/q/letter.pdf",
                ["At"] = "2026-03-14T09:30:00.0000000+00:00",
            });
            database.GetCollection("intake").Insert(new BsonDocument
            {
                ["_id"] = "mail:old:1",
                ["SourceName"] = "mail:old",
                ["State"] = "Claimed",
                ["ClaimedAt"] = "2026-03-14T09:30:00.0000000+00:00",
                ["Attempts"] = 2,
            });
        }

        var store = archive.Reopen();

        var record = Assert.Single(store.ListQuarantine());
        Assert.Equal(("65f2c0ffee0000000000abcd", 0, 0, null, null, false), (record.Id, record.Attempts, record.Retries, record.ResolvedAs, record.ResolvedAt, record.IsResolved));
        var claim = store.FindClaim("mail:old:1")!;
        Assert.Equal((2, 0, null, null), (claim.Attempts, claim.Failures, claim.NotBefore, claim.LastFailure));
        Assert.Equal("C-2026-000001", store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], Key).Case.RegistrationNumber);
        Assert.Equal("C-2026-000001", store.ResolveQuarantine(record.Id, "C-2026-000001").ResolvedAs);
    }
}
