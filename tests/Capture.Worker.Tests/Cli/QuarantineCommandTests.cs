using System.Text.Json;
using Archive.Store;
using Capture.Worker.Cli;
using Capture.Worker.Hosting;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Capture.Worker.Tests.Cli;

/// <summary><c>capture quarantine list</c> and <c>capture quarantine retry ID</c> over items a drop folder set aside.</summary>
public sealed class QuarantineCommandTests : IDisposable
{
    private readonly CliSession _cli = new();

    [Fact]
    public async Task Retry_OfAFixedItem_OpensExactlyOneCase_AndResolvesTheRecordWithoutDeletingIt()
    {
        await QuarantineAsync(async folder =>
        {
            folder.Block();
            await folder.DropLetterAsync();
        });

        var (listExit, listed, _) = await _cli.RunAsync(["quarantine", "list", "--json"]);
        using var record = JsonDocument.Parse(Assert.Single(CliSession.Lines(listed)));
        var root = record.RootElement;
        var id = root.GetProperty("id").GetString()!;
        Assert.Equal(0, listExit);
        Assert.Equal(("drop:scanner-1", "letter.txt", 1, true, "quarantined"), (
            root.GetProperty("source").GetString(),
            root.GetProperty("originalFileName").GetString(),
            root.GetProperty("attempts").GetInt32(),
            root.GetProperty("kept").GetBoolean(),
            root.GetProperty("status").GetString()));
        Assert.Contains("IOException", root.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var kept = root.GetProperty("keptAt").GetString()!;
        var (_, table, _) = await _cli.RunAsync(["quarantine", "list"]);
        Assert.Contains(id, table, StringComparison.Ordinal);
        Assert.Contains("letter.txt", table, StringComparison.Ordinal);
        Assert.Empty(CliSession.Lines((await _cli.RunAsync(["quarantine", "list", "--json", "--source", "mail:complaints"])).Output));

        PoisonDropFolder.Unblock(_cli.Archive);
        var (exit, output, error) = await _cli.RunAsync(["quarantine", "retry", id[..8]]);

        Assert.True(exit == 0, error);
        Assert.Contains("was captured: opened", output, StringComparison.Ordinal);
        var cases = ListCases();
        var opened = Assert.Single(cases);
        Assert.Empty(CliSession.Lines((await _cli.RunAsync(["quarantine", "list", "--json"])).Output));
        using var resolved = JsonDocument.Parse(Assert.Single(CliSession.Lines((await _cli.RunAsync(["quarantine", "list", "--all", "--json"])).Output)));
        Assert.Equal(("resolved", opened.RegistrationNumber, 1), (
            resolved.RootElement.GetProperty("status").GetString(),
            resolved.RootElement.GetProperty("resolvedAs").GetString(),
            resolved.RootElement.GetProperty("retries").GetInt32()));
        Assert.True(File.Exists(kept), "the kept copy was deleted");

        var (again, _, refusal) = await _cli.RunAsync(["quarantine", "retry", id]);
        Assert.Equal(1, again);
        Assert.Contains($"resolved already: it is in case {opened.RegistrationNumber}", refusal, StringComparison.Ordinal);
        Assert.Single(ListCases());
    }

    [Fact]
    public async Task Retry_OfAStillBadItem_KeepsItQuarantinedWithTheNewReason_AndAddsNoRecord()
    {
        await QuarantineAsync(folder => File.WriteAllBytesAsync(Path.Combine(folder.Drop, "scan.tif"), [0x49, 0x49, 0x2A, 0x00, 0x01, 0x02], TestContext.Current.CancellationToken));
        var id = JsonDocument.Parse(Assert.Single(CliSession.Lines((await _cli.RunAsync(["quarantine", "list", "--json"])).Output))).RootElement.GetProperty("id").GetString()!;

        var (exit, output, _) = await _cli.RunAsync(["quarantine", "retry", id, "--json"]);

        Assert.Equal(QuarantineCommand.StillQuarantined, exit);
        using var result = JsonDocument.Parse(Assert.Single(CliSession.Lines(output)));
        Assert.Equal("quarantined", result.RootElement.GetProperty("outcome").GetString());
        Assert.Contains("TIFF", result.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        using var record = JsonDocument.Parse(Assert.Single(CliSession.Lines((await _cli.RunAsync(["quarantine", "list", "--all", "--json"])).Output)));
        Assert.Equal((id, "quarantined", 1, true), (
            record.RootElement.GetProperty("id").GetString(),
            record.RootElement.GetProperty("status").GetString(),
            record.RootElement.GetProperty("retries").GetInt32(),
            record.RootElement.GetProperty("kept").GetBoolean()));
        Assert.Contains("TIFF", record.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(ListCases());
    }

    [Fact]
    public async Task Retry_UnknownId_SaysSoAndHowToListThem()
    {
        var (exit, _, error) = await _cli.RunAsync(["quarantine", "retry", "0123456789ab"]);

        Assert.Equal(1, exit);
        Assert.Contains("no quarantine record has the id '0123456789ab'; capture quarantine list --all shows them.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_InvalidRetrySettings_RefusesAndNamesTheKeys()
    {
        var letter = await _cli.WriteLetterAsync("letter.txt");

        var (exit, _, error) = await _cli.RunAsync(["import", letter], ("Capture:Retry:MaxAttempts", "0"), ("Capture:Retry:FirstDelay", "00:05:00"), ("Capture:Retry:MaxDelay", "00:01:00"));

        Assert.Equal(1, exit);
        Assert.Contains("Capture:Retry:MaxAttempts must be between 1 and 100, not 0.", error, StringComparison.Ordinal);
        Assert.Contains("Capture:Retry:MaxDelay must be between FirstDelay (00:05:00) and 1.00:00:00, not 00:01:00.", error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();

    /// <summary>Runs a drop folder (one attempt per item) over the session's archive until what <paramref name="drop"/> put there is quarantined.</summary>
    private async Task QuarantineAsync(Func<PoisonDropFolder, Task> drop)
    {
        using var folder = new PoisonDropFolder(_cli.Archive, _cli.Combine("drop"), maxAttempts: 1);
        await drop(folder);
        await folder.TakeAsync();
        Assert.Single(folder.Store.ListQuarantine());
    }

    private IReadOnlyList<Archive.Store.Cases.CaseRecord> ListCases()
    {
        using var host = CaptureHostFactory.Build(TestArchive.ForDirectory(_cli.Archive));
        return host.Services.GetRequiredService<ArchiveStore>().ListCases();
    }
}
