using Archive.Store.Audit;
using Archive.Store.Cases;

namespace Archive.Store.Tests;

/// <summary>Reminders handlers set on cases: kept, in the history, and the case's next alert is the earliest.</summary>
public sealed class ReminderTests
{
    [Fact]
    public void SetReminder_KeepsIt_RecordsItInTheHistory_AndTheNextAlertIsTheEarliest()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;

        archive.Store.SetReminder(opened.RegistrationNumber, ArchiveFixture.Start.AddDays(7), "Call the courier", "anna.nowak");
        archive.Store.SetReminder(opened.RegistrationNumber, ArchiveFixture.Start.AddDays(3), " Check the refund ", "peter.toth");
        var updated = archive.Store.SetReminder(opened.RegistrationNumber, ArchiveFixture.Start.AddDays(10), "Close if no answer", "anna.nowak");

        var reopened = archive.Reopen();
        Assert.Equal(ArchiveFixture.Start.AddDays(3), updated.NextAlertAt);
        Assert.Equal(ArchiveFixture.Start.AddDays(3), reopened.FindCase(opened.RegistrationNumber)!.NextAlertAt);
        Assert.Equal(["Check the refund", "Call the courier", "Close if no answer"], reopened.GetReminders(opened.Id).Select(r => r.Note));
        var set = reopened.GetHistory(opened.Id).Where(e => e.Kind == CaseEventKinds.ReminderSet).ToList();
        Assert.Equal(["anna.nowak", "peter.toth", "anna.nowak"], set.Select(e => e.Actor));
        Assert.Equal("Reminder for 2026-03-17 09:30 UTC: Check the refund", set[1].Detail);
    }

    [Fact]
    public void SetReminder_RefusesABlankNoteAndAnUnknownCase()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;

        Assert.Throws<ArgumentException>(() => archive.Store.SetReminder(opened.RegistrationNumber, ArchiveFixture.Start, " ", "anna"));
        Assert.Throws<CaseNotFoundException>(() => archive.Store.SetReminder("C-2026-999999", ArchiveFixture.Start, "x", "anna"));

        Assert.Empty(archive.Store.GetReminders(opened.Id));
        Assert.Equal(opened.NextAlertAt, archive.Store.FindCase(opened.RegistrationNumber)!.NextAlertAt);
    }
}
