using System.CommandLine;
using System.Globalization;
using Archive.Store;
using Capture.Worker.Cli.Output;
using Capture.Worker.Hosting;
using Capture.Worker.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Cli;

/// <summary><c>capture backup DIR</c>: a consistent copy of the archive with a manifest of every file's SHA-256.</summary>
internal static class BackupCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var directory = new Argument<string>("DIR") { Description = "A new or empty folder for the backup, outside the archive." };
        var json = new Option<bool>("--json") { Description = "Print the manifest as one JSON object." };
        var command = new Command("backup", "Copy the archive (database, files, search index) consistently into DIR, with a manifest; captures may go on meanwhile.") { directory, json };
        command.SetAction((parseResult, cancellationToken) => RunAsync(global.Settings(parseResult), parseResult.GetValue(directory)!, parseResult.GetValue(json), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CaptureHostSettings settings, string directory, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        using var host = CaptureHostFactory.Build(settings);
        BackupManifest manifest;
        try
        {
            // A running service holds the archive; it takes the backup itself. Otherwise this process opens the archive.
            var archive = host.Services.GetRequiredService<IOptions<ArchiveStoreOptions>>().Value.RootDirectory;
            manifest = await ControlClient.TryBackupAsync(archive, directory, cancellationToken).ConfigureAwait(false)
                ?? host.Services.GetRequiredService<ArchiveBackup>().Create(directory, cancellationToken);
        }
        catch (ArchiveOperationRefusedException exception)
        {
            await console.Error.WriteLineAsync($"capture: {exception.Message}").ConfigureAwait(false);
            return 1;
        }

        if (json)
        {
            await console.Output.WriteLineAsync(JsonLines.Serialize(manifest)).ConfigureAwait(false);
            return 0;
        }

        await console.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Backed up {manifest.Cases} case(s), {manifest.Documents} document(s), {manifest.QuarantineRecords} quarantine record(s) and {manifest.IndexedDocuments} indexed document(s): {manifest.Files} files, {manifest.Bytes / 1_048_576.0:0.0} MB in {Path.GetFullPath(directory)}.")).ConfigureAwait(false);
        foreach (var note in manifest.NotCopied)
        {
            await console.Output.WriteLineAsync($"  not copied: {note}").ConfigureAwait(false);
        }

        return 0;
    }
}
