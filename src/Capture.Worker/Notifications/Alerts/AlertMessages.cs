using System.Globalization;
using System.Text;
using Archive.Store;
using Archive.Store.Alerts;
using Archive.Store.Cases;
using MimeKit;

namespace Capture.Worker.Notifications.Alerts;

/// <summary>
/// Writes an alert's e-mail: the subject carries the registration number in brackets and the kind
/// (<c>[C-2026-000123] Przypomnienie: …</c>), the plain-text body a summary of the case, in the recipient's language.
/// The message is written again from the record and the case each time it is sent, with the record's Message-ID.
/// </summary>
public sealed class AlertMessages(ArchiveStore store, ICaseDeadlines deadlines, SmtpMailSender sender, TimeProvider time)
{
    private const int SubjectDetailLength = 60;

    /// <summary>The message for <paramref name="alert"/>.</summary>
    /// <param name="alert">A claimed alert with a recipient.</param>
    /// <returns>The message, or null when its case no longer exists.</returns>
    public MimeMessage? Compose(CaseAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var texts = AlertTexts.For(alert.Language);
        string subject;
        string body;
        if (alert.Kind == AlertKind.Digest)
        {
            (subject, body) = Digest(alert, texts);
        }
        else
        {
            if (store.FindCaseById(alert.CaseId ?? "") is not { } caseRecord)
            {
                return null;
            }

            var detail = alert.Kind == AlertKind.Reminder ? alert.Note : caseRecord.Subject;
            subject = $"[{caseRecord.RegistrationNumber}] {texts.Title(alert.Kind)}" + (string.IsNullOrWhiteSpace(detail) ? "" : ": " + Shorten(detail));
            body = CaseBody(alert, caseRecord, texts);
        }

        var message = sender.NewMessage();
        if (alert.MessageId is { } messageId)
        {
            message.MessageId = messageId;
        }

        message.To.Add(new MailboxAddress(alert.RecipientName ?? "", alert.Recipient ?? throw new ArgumentException($"Alert {alert.Key} has no recipient.", nameof(alert))));
        message.Subject = subject;
        var text = new TextPart("plain") { Text = body };
        text.Headers.Add(HeaderId.ContentLanguage, alert.Language);
        message.Body = text;
        return message;
    }

    private string CaseBody(CaseAlert alert, CaseRecord caseRecord, AlertTexts texts)
    {
        var text = new StringBuilder();
        text.AppendLine(Format(texts.Intro(alert.Kind), caseRecord.RegistrationNumber, alert.DeadlineAt is { } end ? Local(end) : ""));
        if (alert.Kind == AlertKind.Reminder)
        {
            text.AppendLine().AppendLine(alert.Note);
        }

        text.AppendLine();
        Line(text, texts.Case, caseRecord.RegistrationNumber);
        Line(text, texts.Subject, caseRecord.Subject);
        Line(text, texts.Customer, string.Join(" ", new[] { caseRecord.ContactName, caseRecord.ContactEmail is { } email ? $"<{email}>" : null }.OfType<string>()));
        Line(text, texts.Category, caseRecord.Category.ToString());
        Line(text, texts.Status, caseRecord.Status.ToString());
        Line(text, texts.Received, Local(caseRecord.ReceivedAt));
        Line(text, texts.Handler, caseRecord.Handler ?? texts.Nobody);
        if (deadlines.Find(caseRecord) is { } deadline)
        {
            Line(text, texts.Deadline, Local(deadline.DueAt));
        }

        if (alert.Kind == AlertKind.Reminder)
        {
            Line(text, texts.Note, alert.Note);
        }

        return text.AppendLine().AppendLine("-- ").AppendLine(texts.Footer).ToString();
    }

    private (string Subject, string Body) Digest(CaseAlert alert, AlertTexts texts)
    {
        var now = time.GetUtcNow();
        var date = TimeZoneInfo.ConvertTime(alert.DueAt, time.LocalTimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var cases = CaseUrgency.Order(
            store.ListOpenCases().Where(c => string.Equals(c.Handler, alert.Person, StringComparison.OrdinalIgnoreCase)),
            deadlines,
            now);
        var text = new StringBuilder().AppendLine(Format(texts.DigestIntro, "", date)).AppendLine();
        if (cases.Count == 0)
        {
            text.AppendLine(texts.DigestEmpty);
        }

        foreach (var urgency in cases)
        {
            var caseRecord = urgency.Case;
            var state = urgency.Level switch
            {
                UrgencyLevel.Missed => $"{texts.Missed} {Local(urgency.DueAt!.Value)}",
                UrgencyLevel.AtRisk => $"{texts.AtRisk} {Local(urgency.DueAt!.Value)}",
                UrgencyLevel.Due => $"{texts.Due} {Local(urgency.DueAt!.Value)}",
                UrgencyLevel.Paused => texts.Paused,
                _ => caseRecord.WaitingSince is { } since ? $"{texts.WaitingSince} {Local(since)}" : caseRecord.Status.ToString(),
            };
            text.AppendLine(CultureInfo.InvariantCulture, $"{caseRecord.RegistrationNumber}  [{state}]  {caseRecord.Subject}");
        }

        text.AppendLine().AppendLine("-- ").AppendLine(texts.Footer);
        return ($"{texts.Digest} {date}: {cases.Count}", text.ToString());
    }

    private string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, time.LocalTimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Format(string template, string registrationNumber, string date) =>
        string.Format(CultureInfo.InvariantCulture, template, registrationNumber, date);

    private static void Line(StringBuilder text, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append(label).Append(": ").AppendLine(value);
        }
    }

    private static string Shorten(string detail)
    {
        var line = detail.ReplaceLineEndings(" ").Trim();
        return line.Length <= SubjectDetailLength ? line : line[..(SubjectDetailLength - 1)].TrimEnd() + "…";
    }
}
