using Capture.Web.Cases;

namespace Capture.Web.Pages;

/// <summary>
/// The case page's alerts and reminders: the next alert, the reminders set, the alert e-mails sent, and for those who
/// may change the case a form to add a reminder (date and time in the archive's deadline time zone).
/// </summary>
internal static class CaseReminderSection
{
    public static void Write(HttpContext context, Html body, CaseView view, bool mayChange, TimeZoneInfo zone)
    {
        body.Append($"""<section class="reminders"><h2>Alerts and reminders</h2><p>Next alert: {(view.NextAlertAt is { } next ? CasePage.Local(next, zone) : "none scheduled")}</p>""");
        if (view.Reminders.Count > 0)
        {
            body.Append($"<table><thead><tr><th>Due</th><th>Reminder</th><th>Set by</th></tr></thead><tbody>");
            foreach (var reminder in view.Reminders)
            {
                body.Append($"<tr><td>{CasePage.Local(reminder.DueAt, zone)}</td><td>{reminder.Note}</td><td>{reminder.By}</td></tr>");
            }

            body.Append($"</tbody></table>");
        }

        if (view.Alerts.Count > 0)
        {
            body.Append($"<table class=\"alerts\"><thead><tr><th>Alert</th><th>To</th><th>Due</th><th>State</th></tr></thead><tbody>");
            foreach (var alert in view.Alerts)
            {
                body.Append($"<tr><td>{alert.Kind}</td><td>{alert.Person ?? alert.Recipient ?? "-"}</td><td>{CasePage.Local(alert.DueAt, zone)}</td><td>{alert.State}{(alert.Error is { } error ? $": {error}" : "")}</td></tr>");
            }

            body.Append($"</tbody></table>");
        }

        if (mayChange)
        {
            body.Append($"""
                <form class="remind" method="post" action="{Layout.CasePath(view.RegistrationNumber)}/reminders">{Layout.AntiforgeryField(context)}
                <label>Remind on <input name="due" type="datetime-local" required></label>
                <label>About <input name="note" required placeholder="what to do then"></label> <button type="submit">Add reminder</button>
                <span class="meta">times in {zone.Id}</span></form>
                """);
        }

        body.Append($"</section>");
    }
}
