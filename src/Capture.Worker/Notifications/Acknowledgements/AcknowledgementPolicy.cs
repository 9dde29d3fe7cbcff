using System.Text.RegularExpressions;
using Archive.Store.Cases;
using Capture.Classifier.Metadata;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Capture.Worker.Notifications.Acknowledgements;

/// <summary>
/// Decides, when a case opens, whether its customer gets an acknowledgement: only a person's e-mail address that
/// answers. Machine-sent mail (bounces, automatic replies, read receipts) never opens a case, so it is never
/// acknowledged; this guards the address itself: none, a robot mailbox (no-reply, mailer-daemon, postmaster...), the
/// company's own domains (<see cref="MetadataOptions.CompanyDomains"/>) or Capture's own sender would each start a
/// loop or write to nobody. The decision is stored with the case, with the reason when it is no.
/// </summary>
public sealed partial class AcknowledgementPolicy
{
    private readonly AcknowledgementOptions _options;
    private readonly string[] _companyDomains;
    private readonly string _ownAddress;

    public AcknowledgementPolicy(IOptions<AcknowledgementOptions> options, IOptions<MetadataOptions> metadata, IOptions<SmtpOptions> smtp)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(smtp);
        _options = options.Value;
        _companyDomains = [.. metadata.Value.CompanyDomains.Select(d => d.Trim().TrimStart('@')).Where(d => d.Length > 0)];
        _ownAddress = smtp.Value.From.Trim();
    }

    /// <summary>
    /// The acknowledgement for a new case whose customer wrote from (or gave) <paramref name="contactEmail"/>: to send,
    /// skipped with a reason, or null when acknowledgements are off (then nothing is recorded).
    /// </summary>
    /// <param name="contactEmail">The customer's address as capture found it.</param>
    /// <param name="isMail">True for an e-mail; false for scanned letters and other files.</param>
    /// <param name="writtenByCompany">True when a person of the company wrote the message (e.g. a first message to the customer copied to the capture mailbox): nobody wrote to the company, so there is nothing to acknowledge.</param>
    public CaseAcknowledgement? Decide(string? contactEmail, bool isMail, bool writtenByCompany = false)
    {
        if (!_options.Enabled)
        {
            return null;
        }

        var address = contactEmail?.Trim();
        if (writtenByCompany)
        {
            return CaseAcknowledgement.NotSent(address, "the message that opened the case was written by the company (a staff address in Metadata:CompanyDomains), not by the customer.");
        }

        if (!isMail && !_options.ForLetters)
        {
            return CaseAcknowledgement.NotSent(address, $"the case came from a letter or file, not an e-mail, and {AcknowledgementOptions.SectionName}:{nameof(AcknowledgementOptions.ForLetters)} is off.");
        }

        if (string.IsNullOrEmpty(address))
        {
            return CaseAcknowledgement.NotSent(null, "no e-mail address of the customer is known.");
        }

        var parsed = MailboxAddress.TryParse(address, out var mailbox) ? mailbox.Address : "";
        var at = parsed.LastIndexOf('@');
        if (at <= 0 || at == parsed.Length - 1)
        {
            return CaseAcknowledgement.NotSent(address, $"'{address}' is not a usable e-mail address.");
        }

        var localPart = parsed[..at];
        var domain = parsed[(at + 1)..];
        if (RobotMailbox().IsMatch(localPart))
        {
            return CaseAcknowledgement.NotSent(address, $"{address} is an automatic mailbox that nobody reads.");
        }

        if (_companyDomains.Any(own => domain.Equals(own, StringComparison.OrdinalIgnoreCase) || domain.EndsWith("." + own, StringComparison.OrdinalIgnoreCase)))
        {
            return CaseAcknowledgement.NotSent(address, $"{address} is in one of the company's own domains (Metadata:CompanyDomains).");
        }

        if (parsed.Equals(_ownAddress, StringComparison.OrdinalIgnoreCase))
        {
            return CaseAcknowledgement.NotSent(address, $"{address} is Capture's own sender address (Smtp:From).");
        }

        return CaseAcknowledgement.ToSend(parsed);
    }

    /// <summary>Local parts of mailboxes that are robots: answering them is at best lost, at worst a mail loop.</summary>
    [GeneratedRegex(@"^(?:no-?reply|do-?not-?reply|donotreply|nie-?odpowiadaj|ne-?valaszolj|mailer-daemon|postmaster|bounces?|auto-?reply|autoresponder|notifications?|listserv|majordomo|owner-.+|.+-(?:owner|request|bounces?))(?:[+._\-].*)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex RobotMailbox();
}
