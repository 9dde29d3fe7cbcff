using Archive.Store;
using Archive.Store.Alerts;
using Archive.Store.Audit;
using Archive.Store.Cases;
using Microsoft.Extensions.Options;
using MimeKit.Utils;

namespace Capture.Worker.Notifications.Alerts;

/// <summary>
/// Works out which alerts are due at an instant from what the archive has stored, and nothing held in memory: reminders
/// whose date has passed, assignment and customer-reply events since the last round, deadline points reached, and the
/// day's digests. Planning the same facts twice gives the same <see cref="CaseAlert.Key"/>s, so a restart (or a round
/// that ran twice) plans nothing new for what was already recorded.
/// </summary>
/// <remarks>
/// Who receives an alert: the handler of the case (for a reminder, the person who set it, if they have an address);
/// for a missed deadline also the supervisor of the case's team. A case with nobody to receive its alert sends it to
/// <see cref="AlertOptions.FallbackRecipient"/>, or, without one, records it as skipped with the reason on the case, so
/// the gap is visible in the history instead of silently lost. A person assigning a case to themselves is not told.
/// </remarks>
public sealed class AlertPlanner(
    ArchiveStore store,
    IHandlerDirectory directory,
    ICaseDeadlines deadlines,
    SmtpMailSender sender,
    TimeProvider time,
    IOptions<AlertOptions> options)
{
    /// <summary>The first round reads the history of the last day: alerts turned on later do not alert a whole archive's past.</summary>
    public static readonly TimeSpan FirstLookback = TimeSpan.FromDays(1);

    private static readonly string[] EventKinds = [CaseEventKinds.Assigned, CaseEventKinds.DocumentAdded];

    private readonly AlertOptions _options = options.Value;

    /// <summary>The alerts due at <paramref name="now"/> that are not recorded yet.</summary>
    /// <param name="now">The instant, from the injected clock.</param>
    /// <returns>The new alerts, and the instant the history was read at (for <see cref="ArchiveStore.AdvanceAlertEvents"/>).</returns>
    public AlertPlan Plan(DateTimeOffset now)
    {
        var events = store.ReadAlertEvents(EventKinds, FirstLookback);
        var alerts = new List<CaseAlert>();
        alerts.AddRange(store.ListDueReminders(now).Select(ForReminder));
        alerts.AddRange(FromEvents(events));
        alerts.AddRange(ForDeadlines(now));
        alerts.AddRange(Digests(now));
        var known = store.FindAlertKeys(alerts.Select(a => a.Key));
        return new AlertPlan([.. alerts.Where(a => !known.Contains(a.Key))], events.ReadAt);
    }

    private CaseAlert ForReminder(DueReminder due)
    {
        // The person who set the reminder is told; their address may be unknown (a login without a roster), then the handler.
        var person = directory.Find(due.Reminder.By) is not null ? due.Reminder.By : due.Case.Handler;
        var alert = Alert(AlertKind.Reminder, AlertKeys.Reminder(due.Reminder.Id), due.Case, person, due.Reminder.DueAt);
        alert.Note = due.Reminder.Note;
        return alert;
    }

    private IEnumerable<CaseAlert> FromEvents(AlertEventBatch batch)
    {
        // Only the latest assignment of a case counts: whoever had it for a moment in between need not hear of it.
        foreach (var (assigned, caseRecord) in batch.Events
            .Where(e => e.Event.Kind == CaseEventKinds.Assigned)
            .GroupBy(e => e.Case.Id, StringComparer.Ordinal)
            .Select(g => g.Last()))
        {
            if (caseRecord.Handler is { } handler && !string.Equals(assigned.Actor, handler, StringComparison.OrdinalIgnoreCase))
            {
                yield return Alert(AlertKind.Assigned, AlertKeys.Assigned(caseRecord.Id, assigned.Id), caseRecord, handler, assigned.At);
            }
        }

        // A follow-up adds one document-added event per document, all at the same instant: one reply. The company's own
        // reply, copied to the capture mailbox, joins the case the same way and is not the customer's.
        foreach (var (reply, caseRecord) in batch.Events
            .Where(e => ArchiveStore.IsCustomerMessage(e.Event))
            .DistinctBy(e => (e.Case.Id, e.Event.At)))
        {
            yield return Alert(AlertKind.CustomerReply, AlertKeys.CustomerReply(caseRecord.Id, reply.At), caseRecord, caseRecord.Handler, reply.At);
        }
    }

    private IEnumerable<CaseAlert> ForDeadlines(DateTimeOffset now)
    {
        foreach (var caseRecord in store.ListOpenCases())
        {
            if (deadlines.Find(caseRecord) is not { Paused: false } deadline)
            {
                continue;
            }

            if (deadline.DueAt <= now)
            {
                yield return DeadlineAlert(AlertKind.DeadlineMissed, caseRecord, deadline, AlertKeys.HandlerRole, caseRecord.Handler);
                yield return DeadlineAlert(AlertKind.DeadlineMissed, caseRecord, deadline, AlertKeys.SupervisorRole, directory.SupervisorOf(caseRecord));
            }
            else if (deadline.AtRiskAt <= now)
            {
                yield return DeadlineAlert(AlertKind.DeadlineAtRisk, caseRecord, deadline, AlertKeys.HandlerRole, caseRecord.Handler);
            }
        }
    }

    private CaseAlert DeadlineAlert(AlertKind kind, CaseRecord caseRecord, CaseDeadlinePoints deadline, string role, string? person)
    {
        var at = kind == AlertKind.DeadlineAtRisk ? deadline.AtRiskAt!.Value : deadline.DueAt;
        var alert = Alert(kind, AlertKeys.Deadline(kind, caseRecord.Id, deadline.DueAt, role), caseRecord, person, at, role: role);
        alert.DeadlineAt = deadline.DueAt;
        return alert;
    }

    /// <summary>
    /// Each handler with open cases gets one digest per local day, from <see cref="AlertOptions.DigestTime"/> on. Checked
    /// every round rather than by a once-a-day trigger, so a service that was down at that time still sends it when back.
    /// </summary>
    private IEnumerable<CaseAlert> Digests(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, time.LocalTimeZone);
        if (!_options.Digest || local.TimeOfDay < _options.DigestTime)
        {
            yield break;
        }

        var date = DateOnly.FromDateTime(local.DateTime);
        var dueAt = new DateTimeOffset(local.Date + _options.DigestTime, local.Offset);
        var handlers = store.ListOpenCases().Select(c => c.Handler).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var handler in handlers)
        {
            yield return Alert(AlertKind.Digest, AlertKeys.Digest(handler, date), null, handler, dueAt, fallback: false);
        }
    }

    private CaseAlert Alert(AlertKind kind, string key, CaseRecord? caseRecord, string? person, DateTimeOffset dueAt, bool fallback = true, string role = AlertKeys.HandlerRole)
    {
        var recipient = (person is null ? null : directory.Find(person)) ?? (fallback ? Fallback() : null);
        var alert = new CaseAlert
        {
            Key = key,
            Kind = kind,
            CaseId = caseRecord?.Id,
            RegistrationNumber = caseRecord?.RegistrationNumber,
            Person = person,
            DueAt = dueAt,
            Language = AlertTexts.Has(recipient?.Language) ? recipient!.Language!.Trim().ToLowerInvariant() : _options.Language,
        };
        if (recipient is null)
        {
            alert.State = AlertState.Skipped;
            alert.Error = person is null
                ? $"nobody to tell (no {role}) and {AlertOptions.SectionName}:{nameof(AlertOptions.FallbackRecipient)} is empty"
                : $"no e-mail address is known for '{person}'" + (fallback ? $" and {AlertOptions.SectionName}:{nameof(AlertOptions.FallbackRecipient)} is empty" : "");
            return alert;
        }

        alert.State = AlertState.Sending;
        alert.Recipient = recipient.Address;
        alert.RecipientName = recipient.DisplayName;
        alert.MessageId = MimeUtils.GenerateMessageId(sender.Sender.Domain);
        return alert;
    }

    private AlertRecipient? Fallback() =>
        string.IsNullOrWhiteSpace(_options.FallbackRecipient) ? null : AlertRecipient.FromAddress(_options.FallbackRecipient);
}

/// <summary>The alerts a round is to record, and the instant the history was read at.</summary>
/// <param name="Alerts">New alerts (not yet recorded).</param>
/// <param name="EventsReadAt">Where the alerts' history watermark moves once they are recorded.</param>
public sealed record AlertPlan(IReadOnlyList<CaseAlert> Alerts, DateTimeOffset EventsReadAt);
