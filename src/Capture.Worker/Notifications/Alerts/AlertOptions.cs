using MimeKit;

namespace Capture.Worker.Notifications.Alerts;

/// <summary>
/// Alert e-mails to case handlers, bound from the <c>Alerts</c> configuration section. They are sent through the
/// <c>Smtp</c> server; with no server configured, no alert is planned or sent.
/// </summary>
public sealed class AlertOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Alerts";

    /// <summary>The languages alert texts exist in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["pl", "hu", "en"];

    /// <summary>Whether <c>capture run</c> sends alerts. Default true (it still needs <c>Smtp:Host</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the service looks for alerts to send. Default one minute.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether each handler gets a daily list of their open cases. Default true.</summary>
    public bool Digest { get; set; } = true;

    /// <summary>The local time of day (the clock's time zone) from which the day's digest is sent. Default 07:30.</summary>
    public TimeSpan DigestTime { get; set; } = new(7, 30, 0);

    /// <summary>The language of alerts to a person whose roster entry names none: <c>pl</c>, <c>hu</c> or <c>en</c>. Default <c>pl</c>.</summary>
    public string Language { get; set; } = "pl";

    /// <summary>
    /// Where alerts about a case nobody handles go (e.g. the team's shared mailbox), and a missed deadline whose team has no
    /// supervisor. Empty: such alerts are recorded as skipped, with the reason, on the case.
    /// </summary>
    public string? FallbackRecipient { get; set; }

    /// <summary>
    /// How long an alert may wait for the mail server (down, or deferring it) before it is recorded as failed instead of
    /// sent late. Default one day.
    /// </summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The problems with these settings, each naming the key and the fix; none when alerts are off.</summary>
    public IEnumerable<string> Validate()
    {
        if (!Enabled)
        {
            yield break;
        }

        if (Interval < TimeSpan.FromSeconds(10) || Interval > TimeSpan.FromHours(1))
        {
            yield return $"{SectionName}:{nameof(Interval)} is {Interval}; use a time between 00:00:10 and 01:00:00, e.g. 00:01:00.";
        }

        if (GiveUpAfter < TimeSpan.FromMinutes(10) || GiveUpAfter > TimeSpan.FromDays(30))
        {
            yield return $"{SectionName}:{nameof(GiveUpAfter)} is {GiveUpAfter}; use a time between 00:10:00 and 30.00:00:00, e.g. 1.00:00:00.";
        }

        if (DigestTime < TimeSpan.Zero || DigestTime >= TimeSpan.FromDays(1))
        {
            yield return $"{SectionName}:{nameof(DigestTime)} is {DigestTime}; use a time of day from 00:00 to 23:59, e.g. 07:30.";
        }

        if (!Languages.Contains(Language))
        {
            yield return $"{SectionName}:{nameof(Language)} is '{Language}'; use one of {string.Join(", ", Languages)}.";
        }

        if (!string.IsNullOrWhiteSpace(FallbackRecipient) &&
            (!MailboxAddress.TryParse(FallbackRecipient, out var fallback) || !fallback.Address.Contains('@', StringComparison.Ordinal)))
        {
            yield return $"{SectionName}:{nameof(FallbackRecipient)} is '{FallbackRecipient}'; set an e-mail address such as zespol@shop.pl, or leave it empty to record such alerts as skipped.";
        }
    }
}
