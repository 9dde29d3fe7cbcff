using Archive.Store;
using Archive.Store.Alerts;
using Capture.Worker.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Notifications.Alerts;

/// <summary>
/// One round of alerts: plan what is due now from stored facts, record it (claim), move the history watermark, and send
/// everything claimed and not yet sent on one SMTP connection. The service runs it every
/// <see cref="AlertOptions.Interval"/> (<see cref="Jobs.AlertRoundJob"/>); tests call <see cref="RunAsync"/> directly
/// with a fake clock.
/// </summary>
public sealed partial class AlertRound(
    ArchiveStore store,
    AlertPlanner planner,
    AlertDispatcher dispatcher,
    CaseIndexer indexer,
    SmtpMailSender sender,
    TimeProvider time,
    IOptions<AlertOptions> options,
    ILogger<AlertRound> logger)
{
    /// <summary>Runs a round; does nothing when alerts are off or no SMTP server is configured.</summary>
    /// <param name="cancellationToken">Stops the sending; what was claimed is sent next round.</param>
    /// <returns>What the round did.</returns>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    /// <exception cref="LiteDB.LiteException">The archive database failed.</exception>
    public async Task<AlertRoundResult> RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || !sender.Enabled)
        {
            return new AlertRoundResult(0, 0, new AlertDelivery(0, 0, 0));
        }

        var plan = planner.Plan(time.GetUtcNow());
        var claimed = store.ClaimAlerts(plan.Alerts);
        store.AdvanceAlertEvents(plan.EventsReadAt);
        RestampNextAlert(claimed);
        var delivery = await dispatcher.SendPendingAsync(cancellationToken).ConfigureAwait(false);
        var skipped = claimed.Count(a => a.State == AlertState.Skipped);
        if (claimed.Count > 0 || delivery.Sent + delivery.Failed > 0)
        {
            LogRound(claimed.Count, skipped, delivery.Sent, delivery.Failed, delivery.Waiting);
        }

        return new AlertRoundResult(claimed.Count, skipped, delivery);
    }

    /// <summary>
    /// A claimed reminder moves its case's next alert on; the search index is re-stamped so that <c>alert:due</c> stops
    /// finding a case whose reminders have all been alerted.
    /// </summary>
    private void RestampNextAlert(IReadOnlyList<CaseAlert> claimed)
    {
        foreach (var caseId in claimed.Where(a => a.Kind == AlertKind.Reminder).Select(a => a.CaseId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (store.FindCaseById(caseId) is { } caseRecord)
            {
                indexer.Reindex(caseRecord);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alerts: {Planned} new ({Skipped} without a recipient), {Sent} sent, {Failed} refused, {Waiting} waiting")]
    private partial void LogRound(int planned, int skipped, int sent, int failed, int waiting);
}

/// <summary>What a round did.</summary>
/// <param name="Planned">Alerts recorded this round.</param>
/// <param name="Skipped">Of those, recorded as skipped (nobody to send to).</param>
/// <param name="Delivery">What the sending did (also alerts claimed in earlier rounds).</param>
public sealed record AlertRoundResult(int Planned, int Skipped, AlertDelivery Delivery);
