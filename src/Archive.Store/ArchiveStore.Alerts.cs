using System.Globalization;
using Archive.Store.Alerts;
using Archive.Store.Audit;
using Archive.Store.Cases;
using Archive.Store.Intake;
using LiteDB;

namespace Archive.Store;

/// <summary>
/// Alert e-mails to handlers (<see cref="CaseAlert"/>): what is due, computed from stored facts only (reminders,
/// history events, deadlines), and a record per occurrence that is claimed before the message is sent.
/// </summary>
/// <remarks>
/// Claim before send: <see cref="ClaimAlerts"/> inserts each alert as <see cref="AlertState.Sending"/> under its unique
/// key, with the Message-ID it will carry; the sender then marks it <see cref="AlertState.Sent"/>. An alert still
/// <see cref="AlertState.Sending"/> after a crash is sent again with the same Message-ID: a handler may get the same
/// message twice in that narrow window (and mail clients that collapse by Message-ID show it once), which is better
/// than a missed deadline nobody hears of.
/// </remarks>
public sealed partial class ArchiveStore
{
    /// <summary>The watermark stream (see <see cref="SourceWatermark"/>) of the history events read for alerts; its position is UTC ticks.</summary>
    public const string AlertEventsStream = "alerts:case-events";

    /// <summary>
    /// The reminders whose date is at or before <paramref name="now"/> and that have not been alerted, with their cases.
    /// Only cases whose <see cref="CaseRecord.NextAlertAt"/> has passed are read.
    /// </summary>
    /// <param name="now">The instant to compare with.</param>
    /// <returns>The due reminders, earliest first.</returns>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<DueReminder> ListDueReminders(DateTimeOffset now) => Read(() =>
    {
        // NextAlertAt is stored as text; any stamp sorts after "", a missing one (null) before it.
        var cases = _database.Cases.Find(Query.GT(nameof(CaseRecord.NextAlertAt), new BsonValue(""))).Where(c => c.NextAlertAt <= now);
        return cases
            .SelectMany(c => _database.Reminders.Find(r => r.CaseId == c.Id)
                .Where(r => r.DueAt <= now && !CaseAlertSchedule.IsAlerted(_database, AlertKeys.Reminder(r.Id)))
                .Select(r => new DueReminder(c, r)))
            .OrderBy(d => d.Reminder.DueAt)
            .ThenBy(d => d.Reminder.Id, StringComparer.Ordinal)
            .ToList();
    });

    /// <summary>
    /// The history events of <paramref name="kinds"/> written since the alerts last advanced their watermark
    /// (<see cref="AdvanceAlertEvents"/>), each with its case. Events stamped exactly at the watermark are read again;
    /// their alerts' unique keys keep them from being sent twice.
    /// </summary>
    /// <param name="kinds">The event kinds (<see cref="CaseEventKinds"/>).</param>
    /// <param name="firstLookback">The first time (no watermark yet), how far back to read: events older than that, written before alerts were
    /// turned on, are not alerted.</param>
    /// <returns>The events in time order and the instant they were read at.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kinds"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public AlertEventBatch ReadAlertEvents(IReadOnlyCollection<string> kinds, TimeSpan firstLookback)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return Read(() =>
        {
            // Read under the store's lock: an event not seen now is written later, so it is stamped at or after ReadAt.
            var readAt = _time.GetUtcNow();
            var since = _database.Watermarks.FindById(AlertEventsStream) is { } watermark
                ? new DateTimeOffset(watermark.Position, TimeSpan.Zero)
                : readAt - firstLookback;
            var events = _database.Events
                .Find(Query.And(
                    Query.GTE(nameof(CaseEvent.At), new BsonValue(since.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture))),
                    Query.In(nameof(CaseEvent.Kind), kinds.Select(k => new BsonValue(k)))))
                .OrderBy(e => e.At)
                .ThenBy(e => e.Id, StringComparer.Ordinal)
                .ToList();
            var cases = events.Select(e => e.CaseId).Distinct(StringComparer.Ordinal)
                .Select(id => _database.Cases.FindById(id))
                .OfType<CaseRecord>()
                .ToDictionary(c => c.Id, StringComparer.Ordinal);
            return new AlertEventBatch(
                [.. events.Where(e => cases.ContainsKey(e.CaseId)).Select(e => (e, cases[e.CaseId]))],
                readAt);
        });
    }

    /// <summary>True for a history event of a customer's message joining the case (not the company's own reply copied to the capture mailbox).</summary>
    /// <param name="caseEvent">A history event.</param>
    /// <returns>Whether it is a customer's follow-up.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseEvent"/> is null.</exception>
    public static bool IsCustomerMessage(CaseEvent caseEvent)
    {
        ArgumentNullException.ThrowIfNull(caseEvent);
        return caseEvent.Kind == CaseEventKinds.DocumentAdded && caseEvent.Actor == CaseEventKinds.CaptureActor &&
            !caseEvent.Detail.Contains(CaseCapture.CompanyReplyMark, StringComparison.Ordinal);
    }

    /// <summary>Moves the alerts' event watermark to <paramref name="readAt"/> (never back), after the alerts of a batch are claimed.</summary>
    /// <param name="readAt">The batch's <see cref="AlertEventBatch.ReadAt"/>.</param>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public void AdvanceAlertEvents(DateTimeOffset readAt) => AdvanceWatermark(AlertEventsStream, readAt.UtcTicks);

    /// <summary>The keys among <paramref name="keys"/> that already have an alert record.</summary>
    /// <param name="keys">Alert keys (<see cref="AlertKeys"/>).</param>
    /// <returns>The known ones.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlySet<string> FindAlertKeys(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var wanted = keys.ToList();
        return Read(() => wanted.Where(key => CaseAlertSchedule.IsAlerted(_database, key)).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Records alerts in one transaction, each once: an alert whose key is already recorded is left out. For the alerts
    /// kept, in the same transaction: a skipped one gets an <see cref="CaseEventKinds.AlertNotSent"/> event; a case with a
    /// reminder or deadline alert claimed gets its <see cref="CaseRecord.NextAlertAt"/> moved past what is now claimed; a deadline
    /// alert to the handler raises the case's priority (<see cref="CaseEventKinds.PriorityRaised"/>): high at risk, urgent when missed.
    /// </summary>
    /// <param name="alerts">New alerts, <see cref="AlertState.Sending"/> (with their Message-ID) or <see cref="AlertState.Skipped"/> (with the reason in <see cref="CaseAlert.Error"/>).</param>
    /// <returns>The alerts recorded now, with their identifiers and claim time.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="alerts"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">An alert has no key, is in another state, or is to be sent without a recipient or Message-ID.</exception>
    /// <exception cref="LiteException">The database rejected the write.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<CaseAlert> ClaimAlerts(IReadOnlyList<CaseAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        foreach (var alert in alerts)
        {
            ArgumentNullException.ThrowIfNull(alert, nameof(alerts));
            ArgumentException.ThrowIfNullOrWhiteSpace(alert.Key, nameof(alerts));
            if (alert.State is not (AlertState.Sending or AlertState.Skipped) ||
                (alert.State == AlertState.Sending && (string.IsNullOrWhiteSpace(alert.Recipient) || string.IsNullOrWhiteSpace(alert.MessageId))))
            {
                throw new ArgumentException($"Alert {alert.Key} must be claimed as Sending with a recipient and a Message-ID, or as Skipped with a reason.", nameof(alerts));
            }
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetUtcNow();
            var claimed = new List<CaseAlert>();
            InTransaction(() =>
            {
                var scheduledCases = new HashSet<string>(StringComparer.Ordinal);
                foreach (var alert in alerts.DistinctBy(a => a.Key, StringComparer.Ordinal))
                {
                    if (CaseAlertSchedule.IsAlerted(_database, alert.Key))
                    {
                        continue;
                    }

                    (alert.Id, alert.ClaimedAt, alert.SentAt, alert.Attempts) = (ObjectId.NewObjectId().ToString(), now, null, 0);
                    _database.Alerts.Insert(alert);
                    claimed.Add(alert);
                    if (alert.CaseId is not { } caseId)
                    {
                        continue;
                    }

                    if (alert.State == AlertState.Skipped)
                    {
                        _database.Events.Insert(CaseEvents.By(CaseEventKinds.AlertsActor, caseId, now, CaseEventKinds.AlertNotSent,
                            $"{Describe(alert.Kind)} alert for {alert.Person ?? "nobody"} not sent: {alert.Error}"));
                    }

                    if (RaisesPriority(alert))
                    {
                        RaisePriorityForDeadline(caseId, alert.Kind, now);
                    }

                    if (alert.Kind is AlertKind.Reminder or AlertKind.DeadlineAtRisk or AlertKind.DeadlineMissed)
                    {
                        scheduledCases.Add(caseId);
                    }
                }

                foreach (var caseRecord in scheduledCases.Select(id => _database.Cases.FindById(id)).OfType<CaseRecord>())
                {
                    CaseAlertSchedule.Refresh(caseRecord, _database);
                    _database.Cases.Update(caseRecord);
                }
            });
            return claimed;
        }
    }

    /// <summary>The alerts claimed and not yet accepted by the mail server, oldest first: the next round sends them.</summary>
    /// <returns>The alerts in <see cref="AlertState.Sending"/>.</returns>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<CaseAlert> ListPendingAlerts() => Read(() => _database.Alerts
        .Find(a => a.State == AlertState.Sending)
        .OrderBy(a => a.ClaimedAt)
        .ThenBy(a => a.Id, StringComparer.Ordinal)
        .ToList());

    /// <summary>Records that the mail server accepted an alert; its case's history gets an <see cref="CaseEventKinds.AlertSent"/> event.</summary>
    /// <param name="key">The alert's key.</param>
    /// <returns>The updated alert.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is blank.</exception>
    /// <exception cref="InvalidOperationException">No alert has that key.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public CaseAlert MarkAlertSent(string key) => UpdateAlert(key, (alert, now) =>
    {
        (alert.State, alert.SentAt, alert.Error) = (AlertState.Sent, now, null);
        return $"{Describe(alert.Kind)} alert sent to {alert.Recipient} ({alert.MessageId}).";
    }, CaseEventKinds.AlertSent);

    /// <summary>Records that the mail server refused an alert for good; it is not retried, and its case's history says why.</summary>
    /// <param name="key">The alert's key.</param>
    /// <param name="error">The server's answer.</param>
    /// <returns>The updated alert.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="error"/> is blank.</exception>
    /// <exception cref="InvalidOperationException">No alert has that key.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public CaseAlert MarkAlertFailed(string key, string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return UpdateAlert(key, (alert, _) =>
        {
            (alert.State, alert.Error) = (AlertState.Failed, error);
            alert.Attempts++;
            return $"{Describe(alert.Kind)} alert to {alert.Recipient} refused: {error}";
        }, CaseEventKinds.AlertNotSent);
    }

    /// <summary>Records a passing failure (server down, temporary refusal); the alert stays <see cref="AlertState.Sending"/> for the next round.</summary>
    /// <param name="key">The alert's key.</param>
    /// <param name="error">What went wrong.</param>
    /// <returns>The updated alert.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="error"/> is blank.</exception>
    /// <exception cref="InvalidOperationException">No alert has that key.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public CaseAlert RecordAlertAttempt(string key, string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return UpdateAlert(key, (alert, _) =>
        {
            alert.Attempts++;
            alert.Error = error;
            return null;
        }, null);
    }

    /// <summary>A case's alerts, in the order they were claimed.</summary>
    /// <param name="caseId">The case's identifier.</param>
    /// <returns>The alerts (empty for an unknown case).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseId"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<CaseAlert> GetAlerts(string caseId)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        return Read(() => _database.Alerts.Find(a => a.CaseId == caseId).OrderBy(a => a.ClaimedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToList());
    }

    /// <summary>Finds an alert by its key.</summary>
    /// <param name="key">The key (<see cref="AlertKeys"/>).</param>
    /// <returns>The alert, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public CaseAlert? FindAlert(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Read(() => _database.Alerts.FindOne(a => a.Key == key));
    }

    /// <summary>Every case that is not closed, in registration order: what deadlines and digests are computed from.</summary>
    /// <returns>The open cases.</returns>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<CaseRecord> ListOpenCases() => Read(() => _database.Cases
        .Find(c => c.Status != CaseStatus.Closed)
        .OrderBy(c => c.RegistrationYear)
        .ThenBy(c => c.RegistrationSequence)
        .ThenBy(c => c.RegistrationNumber, StringComparer.Ordinal)
        .ToList());

    private static string Describe(AlertKind kind) => kind switch
    {
        AlertKind.Assigned => "Assignment",
        AlertKind.CustomerReply => "Customer reply",
        AlertKind.Reminder => "Reminder",
        AlertKind.DeadlineAtRisk => "Deadline at risk",
        AlertKind.DeadlineMissed => "Deadline missed",
        _ => "Digest",
    };

    /// <summary>The handler's alert about a deadline point raises the priority: high at risk, urgent when missed (never lowered, so a person's higher choice stands).</summary>
    private static bool RaisesPriority(CaseAlert alert) =>
        alert is { CaseId: { } caseId, DeadlineAt: { } deadline } &&
        alert.Kind is AlertKind.DeadlineAtRisk or AlertKind.DeadlineMissed &&
        alert.Key == AlertKeys.Deadline(alert.Kind, caseId, deadline, AlertKeys.HandlerRole);

    /// <summary>Raises a case's priority inside the caller's transaction: high when its deadline is at risk, urgent when it was missed.</summary>
    private void RaisePriorityForDeadline(string caseId, AlertKind kind, DateTimeOffset now)
    {
        if (_database.Cases.FindById(caseId) is { } caseRecord)
        {
            var (priority, reason) = kind == AlertKind.DeadlineAtRisk
                ? (CasePriority.High, "the response deadline is at risk")
                : (CasePriority.Urgent, "the response deadline was missed");
            Raise(caseRecord, priority, CaseEventKinds.AlertsActor, reason, now);
        }
    }

    private CaseAlert UpdateAlert(string key, Func<CaseAlert, DateTimeOffset, string?> change, string? eventKind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var alert = _database.Alerts.FindOne(a => a.Key == key) ?? throw new InvalidOperationException($"No alert has the key '{key}'; claim it first.");
            var now = _time.GetUtcNow();
            InTransaction(() =>
            {
                var detail = change(alert, now);
                _database.Alerts.Update(alert);
                if (eventKind is not null && detail is not null && alert.CaseId is { } caseId)
                {
                    _database.Events.Insert(CaseEvents.By(CaseEventKinds.AlertsActor, caseId, now, eventKind, detail));
                }
            });
            return alert;
        }
    }
}
