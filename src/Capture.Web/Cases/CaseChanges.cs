using System.Globalization;
using System.Security.Claims;
using Archive.Store.Cases;
using Archive.Store.Contacts;
using Microsoft.AspNetCore.Authorization;

namespace Capture.Web.Cases;

/// <summary>
/// A person's change to a case from a page or the API: checks that they may change this case, applies it through
/// <see cref="ICaseUpdates"/> with their login as who decided, and says how it went in HTTP terms.
/// </summary>
internal sealed class CaseChanges(ArchiveStore store, ICaseUpdates updates, IAuthorizationService authorization)
{
    public async Task<CaseChangeOutcome> ChangeStatusAsync(ClaimsPrincipal user, string registrationNumber, string? statusWord, string? note)
    {
        if (statusWord is null || !ArchiveWords.Statuses.TryGetValue(statusWord.Trim(), out var status))
        {
            return CaseChangeOutcome.Fail(StatusCodes.Status400BadRequest, $"'{statusWord}' is not a status; use one of {string.Join(", ", ArchiveWords.Statuses.Keys)}.");
        }

        return await ApplyAsync(user, registrationNumber, (reg, by) => updates.ChangeStatus(reg, status, by, Note(note))).ConfigureAwait(false);
    }

    public Task<CaseChangeOutcome> AssignAsync(ClaimsPrincipal user, string registrationNumber, string? assignee, string? note)
    {
        if (string.IsNullOrWhiteSpace(assignee))
        {
            return Task.FromResult(CaseChangeOutcome.Fail(StatusCodes.Status400BadRequest, "Say whom to give the case to: a login, or team:NAME."));
        }

        // Assigning is checked by its endpoint's policy (supervisors and admins), who may change any case.
        return ApplyAsync(user, registrationNumber, (reg, by) => updates.Assign(reg, assignee.Trim(), by, Note(note)));
    }

    /// <summary>A reminder at <paramref name="dueText"/> (<c>yyyy-MM-ddTHH:mm</c>, as a date-time box sends it), read in the archive's deadline time zone.</summary>
    public Task<CaseChangeOutcome> SetReminderAsync(ClaimsPrincipal user, string registrationNumber, string? dueText, string? note)
    {
        if (!DateTime.TryParseExact(dueText?.Trim(), ReminderFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return Task.FromResult(CaseChangeOutcome.Fail(StatusCodes.Status400BadRequest, $"'{dueText}' is not a date and time; give one such as 2026-12-24T09:00."));
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return Task.FromResult(CaseChangeOutcome.Fail(StatusCodes.Status400BadRequest, "Say what to do when the reminder falls due."));
        }

        var zone = store.DeadlineTimeZone;
        var dueAt = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return ApplyAsync(user, registrationNumber, (reg, by) => updates.SetReminder(reg, dueAt, note.Trim(), by));
    }

    /// <summary>Corrects the category to <paramref name="categoryWord"/> (complaint, suggestion or thanks).</summary>
    public Task<CaseChangeOutcome> ReclassifyAsync(ClaimsPrincipal user, string registrationNumber, string? categoryWord, string? note)
    {
        if (!Categories.TryGetValue(categoryWord?.Trim() ?? "", out var category))
        {
            return Task.FromResult(CaseChangeOutcome.Fail(StatusCodes.Status400BadRequest, $"'{categoryWord}' is not a category; use one of {string.Join(", ", Categories.Keys)}."));
        }

        return ApplyAsync(user, registrationNumber, (reg, by) => updates.Reclassify(reg, category, by, Note(note)));
    }

    /// <summary>Corrects the case's contact details; a null field keeps what is known, an empty one clears it.</summary>
    public Task<CaseChangeOutcome> EditContactAsync(ClaimsPrincipal user, string registrationNumber, ContactEdit edit)
    {
        if (store.FindCase(registrationNumber) is { } record && (record.ContactEmail is not { } email || store.FindContact(email) is null))
        {
            return Task.FromResult(CaseChangeOutcome.Fail(StatusCodes.Status409Conflict, $"{record.RegistrationNumber} has no contact to correct: its capture gave no e-mail address."));
        }

        return ApplyAsync(user, registrationNumber, (reg, by) => updates.EditContact(reg, edit, by));
    }

    /// <summary>The categories a person may give a case (never back to unclassified).</summary>
    public static IReadOnlyDictionary<string, CaseCategory> Categories { get; } = new[] { CaseCategory.Complaint, CaseCategory.Suggestion, CaseCategory.Thanks }
        .ToDictionary(ArchiveWords.Word, StringComparer.OrdinalIgnoreCase);

    private static readonly string[] ReminderFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"];

    /// <summary>The case when <paramref name="user"/> may change it; otherwise why not (404, 403).</summary>
    public async Task<(CaseRecord? Case, CaseChangeOutcome? Refusal)> FindChangeableAsync(ClaimsPrincipal user, string registrationNumber)
    {
        var record = store.FindCase(registrationNumber);
        if (record is null)
        {
            return (null, CaseChangeOutcome.Fail(StatusCodes.Status404NotFound, $"There is no case {registrationNumber}."));
        }

        return await MayChangeAsync(user, record).ConfigureAwait(false)
            ? (record, null)
            : (null, CaseChangeOutcome.Fail(StatusCodes.Status403Forbidden, $"{record.RegistrationNumber} is handled by {record.Handler ?? "nobody"}; a handler may change only their own cases."));
    }

    /// <summary>Whether <paramref name="user"/> may change <paramref name="record"/>: a handler their own cases, supervisors and admins any.</summary>
    public async Task<bool> MayChangeAsync(ClaimsPrincipal user, CaseRecord record) =>
        (await authorization.AuthorizeAsync(user, record, WebPolicies.ChangeThisCase).ConfigureAwait(false)).Succeeded;

    private async Task<CaseChangeOutcome> ApplyAsync(ClaimsPrincipal user, string registrationNumber, Func<string, string, CaseRecord> change)
    {
        var (record, refusal) = await FindChangeableAsync(user, registrationNumber).ConfigureAwait(false);
        if (record is null)
        {
            return refusal!;
        }

        try
        {
            return new CaseChangeOutcome(StatusCodes.Status200OK, null, change(record.RegistrationNumber, user.FindFirstValue(ClaimTypes.Name)!), []);
        }
        catch (CaseNotFoundException)
        {
            return CaseChangeOutcome.Fail(StatusCodes.Status404NotFound, $"There is no case {registrationNumber}.");
        }
        catch (StatusChangeRefusedException ex)
        {
            var moves = CaseLifecycle.AllowedFrom(record.Status).Select(ArchiveWords.Word).ToList();
            return new CaseChangeOutcome(StatusCodes.Status409Conflict, ex.Message, null, moves);
        }
        catch (ArgumentException ex)
        {
            return CaseChangeOutcome.Fail(StatusCodes.Status400BadRequest, ex.Message);
        }
    }

    private static string? Note(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}

/// <summary>How a change went: 200 with the updated case, or the status code and a message for the person (409 with the allowed moves).</summary>
internal sealed record CaseChangeOutcome(int StatusCode, string? Message, CaseRecord? Case, IReadOnlyList<string> AllowedMoves)
{
    public static CaseChangeOutcome Fail(int statusCode, string message) => new(statusCode, message, null, []);
}
