using Archive.Store.Cases;

namespace Archive.Store.Alerts;

/// <summary>A reminder whose date has passed and that has not been alerted yet, with its case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Reminder">The reminder.</param>
public sealed record DueReminder(CaseRecord Case, CaseReminder Reminder);

/// <summary>History events alerts are made of (assignments, customer replies), read since the alerts' watermark.</summary>
/// <param name="Events">The events, in time order, each with its case.</param>
/// <param name="ReadAt">The store's clock when they were read: pass it to <see cref="ArchiveStore.AdvanceAlertEvents"/> once they are claimed.</param>
public sealed record AlertEventBatch(IReadOnlyList<(CaseEvent Event, CaseRecord Case)> Events, DateTimeOffset ReadAt);
