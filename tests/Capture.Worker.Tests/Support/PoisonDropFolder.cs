using Archive.Store;
using Archive.Store.Intake;
using Capture.Worker.Hosting;
using Capture.Worker.Sources;
using Capture.Worker.Sources.DropFolder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Capture.Worker.Tests.Support;

/// <summary>
/// A drop folder captured by the real service parts over an archive that can be restarted, on a fake clock, with a fault
/// injected on purpose: a plain file in place of each category folder, so filing a case fails with an
/// <see cref="IOException"/> (the archive failing, not the item) until <see cref="Unblock"/> removes them.
/// </summary>
internal sealed class PoisonDropFolder : IDisposable
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(10);

    private static readonly string[] CategoryFolders = ["Complaints", "Suggestions", "Thanks", "Unclassified"];

    private readonly Dictionary<string, string?> _configuration;
    private IHost _host;

    public PoisonDropFolder(string archive, string drop, int maxAttempts)
    {
        Archive = archive;
        Drop = drop;
        Directory.CreateDirectory(drop);
        _configuration = new Dictionary<string, string?>
        {
            ["Capture:Retry:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Capture:Retry:FirstDelay"] = FirstDelay.ToString(),
            ["Capture:Retry:MaxDelay"] = "00:01:00",
        };
        (_host, Source) = Start();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public string Archive { get; }

    public string Drop { get; }

    public DropFolderSource Source { get; private set; }

    public ArchiveStore Store => _host.Services.GetRequiredService<ArchiveStore>();

    /// <summary>Puts a plain file where each category folder of the archive would go.</summary>
    public void Block() => Block(Archive);

    /// <summary>Puts a plain file where each category folder of <paramref name="archive"/> would go.</summary>
    public static void Block(string archive)
    {
        Directory.CreateDirectory(archive);
        foreach (var folder in CategoryFolders)
        {
            File.WriteAllText(Path.Combine(archive, folder), "in the way on purpose");
        }
    }

    /// <summary>Removes the files <see cref="Block"/> put in the way: the archive works again.</summary>
    public void Unblock() => Unblock(Archive);

    /// <summary>Removes what <see cref="Block"/> put in the way in <paramref name="archive"/>, with no service running on it.</summary>
    public static void Unblock(string archive)
    {
        foreach (var folder in CategoryFolders)
        {
            File.Delete(Path.Combine(archive, folder));
        }
    }

    /// <summary>Drops a complaint letter into the folder and returns its path.</summary>
    public async Task<string> DropLetterAsync(string name = "letter.txt")
    {
        var path = Path.Combine(Drop, name);
        await File.WriteAllTextAsync(
            path,
            "Name: Jan Kowalski\nE-mail: jan.kowalski@example.pl\n\n" +
            "Szanowni Państwo, zamówiony czajnik (nr zamówienia ZAM/2026/09901) przyszedł uszkodzony. Proszę o wymianę.\n\nZ poważaniem\nJan Kowalski",
            TestContext.Current.CancellationToken);
        var info = new FileInfo(path);
        LetterKey = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Source.SourceName}:{info.Name}:{info.Length}:{info.LastWriteTimeUtc.Ticks}");
        return path;
    }

    /// <summary>The intake-ledger key of the letter dropped last (the drop folder's key: name, size, modification time).</summary>
    public string LetterKey { get; private set; } = "";

    /// <summary>Scans until the dropped files are stable and claimed (the first scan only notes them).</summary>
    public async Task TakeAsync()
    {
        await ScanAsync();
        Time.Advance(TimeSpan.FromSeconds(5));
        await ScanAsync();
    }

    public Task ScanAsync() => Source.ScanOnceAsync(TestContext.Current.CancellationToken);

    /// <summary>The ledger entry of the letter dropped last.</summary>
    public IntakeClaim Claim() => Store.FindClaim(LetterKey) ?? throw new InvalidOperationException("The letter was never claimed.");

    /// <summary>Stops the service's parts and starts them again over the same archive, as after a restart.</summary>
    public void Restart()
    {
        Source.Dispose();
        _host.Dispose();
        (_host, Source) = Start();
    }

    public void Dispose()
    {
        Source.Dispose();
        _host.Dispose();
    }

    private (IHost Host, DropFolderSource Source) Start()
    {
        var host = CaptureHostFactory.Build(TestArchive.ForDirectory(Archive, services => services.AddSingleton<TimeProvider>(Time), _configuration));
        var source = new DropFolderSource(
            new DropFolderOptions { Name = "scanner-1", Path = Drop, StableFor = TimeSpan.FromSeconds(5) },
            host.Services.GetRequiredService<Capture.Worker.Pipeline.CapturePipeline>(),
            host.Services.GetRequiredService<ArchiveStore>(),
            host.Services.GetRequiredService<CaptureRetryPolicy>(),
            host.Services.GetRequiredService<QuarantineRetry>(),
            Time,
            NullLogger<DropFolderSource>.Instance);
        return (host, source);
    }
}
