using Archive.Store.Cases;
using MimeKit;

namespace Capture.Worker.Notifications.Alerts;

/// <summary>Who receives alerts: a person's address and language, and who a case escalates to.</summary>
/// <remarks>
/// The alerts ask through this interface rather than the roster itself so that planning and sending depend only on
/// what they need; <see cref="RosterHandlerDirectory"/> answers from the configured roster.
/// </remarks>
public interface IHandlerDirectory
{
    /// <summary>The recipient for a person named on a case (a login or an e-mail address).</summary>
    /// <param name="person">The login or address.</param>
    /// <returns>The recipient, or null when the person has no known address.</returns>
    AlertRecipient? Find(string person);

    /// <summary>Who a missed deadline of this case escalates to: the supervisor of the case's team.</summary>
    /// <param name="caseRecord">The case.</param>
    /// <returns>The supervisor's login or address, or null when the case has no team or the team no supervisor.</returns>
    string? SupervisorOf(CaseRecord caseRecord);
}

/// <summary>A person alerts are sent to.</summary>
/// <param name="Person">The login or address the case names them by.</param>
/// <param name="Address">Their e-mail address.</param>
/// <param name="DisplayName">Their name, if known.</param>
/// <param name="Language">Their language (<c>pl</c>, <c>hu</c>, <c>en</c>), if the roster says; otherwise <see cref="AlertOptions.Language"/>.</param>
public sealed record AlertRecipient(string Person, string Address, string? DisplayName, string? Language)
{
    /// <summary>The recipient for a person written as an e-mail address (<c>Name &lt;address&gt;</c> or a bare address).</summary>
    /// <param name="person">What the case or the settings name them by.</param>
    /// <returns>The recipient, or null when it is not an e-mail address.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="person"/> is null.</exception>
    public static AlertRecipient? FromAddress(string person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return MailboxAddress.TryParse(person.Trim(), out var address) && address.Address.Contains('@', StringComparison.Ordinal)
            ? new AlertRecipient(person, address.Address, string.IsNullOrWhiteSpace(address.Name) ? null : address.Name, null)
            : null;
    }
}
