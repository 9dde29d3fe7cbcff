using Archive.Store.Cases;
using Capture.Worker.Cases.Assignment;

namespace Capture.Worker.Notifications.Alerts;

/// <summary>
/// The recipients of alerts from the roster (<see cref="CaseRoster"/>): a login's e-mail, name and language, and the
/// supervisor of a case's team. A handler written as an e-mail address (a case assigned without a roster) receives at
/// that address.
/// </summary>
/// <param name="roster">The configured roster.</param>
public sealed class RosterHandlerDirectory(CaseRoster roster) : IHandlerDirectory
{
    /// <inheritdoc />
    public AlertRecipient? Find(string person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return roster.FindPerson(person) is { } known
            ? new AlertRecipient(known.Login, known.Email, known.Name, known.Language)
            : AlertRecipient.FromAddress(person);
    }

    /// <inheritdoc />
    public string? SupervisorOf(CaseRecord caseRecord) => roster.SupervisorOf(caseRecord)?.Login;
}
