using Archive.Store.Cases;
using MimeKit;

namespace Capture.Worker.Notifications.Alerts;

/// <summary>Who receives alerts: a person's address and language, and who a case escalates to.</summary>
/// <remarks>
/// A seam for the roster of people and teams (the assignment work): until it is wired in,
/// <see cref="AddressHandlerDirectory"/> takes a handler written as an e-mail address as its own recipient and knows no
/// supervisors.
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
public sealed record AlertRecipient(string Person, string Address, string? DisplayName, string? Language);

/// <summary>The directory without a roster: a person written as an e-mail address receives at that address; nobody else is known.</summary>
public sealed class AddressHandlerDirectory : IHandlerDirectory
{
    /// <inheritdoc />
    public AlertRecipient? Find(string person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return MailboxAddress.TryParse(person.Trim(), out var address) && address.Address.Contains('@', StringComparison.Ordinal)
            ? new AlertRecipient(person, address.Address, string.IsNullOrWhiteSpace(address.Name) ? null : address.Name, null)
            : null;
    }

    /// <inheritdoc />
    public string? SupervisorOf(CaseRecord caseRecord) => null;
}
