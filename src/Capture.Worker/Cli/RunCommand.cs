using System.CommandLine;
using Capture.Web.Hosting;
using Capture.Worker.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Cli;

/// <summary><c>capture run</c>: the service. Watches the configured drop folders and mailboxes until stopped (Ctrl+C or SIGTERM).</summary>
internal static class RunCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var drops = new Option<string[]>("--drop")
        {
            Description = "A drop folder to watch, in addition to DropFolders in configuration (repeatable).",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("run", "Run the capture service: watch drop folders and mailboxes and capture what arrives.") { drops };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = global.Settings(parseResult, service: true) with { ExtraDropFolders = parseResult.GetValue(drops) ?? [] };
            return RunAsync(settings, console, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CaptureHostSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        using var host = CaptureHostFactory.Build(settings);
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (host is WebApplication && WebBindFailure.Describe(ex, host.Services.GetRequiredService<IOptions<WebOptions>>().Value.Urls) is { } message)
        {
            await console.Error.WriteLineAsync($"capture run: {message}").ConfigureAwait(false);
            return 1;
        }

        await console.Error.WriteLineAsync("capture run: watching drop folders and mailboxes; press Ctrl+C to stop.").ConfigureAwait(false);
        if (host is WebApplication web)
        {
            await console.Error.WriteLineAsync($"capture run: web UI and API on {string.Join(", ", web.Urls)} (sign in with a user from Web:Users).").ConfigureAwait(false);
        }

        await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
