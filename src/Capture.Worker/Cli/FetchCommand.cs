using System.CommandLine;
using Capture.Worker.Cli.Output;
using Capture.Worker.Hosting;
using Capture.Worker.Pipeline;
using Capture.Worker.Sources.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Capture.Worker.Cli;

/// <summary>
/// <c>capture fetch URL</c>: captures a mailbox once and exits (migrations, checks). It uses the service's readers and
/// intake ledger, so what it captured is never captured again by the service, and the other way round.
/// </summary>
internal static class FetchCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var url = new Argument<string>("url") { Description = "The mailbox: imap://user@host[:port]/FOLDER, imaps://…, pop3://user@host[:port] or pop3s://…" };
        var passwordVariable = new Option<string>("--password-env")
        {
            Description = "The environment variable holding the password (never put it in the URL).",
            Required = true,
        };
        var disposition = new Option<string>("--disposition")
        {
            Description = "What to do with captured messages on the server: none (default), seen, flag[:KEYWORD], move:FOLDER or delete.",
            DefaultValueFactory = _ => "none",
        };
        var security = new Option<MailSecurity?>("--security") { Description = "Override the URL's connection security: None, StartTls, StartTlsWhenAvailable or Tls." };
        var fingerprint = new Option<string?>("--trust-fingerprint") { Description = "Also accept a self-signed server certificate with this SHA-256 fingerprint (hex)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per message and line (as capture import --json)." };
        var command = new Command("fetch", "Capture a mailbox once (IMAP or POP3) and exit.") { url, passwordVariable, disposition, security, fingerprint, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            MailboxOptions account;
            try
            {
                account = MailboxUrl.Parse(parseResult.GetValue(url)!);
                account.Disposition = MailboxUrl.ParseDisposition(parseResult.GetValue(disposition) ?? "none");
            }
            catch (FormatException exception)
            {
                await console.Error.WriteLineAsync($"capture fetch: {exception.Message}").ConfigureAwait(false);
                return 1;
            }

            account.PasswordVariable = parseResult.GetValue(passwordVariable);
            account.Security = parseResult.GetValue(security) ?? account.Security;
            account.CertificateFingerprint = parseResult.GetValue(fingerprint);
            return await RunAsync(global.Settings(parseResult) with { CommitIndexWhenDone = true }, account, parseResult.GetValue(json), console, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(CaptureHostSettings settings, MailboxOptions account, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        var problems = account.Validate("fetch").ToList();
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await console.Error.WriteLineAsync($"capture fetch: {problem}").ConfigureAwait(false);
            }

            return 1;
        }

        using var host = CaptureHostFactory.Build(settings);
        var results = new List<CaptureResult>();
        await using var reader = host.Services.GetRequiredService<MailboxReaderFactory>().Create(account);
        try
        {
            await reader.PollAsync(async result =>
            {
                results.Add(result);
                if (json)
                {
                    await console.Output.WriteLineAsync(JsonLines.Serialize(CaptureResultViews.From(result))).ConfigureAwait(false);
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Network, TLS and sign-in failures are the operator's to fix; the server's words say how.
            await console.Error.WriteLineAsync($"capture fetch: {account.SourceName} ({account.Host}:{account.EffectivePort}) failed after {results.Count} message(s): {exception.Message}").ConfigureAwait(false);
            return 1;
        }

        // Everything captured becomes searchable now, not only when the host lets the index go.
        host.Services.GetRequiredService<CaseIndexer>().Flush();
        if (!json && results.Count > 0)
        {
            ImportReport.Write(console.Rich, results);
        }

        await console.Error.WriteLineAsync($"capture fetch: {results.Count} new message(s) read from {account.SourceName}.").ConfigureAwait(false);
        return results.Any(r => r.Outcome == CaptureOutcome.Quarantined) ? ImportCommand.SomeQuarantined : ImportCommand.Success;
    }
}
