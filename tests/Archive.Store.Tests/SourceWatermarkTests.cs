using Archive.Store.Intake;

namespace Archive.Store.Tests;

public sealed class SourceWatermarkTests
{
    private const string Stream = "imap://complaints@mail.example.com/INBOX;UIDVALIDITY=1700000000";

    [Fact]
    public void GetWatermark_OfAStreamNeverRead_IsZero()
    {
        using var archive = new ArchiveFixture();

        Assert.Equal(0, archive.Store.GetWatermark(Stream));
    }

    [Fact]
    public void AdvanceWatermark_SurvivesReopeningTheStore()
    {
        using var archive = new ArchiveFixture();
        archive.Store.AdvanceWatermark(Stream, 4711);

        Assert.Equal(4711, archive.Reopen().GetWatermark(Stream));
    }

    [Fact]
    public void AdvanceWatermark_NeverMovesBack()
    {
        using var archive = new ArchiveFixture();
        archive.Store.AdvanceWatermark(Stream, 50);

        archive.Store.AdvanceWatermark(Stream, 20);

        Assert.Equal(50, archive.Store.GetWatermark(Stream));
    }

    [Fact]
    public void AdvanceWatermark_KeepsStreamsApart_EvenWhenTheyDifferOnlyInCase()
    {
        using var archive = new ArchiveFixture();
        archive.Store.AdvanceWatermark(Stream, 10);

        archive.Store.AdvanceWatermark(Stream.Replace("INBOX", "inbox", StringComparison.Ordinal), 3);

        Assert.Equal(10, archive.Store.GetWatermark(Stream));
        Assert.Equal(3, archive.Store.GetWatermark(Stream.Replace("INBOX", "inbox", StringComparison.Ordinal)));
    }

    [Fact]
    public void FindClaim_ReturnsTheEntryWithoutCountingAnAttempt()
    {
        using var archive = new ArchiveFixture();
        Assert.Null(archive.Store.FindClaim("pop3://a@b/;UIDL=x1"));
        archive.Store.Claim("pop3://a@b/;UIDL=x1", "mail:test", null);

        var found = archive.Store.FindClaim("pop3://a@b/;UIDL=x1");
        var again = archive.Store.FindClaim("pop3://a@b/;UIDL=x1");

        Assert.NotNull(found);
        Assert.Equal(IntakeState.Claimed, found.State);
        Assert.Equal(1, again!.Attempts);
    }
}
