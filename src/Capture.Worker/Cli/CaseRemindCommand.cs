using System.CommandLine;
using System.Globalization;
using Archive.Store;
using Archive.Store.Cases;
using Capture.Worker.Hosting;
using Capture.Worker.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Capture.Worker.Cli;

/// <summary>
/// <c>capture case remind REG DATE --note TEXT [--by NAME]</c>: a handler sets a reminder on a case. The case is found
/// by <c>alert:due</c> once the date has passed, and the reminder is in its history.
/// </summary>
internal static class CaseRemindCommand
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm"];

    /// <summary>A day without a time means 09:00 that day, the start of a working day.</summary>
    private static readonly TimeSpan MorningOfTheDay = TimeSpan.FromHours(9);

    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var registration = new Argument<string>("registration-number") { Description = "The case's registration number, e.g. C-2026-000123." };
        var date = new Argument<string>("date") { Description = "When: 2026-12-24 (09:00 on the machine's clock), 2026-12-24T14:30, or with an offset such as 2026-12-24T14:30+01:00." };
        var note = new Option<string>("--note") { Description = "What to do then.", Required = true };
        var by = new Option<string>("--by") { Description = "Who sets it (default: the user running the command).", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("remind", "Set a reminder on a case; it is found by alert:due once the date has passed.") { registration, date, note, by };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            global.Settings(parseResult),
            parseResult.GetValue(registration)!,
            parseResult.GetValue(date)!,
            parseResult.GetValue(note)!,
            parseResult.GetValue(by)!,
            console,
            cancellationToken));
        return command;
    }

    /// <summary>The instant a person meant by <paramref name="text"/>, read on the machine's clock unless it has an offset.</summary>
    internal static DateTimeOffset? ParseDate(string text)
    {
        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var local))
        {
            var day = trimmed.Length == 10 ? local.Date + MorningOfTheDay : local;
            return new DateTimeOffset(day, TimeZoneInfo.Local.GetUtcOffset(day));
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && trimmed.Contains('T', StringComparison.Ordinal)
            ? instant
            : null;
    }

    private static async Task<int> RunAsync(CaptureHostSettings settings, string registrationNumber, string dateText, string note, string by, CliConsole console, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (ParseDate(dateText) is not { } dueAt)
        {
            await console.Error.WriteLineAsync($"capture case remind: '{dateText}' is not a date; write 2026-12-24, 2026-12-24T14:30 or 2026-12-24T14:30+01:00.").ConfigureAwait(false);
            return 1;
        }

        using var host = CaptureHostFactory.Build(settings);
        var store = host.Services.GetRequiredService<ArchiveStore>();
        CaseRecord updated;
        try
        {
            updated = store.SetReminder(registrationNumber, dueAt, note, by);
        }
        catch (CaseNotFoundException)
        {
            await console.Error.WriteLineAsync($"capture case remind: no case {registrationNumber} in {store.RootDirectory}").ConfigureAwait(false);
            return 1;
        }
        catch (ArgumentException ex)
        {
            await console.Error.WriteLineAsync($"capture case remind: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        host.Services.GetRequiredService<CaseIndexer>().Reindex(updated);
        await console.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Reminder set on {updated.RegistrationNumber} for {dueAt:yyyy-MM-dd HH:mm zzz}: {note.Trim()}")).ConfigureAwait(false);
        return 0;
    }
}
