using Archive.Store.Cases;
using Archive.Store.Deadlines;

namespace Archive.Store.Tests;

/// <summary>What the web's work lists read: a handler's open cases, the unclassified cases, and where a deadline stands.</summary>
public sealed class WorkListQueryTests
{
    private static readonly DateTimeOffset Due = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AtRisk = Due.AddDays(-1);

    [Fact]
    public void ListOpenCasesOf_ReturnsOnlyTheHandlersOpenCases()
    {
        using var archive = new ArchiveFixture();
        var open = Open(archive, CaseCategory.Complaint, "anna", "a");
        var closed = Open(archive, CaseCategory.Complaint, "anna", "b");
        Open(archive, CaseCategory.Complaint, "piotr", "c");
        archive.Store.ChangeStatus(closed, CaseStatus.Closed, "anna");

        var cases = archive.Store.ListOpenCasesOf(" anna ");

        Assert.Equal([open], cases.Select(c => c.RegistrationNumber));
        Assert.Empty(archive.Store.ListOpenCasesOf("ann"));
    }

    [Fact]
    public void ListUnclassifiedCases_ReturnsTheOpenOnesOldestReceivedFirst_NotTheClosed()
    {
        using var archive = new ArchiveFixture();
        var later = Open(archive, CaseCategory.Unclassified, null, "a", receivedAt: ArchiveFixture.Start.AddDays(-1));
        Open(archive, CaseCategory.Complaint, null, "b", receivedAt: ArchiveFixture.Start.AddDays(-5));
        var earlier = Open(archive, CaseCategory.Unclassified, null, "c", receivedAt: ArchiveFixture.Start.AddDays(-3));
        var closed = Open(archive, CaseCategory.Unclassified, null, "d", receivedAt: ArchiveFixture.Start.AddDays(-4));
        archive.Store.ChangeStatus(earlier, CaseStatus.PendingOnCustomer, "clerk");
        archive.Store.ChangeStatus(closed, CaseStatus.Closed, "clerk");

        var cases = archive.Store.ListUnclassifiedCases();

        Assert.Equal([earlier, later], cases.Select(c => c.RegistrationNumber));
    }

    [Theory]
    [InlineData(null, null, -10, DeadlineStanding.None)]
    [InlineData(null, null, -30, DeadlineStanding.OnTrack)]
    [InlineData(null, null, -10, DeadlineStanding.AtRisk)]
    [InlineData(null, null, 10, DeadlineStanding.Missed)]
    [InlineData(-30, null, 10, DeadlineStanding.OnTrack)]
    [InlineData(-10, null, 10, DeadlineStanding.AtRisk)]
    [InlineData(null, -1, 10, DeadlineStanding.Met)]
    [InlineData(null, 1, 10, DeadlineStanding.ClosedLate)]
    public void StandingAt_SaysOnTrackAtRiskOrMissed_AsThePausedClockStood_AndMetOrLateOnceClosed(
        int? pausedHoursFromDue, int? stoppedHoursFromDue, int nowHoursFromDue, DeadlineStanding expected)
    {
        var deadline = new CaseDeadline
        {
            DueAt = expected == DeadlineStanding.None ? null : Due,
            AtRiskAt = AtRisk,
            PausedSince = pausedHoursFromDue is { } paused ? Due.AddHours(paused) : null,
            StoppedAt = stoppedHoursFromDue is { } stopped ? Due.AddHours(stopped) : null,
        };

        Assert.Equal(expected, deadline.StandingAt(Due.AddHours(nowHoursFromDue)));
    }

    private static string Open(ArchiveFixture archive, CaseCategory category, string? handler, string content, DateTimeOffset? receivedAt = null)
    {
        var newCase = ArchiveFixture.Case(category) with
        {
            Assignee = handler is null ? null : CaseAssignee.ToPerson(handler),
            ReceivedAt = receivedAt ?? ArchiveFixture.Start,
        };
        return archive.Store.OpenCase(newCase, [ArchiveFixture.Document(content: content)], null).Case.RegistrationNumber;
    }
}
