using System.Text.Json;
using Archive.Search;
using Capture.Worker.Hosting;
using Capture.Worker.Pipeline;
using Capture.Worker.Tests.Cli;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Capture.Worker.Tests.Operations;

/// <summary><c>capture verify</c> on a real archive: clean passes with 0; each kind of damage is named and exits 2.</summary>
public sealed class VerifyCommandTests : IDisposable
{
    private readonly CliSession _cli = new();

    [Fact]
    public async Task Verify_CleanArchive_ExitsZeroAndSaysSo()
    {
        await ImportAsync("a.txt", "b.txt");

        var (exit, output, error) = await _cli.RunAsync(["verify"]);

        Assert.True(exit == 0, output + error);
        Assert.Contains("Checked 2 case(s), 2 document(s)", output, StringComparison.Ordinal);
        Assert.Contains("no problems", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AlteredOriginalAndOrphanFile_AreNamedAsJsonAndExitTwo()
    {
        var document = (await ImportAsync("a.txt")).Single();
        await File.AppendAllTextAsync(Path.Combine(_cli.Archive, document), "changed", TestContext.Current.CancellationToken);
        var orphan = Path.Combine(Path.GetDirectoryName(Path.Combine(_cli.Archive, document))!, "stray.txt");
        await File.WriteAllTextAsync(orphan, "no record", TestContext.Current.CancellationToken);

        var (exit, output, _) = await _cli.RunAsync(["verify", "--json"]);

        Assert.Equal(2, exit);
        var kinds = CliSession.Lines(output).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["altered-original", "orphan-file"], kinds);
    }

    [Fact]
    public async Task Verify_MissingFile_IsNamed()
    {
        var document = (await ImportAsync("a.txt")).Single();
        File.Delete(Path.Combine(_cli.Archive, document));

        var (exit, output, _) = await _cli.RunAsync(["verify"]);

        Assert.Equal(2, exit);
        Assert.Contains("MISSING FILE", output, StringComparison.Ordinal);
        Assert.Contains(document, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MissingUnknownAndStaleIndexEntries_AreEachNamed()
    {
        await ImportAsync("a.txt", "b.txt");
        using (var host = CaptureHostFactory.Build(TestArchive.ForDirectory(_cli.Archive)))
        {
            var store = host.Services.GetRequiredService<Archive.Store.ArchiveStore>();
            var index = host.Services.GetRequiredService<ArchiveIndex>();
            var documents = store.ListDocuments();
            index.Delete(documents[0].Id);
            var second = store.FindCaseById(documents[1].CaseId)!;
            index.UpdateCase(CaseIndexer.ProjectCase(second) with { Status = "closed" });
            index.Upsert(CaseIndexer.Project(second, documents[1], "a letter the archive never had") with { DocumentId = "no-such-document" });
            index.Commit();
        }

        var (exit, output, _) = await _cli.RunAsync(["verify"]);

        Assert.Equal(2, exit);
        Assert.Contains("NOT IN SEARCH INDEX", output, StringComparison.Ordinal);
        Assert.Contains("UNKNOWN IN SEARCH INDEX: The search index has document no-such-document", output, StringComparison.Ordinal);
        Assert.Contains("STALE IN SEARCH INDEX", output, StringComparison.Ordinal);
        Assert.Contains("status: index \"closed\"", output, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();

    /// <summary>Imports letters through the real pipeline; returns the archive paths of their originals.</summary>
    private async Task<List<string>> ImportAsync(params string[] names)
    {
        var paths = new List<string>();
        for (var i = 0; i < names.Length; i++)
        {
            paths.Add(await _cli.WriteLetterAsync(names[i], $"ZAM/2026/0990{i}"));
        }

        var (exit, output, error) = await _cli.RunAsync(["import", "--json", .. paths]);
        Assert.True(exit == 0, output + error);
        return CliSession.Lines(output).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("archivePath").GetString()!).ToList();
    }
}
