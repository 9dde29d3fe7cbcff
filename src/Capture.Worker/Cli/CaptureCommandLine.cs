using System.CommandLine;
using Archive.Search;
using Archive.Store;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Cli;

/// <summary>The <c>capture</c> command line: <c>run</c>, <c>import</c>, <c>fetch</c>, <c>search</c>, <c>reindex</c>, <c>case show|classify</c>, <c>triage</c>, <c>contact</c>, <c>train</c>, <c>quarantine list|retry</c>, <c>eval</c>, <c>verify</c>, <c>backup</c>, <c>restore</c> and <c>web hash-password</c>.</summary>
public static class CaptureCommandLine
{
    /// <summary>Parses <paramref name="args"/> and runs the command, writing to the given writers.</summary>
    /// <returns>The process exit code.</returns>
    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        InvokeAsync(args, output, error, new Dictionary<string, string?>(), cancellationToken);

    /// <summary>As above, with configuration values that take precedence over files and environment (used by tests).</summary>
    public static Task<int> InvokeAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        IReadOnlyDictionary<string, string?> configuration,
        CancellationToken cancellationToken = default) =>
        InvokeAsync(args, new CliConsole(output, error), configuration, cancellationToken);

    /// <summary>As above, reading standard input from <paramref name="input"/> (used by tests).</summary>
    public static Task<int> InvokeAsync(
        string[] args,
        TextReader input,
        TextWriter output,
        TextWriter error,
        IReadOnlyDictionary<string, string?> configuration,
        CancellationToken cancellationToken = default) =>
        InvokeAsync(args, new CliConsole(output, error, input), configuration, cancellationToken);

    private static async Task<int> InvokeAsync(
        string[] args,
        CliConsole console,
        IReadOnlyDictionary<string, string?> configuration,
        CancellationToken cancellationToken)
    {
        var output = console.Output;
        var error = console.Error;
        var root = Create(console, configuration);
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await root.Parse(args).InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException ex)
        {
            // A wrong setting is the operator's to fix: say which key and how, without a stack trace.
            foreach (var failure in ex.Failures)
            {
                await error.WriteLineAsync($"capture: invalid configuration: {failure}").ConfigureAwait(false);
            }

            return 1;
        }
        catch (Exception ex) when (ex is ArchiveUnavailableException or SearchIndexUnavailableException)
        {
            await error.WriteLineAsync($"capture: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("capture: cancelled.").ConfigureAwait(false);
            return 130;
        }
    }

    /// <summary>Builds the command tree.</summary>
    public static RootCommand Create(CliConsole console, IReadOnlyDictionary<string, string?> configuration)
    {
        var global = new GlobalOptions(configuration);
        var root = new RootCommand(
            "Capture: captures complaints, suggestions and thank-you letters from drop folders and mailboxes, " +
            "classifies them, opens cases and files them into a searchable archive.");
        global.AddTo(root);
        root.Subcommands.Add(RunCommand.Create(global, console));
        root.Subcommands.Add(ImportCommand.Create(global, console));
        root.Subcommands.Add(FetchCommand.Create(global, console));
        root.Subcommands.Add(SearchCommand.Create(global, console));
        root.Subcommands.Add(ReindexCommand.Create(global, console));
        root.Subcommands.Add(CaseCommand.Create(global, console));
        root.Subcommands.Add(EvalCommand.Create(global, console));
        root.Subcommands.Add(TriageCommand.Create(global, console));
        root.Subcommands.Add(ContactCommand.Create(global, console));
        root.Subcommands.Add(ReportCommand.Create(global, console));
        root.Subcommands.Add(TrainCommand.Create(global, console));
        root.Subcommands.Add(QuarantineCommand.Create(global, console));
        root.Subcommands.Add(VerifyCommand.Create(global, console));
        root.Subcommands.Add(BackupCommand.Create(global, console));
        root.Subcommands.Add(RestoreCommand.Create(global, console));
        root.Subcommands.Add(WebCommand.Create(console));
        return root;
    }
}
