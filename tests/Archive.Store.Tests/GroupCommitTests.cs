using Archive.Store.Intake;

namespace Archive.Store.Tests;

public sealed class GroupCommitTests
{
    [Fact]
    public void InOneTransaction_KeepsEveryCaptureOfTheGroup_WithConsecutiveNumbers()
    {
        using var archive = new ArchiveFixture();

        var numbers = archive.Store.InOneTransaction(() => Enumerable.Range(1, 5)
            .Select(n => archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document($"letter-{n}.pdf", $"%PDF letter {n}")], $"key-{n}").Case.RegistrationNumber)
            .ToList());

        var reopened = archive.Reopen();
        Assert.Equal(numbers, reopened.ListCases().Select(c => c.RegistrationNumber));
        Assert.Equal(["C-2026-000001", "C-2026-000002", "C-2026-000003", "C-2026-000004", "C-2026-000005"], numbers);
        Assert.All(Enumerable.Range(1, 5), n => Assert.Equal(IntakeState.Committed, reopened.FindClaim($"key-{n}")!.State));
        Assert.Equal(5, reopened.CountDocuments());
    }

    [Fact]
    public void InOneTransaction_WhenALaterCaptureFails_KeepsNoneOfTheGroupAndNoneOfItsFiles()
    {
        using var archive = new ArchiveFixture();

        var thrown = Assert.Throws<IOException>(() => archive.Store.InOneTransaction(() =>
        {
            archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document("first.pdf")], "key-1");
            archive.Store.MarkDuplicate("key-1", "C-2026-000001");
            return archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document("second.pdf", open: () => throw new IOException("source vanished"))], "key-2");
        }));

        Assert.Equal("source vanished", thrown.Message);
        Assert.Empty(archive.Store.ListCases());
        Assert.Null(archive.Store.FindClaim("key-1"));
        Assert.Empty(archive.ArchivedFiles());
        var next = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], "key-3");
        Assert.Equal("C-2026-000001", next.Case.RegistrationNumber);
    }

    [Fact]
    public void InOneTransaction_WhenAFailureInsideIsCaught_RollsBackTheWholeGroup()
    {
        using var archive = new ArchiveFixture();

        var thrown = Assert.Throws<InvalidOperationException>(() => archive.Store.InOneTransaction(() =>
        {
            archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document("first.pdf")], "key-1");
            try
            {
                archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document("b.pdf"), ArchiveFixture.Document("c.pdf", open: () => throw new IOException("gone"))], "key-2");
            }
            catch (IOException)
            {
                // A caller that swallows a failed write must not get half of it committed.
            }

            return 0;
        }));

        Assert.Contains("rolled back", thrown.Message, StringComparison.Ordinal);
        Assert.Empty(archive.Store.ListCases());
        Assert.Empty(archive.ArchivedFiles());
    }

    [Fact]
    public void InOneTransaction_ReadsSeeTheGroupsOwnWrites_SoAFollowUpJoinsTheCaseOpenedBeforeIt()
    {
        using var archive = new ArchiveFixture();

        var joined = archive.Store.InOneTransaction(() =>
        {
            var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document("first.eml", messageId: "<a@example.com>")], "key-1");
            var found = archive.Store.FindCaseByMessageId("<a@example.com>");
            return archive.Store.JoinCase(found!.RegistrationNumber, [ArchiveFixture.Document("reply.eml", "%PDF reply")], "key-2");
        });

        Assert.Equal("C-2026-000001", joined.Case.RegistrationNumber);
        Assert.Equal(2, archive.Reopen().GetDocuments(joined.Case.Id).Count);
    }

    [Fact]
    public void InOneTransaction_CannotBeNested()
    {
        using var archive = new ArchiveFixture();

        Assert.Throws<InvalidOperationException>(() => archive.Store.InOneTransaction(() => archive.Store.InOneTransaction(() => 1)));
        Assert.Empty(archive.Store.ListCases());
    }

    [Fact]
    public void ClaimAll_ClaimsNewKeysOnceAndCountsAnotherAttemptForUnfinishedOnes()
    {
        using var archive = new ArchiveFixture();
        archive.Store.Claim("k2", "mail:test", null);
        archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], "k3");

        var claims = archive.Store.ClaimAll(["k1", "k2", "k3", "k1"], "mail:test");

        Assert.Equal(["k1", "k2", "k3"], claims.Select(c => c.SourceKey));
        Assert.Equal([1, 2], claims.Take(2).Select(c => c.Attempts));
        Assert.Equal(IntakeState.Committed, claims[2].State);
        Assert.Equal(2, archive.Reopen().FindClaim("k2")!.Attempts);
    }
}
