using System.CommandLine;
using System.Globalization;
using Archive.Search;
using Capture.Worker.Hosting;
using Capture.Worker.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Capture.Worker.Cli;

/// <summary>
/// <c>capture reindex</c>: rebuilds the search index from the store, with a progress bar. The index in use keeps
/// answering until the new one is complete; an interrupted rebuild leaves it as it was.
/// </summary>
internal static class ReindexCommand
{
    private static readonly TimeSpan PlainProgressEvery = TimeSpan.FromSeconds(10);

    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var command = new Command("reindex", "Rebuild the search index from the archive; the current index keeps answering until the new one is ready.");
        command.SetAction((parseResult, cancellationToken) => RunAsync(global.Settings(parseResult), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CaptureHostSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        using var host = CaptureHostFactory.Build(settings);
        var rebuild = host.Services.GetRequiredService<SearchIndexRebuild>();
        var total = rebuild.DocumentsToIndex;
        IndexRebuildResult result;
        if (console.IsInteractive)
        {
            result = await console.Rich.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Indexing documents", maxValue: Math.Max(1, total));
                    var progress = new Progress<IndexRebuildProgress>(step => task.Value = step.DocumentsIndexed);
                    return await rebuild.RunAsync(progress, cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }
        else
        {
            await console.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Rebuilding the search index from {total} document(s)...")).ConfigureAwait(false);
            var lastLine = DateTimeOffset.UtcNow;
            var progress = new Progress<IndexRebuildProgress>(step =>
            {
                if (DateTimeOffset.UtcNow - lastLine >= PlainProgressEvery)
                {
                    lastLine = DateTimeOffset.UtcNow;
                    console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {step.DocumentsIndexed} of {total} documents indexed"));
                }
            });
            result = await rebuild.RunAsync(progress, cancellationToken).ConfigureAwait(false);
        }

        await console.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Indexed {result.DocumentsIndexed} document(s) in {result.Elapsed.TotalSeconds:0.0} s ({result.IndexBytes / 1_048_576.0:0.0} MB on disk); {result.ChangesReplayed} change(s) made meanwhile were carried over. The new index is in use.")).ConfigureAwait(false);
        return 0;
    }
}
