using System.CommandLine;
using System.Globalization;
using Archive.Store;
using Capture.Worker.Hosting;
using Capture.Worker.Indexing;
using Capture.Worker.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Cli;

/// <summary>
/// <c>capture restore DIR</c>: checks a backup against its manifest, restores it into the archive folder, brings the
/// search index level with the restored database and verifies the result (exit code 2 when verification finds problems).
/// </summary>
internal static class RestoreCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var directory = new Argument<string>("DIR") { Description = "The folder `capture backup` wrote." };
        var force = new Option<bool>("--force") { Description = "Replace an archive folder that is not empty (it is kept, renamed to <folder>.replaced-<time>)." };
        var command = new Command("restore", "Restore a backup into the archive folder (--archive), after checking every file against its manifest; then verify it.") { directory, force };
        command.SetAction((parseResult, cancellationToken) => RunAsync(global.Settings(parseResult), parseResult.GetValue(directory)!, parseResult.GetValue(force), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CaptureHostSettings settings, string directory, bool force, CliConsole console, CancellationToken cancellationToken)
    {
        string archive;
        TimeProvider time;
        using (var probe = CaptureHostFactory.Build(settings))
        {
            // Only the settings are read: the store is not opened, so nothing is created in the target yet.
            archive = probe.Services.GetRequiredService<IOptions<ArchiveStoreOptions>>().Value.RootDirectory;
            time = probe.Services.GetRequiredService<TimeProvider>();
        }

        BackupManifest manifest;
        string? replaced;
        try
        {
            (manifest, replaced) = ArchiveRestore.Restore(directory, archive, force, time.GetUtcNow(), cancellationToken);
        }
        catch (ArchiveOperationRefusedException exception)
        {
            await console.Error.WriteLineAsync($"capture: {exception.Message}").ConfigureAwait(false);
            return 1;
        }

        await console.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Restored the backup of {manifest.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC ({manifest.Cases} case(s), {manifest.Documents} document(s), {manifest.Files} files, every one matching its SHA-256) into {Path.GetFullPath(archive)}.")).ConfigureAwait(false);
        if (replaced is not null)
        {
            await console.Output.WriteLineAsync($"The archive that was there is kept in {replaced}.").ConfigureAwait(false);
        }

        using var host = CaptureHostFactory.Build(settings);
        var (added, restamped, removed) = host.Services.GetRequiredService<IndexReconciliation>().Run(cancellationToken);
        await console.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Search index brought level with the restored database: {added} entry(ies) added, {restamped} re-stamped, {removed} removed (changes made while the backup was taken).")).ConfigureAwait(false);
        var found = await VerifyCommand.Report(host.Services.GetRequiredService<ArchiveVerification>(), json: false, console, cancellationToken).ConfigureAwait(false);
        await console.Output.WriteLineAsync(found == 0 ? "Verified: no problems." : string.Create(CultureInfo.InvariantCulture, $"Verification found {found} problem(s).")).ConfigureAwait(false);
        return found == 0 ? 0 : VerifyCommand.ProblemsFound;
    }
}
