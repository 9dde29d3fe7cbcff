using Capture.Worker.Sources;
using Capture.Worker.Sources.DropFolder;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Capture.Worker.Tests.Sources;

/// <summary>The drop folder takes only finished files, claims them, and lets go of them only after commit or quarantine.</summary>
public sealed class DropFolderSourceTests : IDisposable
{
    private static readonly TimeSpan StableFor = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly TestArchive _archive;
    private readonly string _drop;
    private readonly DropFolderSource _source;

    public DropFolderSourceTests()
    {
        _archive = new TestArchive(services => services.AddSingleton<TimeProvider>(_time));
        _drop = _archive.Scratch("drop");
        _source = new DropFolderSource(
            new DropFolderOptions { Name = "scanner-1", Path = _drop, StableFor = StableFor },
            _archive.Pipeline,
            _archive.Store,
            _archive.Host.Services.GetRequiredService<CaptureRetryPolicy>(),
            _archive.Host.Services.GetRequiredService<QuarantineRetry>(),
            _time,
            NullLogger<DropFolderSource>.Instance);
    }

    [Fact]
    public async Task Scan_FileYoungerThanStableFor_IsLeftAlone()
    {
        var file = await DropLetterAsync("letter.txt");

        await _source.ScanOnceAsync(TestContext.Current.CancellationToken);
        _time.Advance(StableFor - TimeSpan.FromSeconds(1));
        await _source.ScanOnceAsync(TestContext.Current.CancellationToken);

        Assert.True(File.Exists(file));
        Assert.Empty(_archive.Store.ListCases());
    }

    [Fact]
    public async Task Scan_FileStillGrowing_IsTakenOnlyOnceItStopsChanging()
    {
        var file = await DropLetterAsync("letter.txt");
        await _source.ScanOnceAsync(TestContext.Current.CancellationToken);
        _time.Advance(StableFor - TimeSpan.FromSeconds(2));
        await File.AppendAllTextAsync(file, "\nP.S. The receipt is attached.", TestContext.Current.CancellationToken);
        await _source.ScanOnceAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(3));
        await _source.ScanOnceAsync(TestContext.Current.CancellationToken);
        Assert.True(File.Exists(file), "the file changed 3 s ago and must not be taken yet");

        _time.Advance(StableFor);
        await _source.ScanOnceAsync(TestContext.Current.CancellationToken);

        Assert.False(File.Exists(file));
        var captured = Assert.Single(_archive.Store.ListCases());
        Assert.Equal("drop:scanner-1", captured.Source);
    }

    [Fact]
    public async Task Scan_StableFile_IsCommittedAndThenRemovedFromTheDropFolder()
    {
        await DropLetterAsync("letter.txt");

        await _source.ScanOnceAsync(TestContext.Current.CancellationToken);
        _time.Advance(StableFor);
        await _source.ScanOnceAsync(TestContext.Current.CancellationToken);

        Assert.Empty(Directory.GetFiles(_drop));
        Assert.Empty(Directory.GetDirectories(_source.ProcessingPath));
        var captured = Assert.Single(_archive.Store.ListCases());
        Assert.Equal("letter.txt", _archive.Store.GetDocuments(captured.Id)[0].OriginalFileName);
    }

    [Fact]
    public async Task Scan_UnreadableFile_MovesToQuarantineWithAReasonFile()
    {
        await File.WriteAllBytesAsync(Path.Combine(_drop, "scan.tif"), [0x49, 0x49, 0x2A, 0x00, 0x01, 0x02], TestContext.Current.CancellationToken);

        await _source.ScanOnceAsync(TestContext.Current.CancellationToken);
        _time.Advance(StableFor);
        await _source.ScanOnceAsync(TestContext.Current.CancellationToken);

        Assert.Empty(Directory.GetFiles(_drop));
        var quarantined = Assert.Single(Directory.GetFiles(_source.QuarantinePath), f => !f.EndsWith(".reason.txt", StringComparison.Ordinal));
        Assert.EndsWith("scan.tif", quarantined, StringComparison.Ordinal);
        var reason = await File.ReadAllTextAsync(quarantined + ".reason.txt", TestContext.Current.CancellationToken);
        Assert.Contains("TIFF", reason, StringComparison.Ordinal);
        var record = Assert.Single(_archive.Store.ListQuarantine());
        Assert.Equal(quarantined, record.QuarantinedPath);
        Assert.Empty(_archive.Store.ListCases());
    }

    [Fact]
    public async Task Scan_FileLeftClaimedByACrash_IsCapturedOnceOnTheNextScan()
    {
        var claim = Path.Combine(_source.ProcessingPath, "20261123085959000-crashed");
        Directory.CreateDirectory(claim);
        await File.WriteAllTextAsync(Path.Combine(claim, "letter.txt"), Letter, TestContext.Current.CancellationToken);

        await _source.ScanOnceAsync(TestContext.Current.CancellationToken);
        await _source.ScanOnceAsync(TestContext.Current.CancellationToken);

        Assert.False(Directory.Exists(claim));
        Assert.Single(_archive.Store.ListCases());
    }

    [Fact]
    public async Task Scan_PartialAndHiddenFiles_AreIgnored()
    {
        await File.WriteAllTextAsync(Path.Combine(_drop, "upload.pdf.part"), "half", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_drop, ".scanner-lock"), "x", TestContext.Current.CancellationToken);

        await _source.ScanOnceAsync(TestContext.Current.CancellationToken);
        _time.Advance(StableFor * 2);
        await _source.ScanOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, Directory.GetFiles(_drop).Length);
        Assert.Empty(_archive.Store.ListQuarantine());
    }

    public void Dispose()
    {
        _source.Dispose();
        _archive.Dispose();
    }

    private const string Letter =
        "Name: Jan Kowalski\nE-mail: jan.kowalski@example.pl\n\n" +
        "Szanowni Państwo, zamówiony czajnik (nr zamówienia ZAM/2026/09901) przyszedł uszkodzony. Proszę o wymianę.\n\nZ poważaniem\nJan Kowalski";

    private async Task<string> DropLetterAsync(string name)
    {
        var path = Path.Combine(_drop, name);
        await File.WriteAllTextAsync(path, Letter, TestContext.Current.CancellationToken);
        return path;
    }
}
