using Archive.Store.Cases;

namespace Capture.Web.Pages;

/// <summary>
/// The case page's contact: the customer's details as known now, how they changed (by which capture or person), and
/// for those who may change the case a form to correct them.
/// </summary>
internal static class CaseContactSection
{
    public static void Write(HttpContext context, Html body, ArchiveStore store, CaseRecord record, bool mayChange)
    {
        body.Append($"<section class=\"contact\"><h2>Contact</h2>");
        if ((record.ContactEmail is { } email ? store.FindContact(email) : null) is not { } contact)
        {
            body.Append($"<p>No contact record: the capture gave no e-mail address.</p></section>");
            return;
        }

        if (mayChange)
        {
            body.Append($"""
                <form class="contact" method="post" action="{Layout.CasePath(record.RegistrationNumber)}/contact">{Layout.AntiforgeryField(context)}
                <span>{contact.Email}</span>
                <label>Name <input name="name" value="{contact.Name}"></label>
                <label>Phone <input name="phone" value="{contact.Phone}"></label>
                <label>Address <input name="address" value="{contact.Address}"></label>
                <label>Postcode <input name="postcode" value="{contact.Postcode}" size="8"></label>
                <button type="submit">Save the contact</button> <span class="meta">Empty a field to clear it.</span></form>
                """);
        }
        else
        {
            body.Append($"""
                <dl class="case"><dt>E-mail</dt><dd>{contact.Email}</dd><dt>Name</dt><dd>{contact.Name ?? "-"}</dd><dt>Phone</dt><dd>{contact.Phone ?? "-"}</dd>
                <dt>Address</dt><dd>{contact.Address ?? "-"} {contact.Postcode ?? ""}</dd></dl>
                """);
        }

        var (_, changes) = store.GetContactHistory(contact.Id);
        body.Append($"<table class=\"contact-history\"><thead><tr><th>When</th><th>Detail</th><th>Was</th><th>Now</th><th>From</th></tr></thead><tbody>");
        foreach (var change in changes)
        {
            body.Append($"<tr><td>{CasePage.Local(change.At, store.DeadlineTimeZone)}</td><td>{change.Field}</td><td>{change.OldValue ?? "-"}</td><td>{change.NewValue ?? "cleared"}</td><td>{change.By ?? "capture"} ({change.RegistrationNumber})</td></tr>");
        }

        body.Append($"</tbody></table></section>");
    }
}
