using Archive.Store.Audit;
using Archive.Store.Cases;

namespace Archive.Store.Tests;

/// <summary>Who handles a case: assigned when it opens, to a person or a team's least-loaded member, and reassigned with history.</summary>
public sealed class AssignmentTests
{
    private static readonly string[] Team = ["anna.nowak", "peter.toth", "ewa.lis"];

    [Fact]
    public void OpenCase_ForAPerson_OpensAssignedWithTeamAndProduct_AndTheHistorySaysWhichRule()
    {
        using var archive = new ArchiveFixture();
        var newCase = ArchiveFixture.Case() with
        {
            Assignee = CaseAssignee.ToPerson("anna.nowak", "complaints-pl"),
            AssignmentReason = "rule 'vip' (Assignment:Rules:0)",
            Product = "Kettle K2",
        };

        var opened = archive.Store.OpenCase(newCase, [ArchiveFixture.Document()], null).Case;

        var stored = archive.Reopen().FindCase(opened.RegistrationNumber)!;
        Assert.Equal(("anna.nowak", "complaints-pl", "Kettle K2"), (stored.Handler, stored.Team, stored.Product));
        var history = archive.Store.GetHistory(opened.Id);
        Assert.Equal([CaseEventKinds.Opened, CaseEventKinds.Assigned], history.Select(e => e.Kind));
        Assert.Equal("Assigned to anna.nowak (team complaints-pl) by rule 'vip' (Assignment:Rules:0).", history[1].Detail);
        Assert.Equal(CaseEventKinds.CaptureActor, history[1].Actor);
    }

    [Fact]
    public void OpenCase_WithoutAssignee_StaysUnassignedWithNoAssignmentEvent()
    {
        using var archive = new ArchiveFixture();

        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;

        Assert.Null(opened.Handler);
        Assert.Null(opened.Team);
        Assert.DoesNotContain(archive.Store.GetHistory(opened.Id), e => e.Kind == CaseEventKinds.Assigned);
    }

    [Fact]
    public void OpenCase_ForATeam_GoesToTheFewestOpenCases_TiesToTheFirstListed_ClosedCasesNotCounted()
    {
        using var archive = new ArchiveFixture();
        // anna: one open and one closed case; peter: one open; ewa: none.
        Open(archive, CaseAssignee.ToPerson("anna.nowak"));
        var closed = Open(archive, CaseAssignee.ToPerson("anna.nowak"));
        archive.Store.ChangeStatus(closed.RegistrationNumber, CaseStatus.Closed, "anna.nowak");
        Open(archive, CaseAssignee.ToPerson("peter.toth"));

        var handlers = Enumerable.Range(0, 4).Select(_ => Open(archive, CaseAssignee.ToTeam("complaints-pl", Team)).Handler).ToList();

        // ewa (none open); then all have one open: anna, listed first; then peter and ewa have one: peter; then ewa.
        Assert.Equal(["ewa.lis", "anna.nowak", "peter.toth", "ewa.lis"], handlers);
        Assert.Equal(
            [new HandlerWorkload("anna.nowak", 2, 3), new HandlerWorkload("peter.toth", 2, 2), new HandlerWorkload("ewa.lis", 2, 2)],
            archive.Store.GetWorkload(Team));
        var last = archive.Store.ListCases()[^1];
        Assert.Equal("complaints-pl", last.Team);
        Assert.Equal(
            "Assigned to ewa.lis, the least-loaded member of team complaints-pl (1 open case(s) before).",
            archive.Store.GetHistory(last.Id).Single(e => e.Kind == CaseEventKinds.Assigned).Detail);
    }

    [Fact]
    public void HandlerLoad_FollowsTheHandlerAndWhetherTheCaseIsOpen_ThroughReassignmentClosingAndReopening()
    {
        using var archive = new ArchiveFixture();
        var opened = Open(archive, CaseAssignee.ToPerson("anna.nowak"));

        archive.Store.AssignCase(opened.RegistrationNumber, CaseAssignee.ToPerson("peter.toth"), "ewa.lis");
        var afterReassign = archive.Store.GetWorkload(["anna.nowak", "peter.toth"]);
        archive.Store.ChangeStatus(opened.RegistrationNumber, CaseStatus.Closed, "peter.toth");
        var afterClose = archive.Store.GetWorkload(["peter.toth"]).Single();
        archive.Store.JoinCase(opened.RegistrationNumber, [ArchiveFixture.Document("again.pdf", "%PDF again")], null);

        Assert.Equal([new HandlerWorkload("anna.nowak", 0, 0), new HandlerWorkload("peter.toth", 1, 1)], afterReassign);
        Assert.Equal(new HandlerWorkload("peter.toth", 0, 1), afterClose);
        Assert.Equal(new HandlerWorkload("peter.toth", 1, 1), archive.Reopen().GetWorkload(["peter.toth"]).Single());
        Assert.Equal("peter.toth|open", archive.Store.FindCase(opened.RegistrationNumber)!.HandlerLoad);
    }

    [Fact]
    public void OpenCase_ConcurrentCapturesForOneTeam_SpreadEvenlyAcrossItsMembers()
    {
        using var archive = new ArchiveFixture();

        Parallel.For(0, 12, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken }, n =>
            archive.Store.OpenCase(
                ArchiveFixture.Case() with { Assignee = CaseAssignee.ToTeam("complaints-pl", Team) },
                [ArchiveFixture.Document($"letter-{n}.pdf", $"%PDF letter {n}")],
                null));

        Assert.All(archive.Store.GetWorkload(Team), load => Assert.Equal(4, load.OpenCases));
    }

    [Fact]
    public void OpenCase_SeveralInOneGroupCommit_EachSeesTheCasesOpenedBeforeIt()
    {
        using var archive = new ArchiveFixture();

        var handlers = archive.Store.InOneTransaction(() => Enumerable.Range(0, 3)
            .Select(n => archive.Store.OpenCase(
                ArchiveFixture.Case() with { Assignee = CaseAssignee.ToTeam("complaints-pl", Team) },
                [ArchiveFixture.Document($"letter-{n}.pdf", $"%PDF letter {n}")],
                $"key-{n}").Case.Handler)
            .ToList());

        Assert.Equal(Team, handlers);
    }

    [Fact]
    public void AssignCase_Reassigns_RecordingFromToWhoAndWhy_AndTheSameHandlerChangesNothing()
    {
        using var archive = new ArchiveFixture();
        var opened = Open(archive, CaseAssignee.ToPerson("anna.nowak", "complaints-pl"));
        archive.Time.Advance(TimeSpan.FromHours(2));

        var moved = archive.Store.AssignCase(opened.RegistrationNumber, CaseAssignee.ToPerson("peter.toth", "complaints-hu"), "ewa.lis", " Speaks Hungarian ");
        var unchanged = archive.Store.AssignCase(opened.RegistrationNumber, CaseAssignee.ToPerson("peter.toth", "complaints-hu"), "ewa.lis");

        var stored = archive.Reopen().FindCase(opened.RegistrationNumber)!;
        Assert.Equal(("peter.toth", "complaints-hu"), (stored.Handler, stored.Team));
        Assert.Equal(ArchiveFixture.Start.AddHours(2), moved.UpdatedAt);
        Assert.Equal(moved.UpdatedAt, unchanged.UpdatedAt);
        var assignments = archive.Store.GetHistory(opened.Id).Where(e => e.Kind == CaseEventKinds.Assigned).ToList();
        Assert.Equal(2, assignments.Count);
        Assert.Equal(("ewa.lis", "anna.nowak → peter.toth (team complaints-hu): Speaks Hungarian."), (assignments[1].Actor, assignments[1].Detail));
        Assert.Equal(ArchiveFixture.Start.AddHours(2), assignments[1].At);
    }

    [Fact]
    public void AssignCase_ToATeam_GivesAnUnassignedCaseToTheLeastLoadedMember()
    {
        using var archive = new ArchiveFixture();
        Open(archive, CaseAssignee.ToPerson("anna.nowak"));
        var unassigned = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document("other.pdf", "%PDF other")], null).Case;

        var assigned = archive.Store.AssignCase(unassigned.RegistrationNumber, CaseAssignee.ToTeam("complaints-pl", ["anna.nowak", "peter.toth"]), "ewa.lis");

        Assert.Equal(("peter.toth", "complaints-pl"), (assigned.Handler, assigned.Team));
        Assert.Equal(
            "nobody → peter.toth, the least-loaded member of team complaints-pl (0 open case(s) before).",
            archive.Store.GetHistory(unassigned.Id).Single(e => e.Kind == CaseEventKinds.Assigned).Detail);
    }

    [Fact]
    public void AssignCase_RefusesAnUnknownCaseABlankDeciderAndATeamWithoutMembers()
    {
        using var archive = new ArchiveFixture();
        var opened = Open(archive, CaseAssignee.ToPerson("anna.nowak"));

        Assert.Throws<CaseNotFoundException>(() => archive.Store.AssignCase("C-2026-999999", CaseAssignee.ToPerson("peter.toth"), "ewa.lis"));
        Assert.Throws<ArgumentException>(() => archive.Store.AssignCase(opened.RegistrationNumber, CaseAssignee.ToPerson("peter.toth"), " "));
        Assert.Throws<ArgumentException>(() => CaseAssignee.ToTeam("empty", []));

        Assert.Equal("anna.nowak", archive.Store.FindCase(opened.RegistrationNumber)!.Handler);
    }

    private static CaseRecord Open(ArchiveFixture archive, CaseAssignee assignee) => archive.Store.OpenCase(
        ArchiveFixture.Case() with { Assignee = assignee },
        [ArchiveFixture.Document($"{Guid.NewGuid():N}.pdf", $"%PDF {Guid.NewGuid():N}")],
        null).Case;
}
