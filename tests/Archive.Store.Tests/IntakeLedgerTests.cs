using Archive.Store.Audit;
using Archive.Store.Intake;
using Archive.Store.Quarantine;

namespace Archive.Store.Tests;

public sealed class IntakeLedgerTests
{
    private const string Key = "imap:complaints@example.com:INBOX:1700000000:42";

    [Fact]
    public void Claim_OfANewKey_InsertsAClaimedEntry()
    {
        using var archive = new ArchiveFixture();

        var claim = archive.Store.Claim(Key, "imap:complaints", "ABCDEF");

        Assert.Equal(IntakeState.Claimed, claim.State);
        Assert.Equal(1, claim.Attempts);
        Assert.Equal(ArchiveFixture.Start, claim.ClaimedAt);
        Assert.Null(claim.CompletedAt);
        Assert.Equal("abcdef", claim.Sha256);
    }

    [Fact]
    public void Claim_OfAnUnfinishedKey_ReturnsTheSameEntryAndCountsTheAttempt()
    {
        using var archive = new ArchiveFixture();
        archive.Store.Claim(Key, "imap:complaints", null);
        archive.Time.Advance(TimeSpan.FromMinutes(5));

        var again = archive.Reopen().Claim(Key, "imap:complaints", null);

        Assert.Equal(IntakeState.Claimed, again.State);
        Assert.Equal(2, again.Attempts);
        Assert.Equal(ArchiveFixture.Start, again.ClaimedAt);
    }

    [Fact]
    public void Claim_AfterCommit_ReportsCommittedWithTheRegistrationNumber()
    {
        using var archive = new ArchiveFixture();
        archive.Store.Claim(Key, "imap:complaints", null);
        archive.Time.Advance(TimeSpan.FromSeconds(3));
        archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], Key);

        var claim = archive.Store.Claim(Key, "imap:complaints", null);

        Assert.Equal(IntakeState.Committed, claim.State);
        Assert.Equal("C-2026-000001", claim.RegistrationNumber);
        Assert.Equal(ArchiveFixture.Start.AddSeconds(3), claim.CompletedAt);
        Assert.Equal(1, claim.Attempts);
    }

    [Fact]
    public void Claim_KeysDifferingOnlyInCase_AreDifferentItems()
    {
        using var archive = new ArchiveFixture();
        archive.Store.Claim("/drop/Scan.pdf", "drop", null);
        archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], "/drop/Scan.pdf");

        var other = archive.Store.Claim("/drop/scan.pdf", "drop", null);

        Assert.Equal(IntakeState.Claimed, other.State);
    }

    [Fact]
    public void OpenCase_ForAnAlreadyCommittedKey_RefusesToArchiveItTwice()
    {
        using var archive = new ArchiveFixture();
        archive.Store.Claim(Key, "imap:complaints", null);
        archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], Key);
        var filesBefore = archive.ArchivedFiles();

        var thrown = Assert.Throws<CaptureAlreadyCompletedException>(() =>
            archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], Key));

        Assert.Equal(IntakeState.Committed, thrown.Claim?.State);
        Assert.Single(archive.Store.ListCases());
        Assert.Equal(filesBefore, archive.ArchivedFiles());
    }

    [Fact]
    public void MarkDuplicate_ReportsDuplicateAndNotesItOnTheExistingCase()
    {
        using var archive = new ArchiveFixture();
        var existing = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;
        archive.Store.Claim(Key, "imap:complaints", null);

        archive.Store.MarkDuplicate(Key, existing.RegistrationNumber);

        var claim = archive.Store.Claim(Key, "imap:complaints", null);
        Assert.Equal(IntakeState.Duplicate, claim.State);
        Assert.Equal(existing.RegistrationNumber, claim.RegistrationNumber);
        Assert.NotNull(claim.CompletedAt);
        Assert.Equal(CaseEventKinds.DuplicateReceived, archive.Store.GetHistory(existing.Id)[^1].Kind);
        Assert.Throws<CaptureAlreadyCompletedException>(() => archive.Store.JoinCase(existing.RegistrationNumber, [ArchiveFixture.Document()], Key));
    }

    [Fact]
    public void MarkDuplicate_OfAnUnclaimedKey_Throws()
    {
        using var archive = new ArchiveFixture();

        Assert.Throws<InvalidOperationException>(() => archive.Store.MarkDuplicate("never-claimed", "C-2026-000001"));
    }

    [Fact]
    public void Quarantine_MarksTheClaimQuarantinedAndRoundTripsTheRecord()
    {
        using var archive = new ArchiveFixture();
        archive.Store.Claim(Key, "imap:complaints", null);
        archive.Time.Advance(TimeSpan.FromHours(1));
        var item = new NewQuarantine("imap:complaints", Key, "huge-scan.tif", "OCR timed out on page 3 after 3 attempts", "ABC123", "/var/quarantine/huge-scan.tif");

        var stored = archive.Store.Quarantine(item);

        var listed = Assert.Single(archive.Reopen().ListQuarantine());
        Assert.Equal(stored.Id, listed.Id);
        Assert.Equal(
            (item.SourceName, item.SourceKey, item.OriginalFileName, item.Reason, "abc123", item.QuarantinedPath, ArchiveFixture.Start.AddHours(1)),
            (listed.SourceName, listed.SourceKey, listed.OriginalFileName, listed.Reason, listed.Sha256, listed.QuarantinedPath, listed.At));
        var claim = archive.Store.Claim(Key, "imap:complaints", null);
        Assert.Equal(IntakeState.Quarantined, claim.State);
        Assert.Equal(ArchiveFixture.Start.AddHours(1), claim.CompletedAt);
    }

    [Fact]
    public void Quarantine_WithoutASourceKey_LeavesTheLedgerAlone()
    {
        using var archive = new ArchiveFixture();
        archive.Store.Claim(Key, "imap:complaints", null);

        archive.Store.Quarantine(new NewQuarantine("drop", null, "x.pdf", "unreadable", null, null));

        Assert.Equal(IntakeState.Claimed, archive.Store.Claim(Key, "imap:complaints", null).State);
        Assert.Single(archive.Store.ListQuarantine());
    }
}
