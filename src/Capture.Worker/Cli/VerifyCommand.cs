using System.CommandLine;
using System.Globalization;
using Archive.Store;
using Archive.Store.Integrity;
using Capture.Worker.Cli.Output;
using Capture.Worker.Hosting;
using Capture.Worker.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Capture.Worker.Cli;

/// <summary>
/// <c>capture verify</c>: checks the whole archive (originals' SHA-256, every record's files, files without a record,
/// the registration numbering, the search index against the store). Exit code 0 when clean, 2 when it found problems.
/// </summary>
internal static class VerifyCommand
{
    public const int ProblemsFound = 2;

    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object per problem and line: kind, subject, message." };
        var command = new Command("verify", "Check the whole archive against its records and the search index against the archive; exit code 2 when anything is wrong.") { json };
        command.SetAction((parseResult, cancellationToken) => RunAsync(global.Settings(parseResult), parseResult.GetValue(json), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CaptureHostSettings settings, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        using var host = CaptureHostFactory.Build(settings);
        var store = host.Services.GetRequiredService<ArchiveStore>();
        var found = await Report(host.Services.GetRequiredService<ArchiveVerification>(), json, console, cancellationToken).ConfigureAwait(false);
        if (!json)
        {
            var verdict = found == 0 ? "no problems." : string.Create(CultureInfo.InvariantCulture, $"{found} problem(s).");
            await console.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Checked {store.CountCases()} case(s), {store.CountDocuments()} document(s) and the search index in {store.RootDirectory}: {verdict}")).ConfigureAwait(false);
        }

        return found == 0 ? 0 : ProblemsFound;
    }

    /// <summary>Prints every problem as it is found; returns how many there were.</summary>
    internal static async Task<int> Report(ArchiveVerification verification, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        var found = 0;
        foreach (var problem in verification.Run(cancellationToken))
        {
            found++;
            await console.Output.WriteLineAsync(json ? JsonLines.Serialize(ProblemView.From(problem)) : $"{Label(problem.Kind)}: {problem.Message}").ConfigureAwait(false);
        }

        return found;
    }

    private static string Label(ArchiveProblemKind kind) => kind switch
    {
        ArchiveProblemKind.AlteredOriginal => "ALTERED ORIGINAL",
        ArchiveProblemKind.MissingFile => "MISSING FILE",
        ArchiveProblemKind.OrphanFile => "FILE WITHOUT RECORD",
        ArchiveProblemKind.DocumentWithoutCase => "DOCUMENT WITHOUT CASE",
        ArchiveProblemKind.DuplicateRegistrationNumber => "DUPLICATE REGISTRATION NUMBER",
        ArchiveProblemKind.RegistrationGap => "REGISTRATION GAP",
        ArchiveProblemKind.RegistrationCounterBehind => "REGISTRATION COUNTER BEHIND",
        ArchiveProblemKind.QuarantineFileProblem => "QUARANTINE FILE",
        ArchiveProblemKind.MissingIndexEntry => "NOT IN SEARCH INDEX",
        ArchiveProblemKind.UnknownIndexEntry => "UNKNOWN IN SEARCH INDEX",
        _ => "STALE IN SEARCH INDEX",
    };

    /// <summary>A problem as <c>--json</c> prints it; <c>kind</c> in kebab case (<c>altered-original</c>).</summary>
    internal sealed record ProblemView(string Kind, string Subject, string Message)
    {
        public static ProblemView From(ArchiveProblem problem) =>
            new(string.Concat(problem.Kind.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString())), problem.Subject, problem.Message);
    }
}
