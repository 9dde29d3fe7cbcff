using Archive.Store.Cases;
using Archive.Store.Contacts;

namespace Capture.Web.Cases;

/// <summary>
/// The changes people make to cases from the web, implemented by the host (Capture.Worker): it applies them to the
/// store, resolves logins and teams against its roster, and re-indexes the case so searches see the change at once.
/// </summary>
public interface ICaseUpdates
{
    /// <summary>Moves a case to <paramref name="status"/>; recorded in its history as decided by <paramref name="by"/>.</summary>
    /// <exception cref="CaseNotFoundException">No case has that registration number.</exception>
    /// <exception cref="StatusChangeRefusedException">The lifecycle does not allow the move.</exception>
    CaseRecord ChangeStatus(string registrationNumber, CaseStatus status, string by, string? note);

    /// <summary>Gives a case to <paramref name="user"/> (a login, or <c>team:NAME</c>).</summary>
    /// <exception cref="CaseNotFoundException">No case has that registration number.</exception>
    /// <exception cref="ArgumentException">The login or team is not known; the message names the known ones.</exception>
    CaseRecord Assign(string registrationNumber, string user, string by, string? note);

    /// <summary>Sets a reminder on a case for <paramref name="dueAt"/>; the case is found by <c>alert:due</c> once it has passed.</summary>
    /// <exception cref="CaseNotFoundException">No case has that registration number.</exception>
    /// <exception cref="ArgumentException"><paramref name="note"/> is blank.</exception>
    CaseRecord SetReminder(string registrationNumber, DateTimeOffset dueAt, string note, string by);

    /// <summary>Corrects a case's category; the correction is kept as a training example for the classifier.</summary>
    /// <exception cref="CaseNotFoundException">No case has that registration number.</exception>
    /// <exception cref="ArgumentException"><paramref name="category"/> is unclassified.</exception>
    CaseRecord Reclassify(string registrationNumber, CaseCategory category, string by, string? note);

    /// <summary>Corrects the details of the case's contact, with history; the case takes the new name.</summary>
    /// <exception cref="CaseNotFoundException">No case has that registration number.</exception>
    /// <exception cref="InvalidOperationException">The case has no contact (no e-mail address).</exception>
    CaseRecord EditContact(string registrationNumber, ContactEdit edit, string by);
}
