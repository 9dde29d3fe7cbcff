using System.CommandLine;
using Capture.Worker.Cli.Output;
using Capture.Worker.Hosting;
using Capture.Worker.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Capture.Worker.Cli;

/// <summary><c>capture import PATH...</c>: captures files and folders once, leaving the sources where they are.</summary>
internal static class ImportCommand
{
    /// <summary>Exit code when every item was captured (or was a duplicate).</summary>
    public const int Success = 0;

    /// <summary>Exit code when at least one item was quarantined: look at the reasons.</summary>
    public const int SomeQuarantined = 2;

    private const int ProgressThreshold = 5;

    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders to capture (folders are read recursively; hidden files are skipped).",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per item and line instead of a table." };
        var command = new Command("import", "Capture files or folders once through the whole pipeline.") { paths, json };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            global.Settings(parseResult) with { CommitIndexWhenDone = true },
            parseResult.GetValue(paths) ?? [],
            parseResult.GetValue(json),
            console,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CaptureHostSettings settings, string[] paths, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        var files = ImportFileSet.Expand(paths, out var missing);
        foreach (var path in missing)
        {
            await console.Error.WriteLineAsync($"capture import: {path}: no such file or folder").ConfigureAwait(false);
        }

        if (files.Count == 0)
        {
            await console.Error.WriteLineAsync("capture import: nothing to import.").ConfigureAwait(false);
            return 1;
        }

        using var host = CaptureHostFactory.Build(settings);
        var pipeline = host.Services.GetRequiredService<CapturePipeline>();
        var parallelism = host.Services.GetRequiredService<IOptions<CaptureOptions>>().Value.EffectiveParallelism;
        var items = files.Select(f => CaptureItem.ForFile(f, "import")).ToList();

        var results = new List<CaptureResult>(items.Count);
        using var reporting = new SemaphoreSlim(1, 1);
        async ValueTask CaptureOne(CaptureItem item, CancellationToken token, Action? advance)
        {
            var result = await pipeline.CaptureAsync(item, token).ConfigureAwait(false);
            await reporting.WaitAsync(token).ConfigureAwait(false);
            try
            {
                results.Add(result);
                if (json)
                {
                    await console.Output.WriteLineAsync(JsonLines.Serialize(CaptureResultViews.From(result))).ConfigureAwait(false);
                }
            }
            finally
            {
                reporting.Release();
            }

            advance?.Invoke();
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        if (!json && console.IsInteractive && items.Count > ProgressThreshold)
        {
            await console.Rich.Progress().AutoClear(true).StartAsync(async context =>
            {
                var task = context.AddTask($"Capturing {items.Count} items", maxValue: items.Count);
                await Parallel.ForEachAsync(items, parallel, (item, token) => CaptureOne(item, token, () => task.Increment(1))).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        else
        {
            await Parallel.ForEachAsync(items, parallel, (item, token) => CaptureOne(item, token, null)).ConfigureAwait(false);
        }

        // Everything captured becomes searchable now, not only when the host lets the index go.
        host.Services.GetRequiredService<CaseIndexer>().Flush();
        if (!json)
        {
            ImportReport.Write(console.Rich, results.OrderBy(r => r.Item.Path, StringComparer.Ordinal).ToList());
        }

        return results.Any(r => r.Outcome == CaptureOutcome.Quarantined) ? SomeQuarantined : Success;
    }
}
