using System.Diagnostics;
using System.Globalization;
using System.Text;
using Capture.Benchmarks.Mail;
using Capture.Benchmarks.Ocr;
using Capture.Testing.Mail;

namespace Capture.Benchmarks.Soak;

/// <summary>
/// <c>soak</c>: a steady stream of customer e-mails into a real Dovecot mailbox and of letters and scans into a drop
/// folder, worked by the real <c>capture run</c> for a fixed time. Reports throughput and resident memory minute by
/// minute; the goals are that the service keeps up with the stream and that its memory stops growing after warm-up.
/// </summary>
internal sealed class SoakBenchmark(SoakSettings settings, TextWriter output)
{
    private const string PasswordVariable = "CAPTURE_SOAK_MAILBOX_PASSWORD";
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    /// <summary>Resident memory may rise this much from the end of warm-up to the end of the run (GC heaps breathe).</summary>
    private const double AllowedGrowth = 0.10;

    private readonly List<SoakMinute> _minutes = [];
    private int _mailSent;
    private int _filesDropped;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var work = Path.Combine(Path.GetTempPath(), "capture-bench", "soak-" + Guid.NewGuid().ToString("N"));
        var drop = Directory.CreateDirectory(Path.Combine(work, "drop")).FullName;
        try
        {
            await using var server = await DovecotServer.StartAsync(cancellationToken);
            await server.AddUserAsync("soak", "soak-password", cancellationToken);
            await server.AddUserAsync("warmup", "warmup-password", cancellationToken);
            await server.Mail.AppendManyAsync("warmup", "INBOX", Enumerable.Range(2_000_000, 10).Select(n => GeneratedMail.Create(n)), cancellationToken: cancellationToken);
            var model = Path.Combine(work, "model", "category-model.zip");
            var warmup = await MailBenchmark.CaptureFetch.RunAsync(server, "warmup", Path.Combine(work, "warmup"), model, cancellationToken);
            if (warmup.Lines != 10)
            {
                await output.WriteLineAsync("The warm-up fetch that trains the category model failed: " + warmup.Error);
                return 2;
            }

            using var service = SoakService.Start(Path.Combine(work, "archive"), ServiceEnvironment(server, drop, model));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"soak: {settings.Duration.TotalMinutes:0} min, {settings.MailPerSecond} e-mail(s)/s of ~10 KB, a letter every {settings.LetterEvery.TotalSeconds:0} s and a scan every {settings.ScanEvery.TotalSeconds:0} s into the drop folder ({Environment.ProcessorCount} cores, load {LoadAverage()}; MALLOC_ARENA_MAX={Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") ?? "2"})"));
            await output.WriteLineAsync("minute  sent  done  backlog  done/s  RSS MB  anon MB  file MB  CPU %  errors");
            await FeedAsync(server, drop, service, cancellationToken);
            var drained = await DrainAsync(service, cancellationToken);
            await service.StopAsync(cancellationToken);
            return Report(service, drained);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static Dictionary<string, string> ServiceEnvironment(DovecotServer server, string drop, string model) => new()
    {
        ["CAPTURE_Classifier__ModelPath"] = model,
        ["CAPTURE_Web__Enabled"] = "false",
        ["CAPTURE_Mailboxes__0__Name"] = "soak",
        ["CAPTURE_Mailboxes__0__Host"] = DovecotServer.Host,
        ["CAPTURE_Mailboxes__0__Port"] = server.Ports.Imap.ToString(CultureInfo.InvariantCulture),
        ["CAPTURE_Mailboxes__0__Security"] = "None",
        ["CAPTURE_Mailboxes__0__User"] = "soak",
        ["CAPTURE_Mailboxes__0__PasswordVariable"] = PasswordVariable,
        ["CAPTURE_Mailboxes__0__Disposition__Action"] = "MarkSeen",
        ["CAPTURE_DropFolders__0__Name"] = "soak-scanner",
        ["CAPTURE_DropFolders__0__Path"] = drop,
        ["CAPTURE_DropFolders__0__StableFor"] = "00:00:01",
        ["CAPTURE_DropFolders__0__ScanInterval"] = "00:00:01",
        [PasswordVariable] = server.CredentialsOf("soak").Password,
        // As the README's deployment advice has it (Memory); an arena count set by whoever runs the soak wins.
        ["MALLOC_ARENA_MAX"] = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") ?? "2",
    };

    /// <summary>Delivers the stream for the whole duration, and closes a <see cref="SoakMinute"/> every minute.</summary>
    private async Task FeedAsync(DovecotServer server, string drop, SoakService service, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var nextMinute = TimeSpan.FromMinutes(1);
        var (lastLetter, lastScan) = (TimeSpan.Zero, TimeSpan.Zero);
        var (finishedBefore, cpuBefore) = (0, service.CpuSeconds ?? 0);
        using var ticks = new PeriodicTimer(Tick);
        while (clock.Elapsed < settings.Duration && await ticks.WaitForNextTickAsync(cancellationToken))
        {
            if (service.HasExited)
            {
                throw new InvalidOperationException("capture run exited during the soak: " + service.LastError);
            }

            var first = 1 + _mailSent;
            await server.Mail.AppendManyAsync("soak", "INBOX", Enumerable.Range(first, settings.MailPerSecond).Select(n => GeneratedMail.Create(n)), cancellationToken: cancellationToken);
            _mailSent += settings.MailPerSecond;
            if (clock.Elapsed - lastLetter >= settings.LetterEvery)
            {
                lastLetter = clock.Elapsed;
                using var letter = GeneratedMail.Create(1_000_000 + _filesDropped, 1_500);
                Drop(drop, string.Create(CultureInfo.InvariantCulture, $"letter-{_filesDropped:00000}.txt"), Encoding.UTF8.GetBytes(letter.TextBody ?? ""));
            }

            if (clock.Elapsed - lastScan >= settings.ScanEvery)
            {
                lastScan = clock.Elapsed;
                DropScan(drop);
            }

            if (clock.Elapsed >= nextMinute)
            {
                var (finished, cpu) = (service.Finished, service.CpuSeconds ?? cpuBefore);
                var memory = new SoakMemory(service.ResidentMegabytes ?? 0, service.MegabytesOf("RssAnon") ?? 0, service.MegabytesOf("RssFile") ?? 0);
                var minute = new SoakMinute(_minutes.Count + 1, _mailSent + _filesDropped, finished, finished - finishedBefore, memory, (cpu - cpuBefore) / 60 * 100, service.Errors);
                _minutes.Add(minute);
                await output.WriteLineAsync(minute.ToString());
                (finishedBefore, cpuBefore, nextMinute) = (finished, cpu, nextMinute + TimeSpan.FromMinutes(1));
            }
        }
    }

    /// <summary>After the stream stops, the service must finish what is left within a minute or two.</summary>
    private async Task<bool> DrainAsync(SoakService service, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (service.Finished < _mailSent + _filesDropped && deadline.Elapsed < TimeSpan.FromMinutes(2) && !service.HasExited)
        {
            await Task.Delay(500, cancellationToken);
        }

        return service.Finished >= _mailSent + _filesDropped;
    }

    private int Report(SoakService service, bool drained)
    {
        var warmUp = Math.Max(1, (int)Math.Ceiling(_minutes.Count * settings.WarmUpShare));
        var steady = _minutes.Skip(warmUp).ToList();
        var afterWarmUp = _minutes.Take(warmUp).Last().ResidentMegabytes;
        var peakAfter = steady.Count > 0 ? steady.Max(m => m.ResidentMegabytes) : afterWarmUp;
        var atEnd = steady.Count > 0 ? steady.Last().ResidentMegabytes : afterWarmUp;
        var slope = Slope(steady.Select(m => ((double)m.Minute, (double)m.ResidentMegabytes)).ToList());
        var rates = steady.Select(m => m.FinishedInMinute / 60.0).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            sent {_mailSent:N0} e-mails and {_filesDropped:N0} files; finished {service.Finished:N0} ({service.Opened:N0} cases, {service.Quarantined:N0} quarantined); {service.Errors} error line(s){(service.LastError is { } e ? ", last: " + e : "")}
            throughput after warm-up (minute {warmUp + 1} on): {(rates.Count > 0 ? rates.Min() : 0):0.0} to {(rates.Count > 0 ? rates.Max() : 0):0.0} items/s, mean {(rates.Count > 0 ? rates.Average() : 0):0.0} (sent {settings.ItemsPerSecond:0.0}/s)
            resident memory: {afterWarmUp} MB at the end of warm-up, peak {peakAfter} MB after it, {atEnd} MB at the end; trend {slope:+0.0;-0.0} MB per minute
            """));
        var goals = new (string Goal, bool Met)[]
        {
            ($"every item finished (drained within 2 minutes of the end: {drained})", drained),
            (string.Create(CultureInfo.InvariantCulture, $"memory does not grow after warm-up (peak after it within {AllowedGrowth:P0} of {afterWarmUp} MB: {peakAfter} MB)"), peakAfter <= afterWarmUp * (1 + AllowedGrowth)),
            ("no error in the service's log", service.Errors == 0),
        };
        foreach (var (goal, met) in goals)
        {
            output.WriteLine($"  {(met ? "MET   " : "MISSED")} {goal}");
        }

        return goals.All(g => g.Met) ? 0 : 1;
    }

    /// <summary>Least-squares slope of y over x.</summary>
    private static double Slope(List<(double X, double Y)> points)
    {
        if (points.Count < 2)
        {
            return 0;
        }

        var (meanX, meanY) = (points.Average(p => p.X), points.Average(p => p.Y));
        var denominator = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return denominator == 0 ? 0 : points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / denominator;
    }

    private void Drop(string folder, string name, byte[] content)
    {
        var temporary = Path.Combine(folder, name + ".part");
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, Path.Combine(folder, name));
        _filesDropped++;
    }

    /// <summary>A real scan from <c>samples/inbox</c>, made unique by bytes after its end (decoders ignore them), so each is a new case.</summary>
    private void DropScan(string drop)
    {
        var scans = Directory.GetFiles(Path.Combine(settings.RepositoryRoot, "samples", "inbox"), "*.png").Order(StringComparer.Ordinal).ToArray();
        var scan = scans[_filesDropped % scans.Length];
        var unique = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"soak-{_filesDropped}-{Guid.NewGuid():N}"));
        Drop(drop, string.Create(CultureInfo.InvariantCulture, $"scan-{_filesDropped:00000}.png"), [.. File.ReadAllBytes(scan), .. unique]);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}

/// <summary>How long and how hard the soak runs.</summary>
internal sealed record SoakSettings(TimeSpan Duration, int MailPerSecond, string RepositoryRoot)
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromMinutes(20);
    public const int DefaultMailPerSecond = 5;

    public TimeSpan LetterEvery { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan ScanEvery { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first quarter of the run (at least a minute) is warm-up: JIT, caches, the first index segments.</summary>
    public double WarmUpShare { get; init; } = 0.25;

    public double ItemsPerSecond => MailPerSecond + (1 / LetterEvery.TotalSeconds) + (1 / ScanEvery.TotalSeconds);
}

/// <summary>One minute of the soak: items sent and finished so far, finished in the minute, memory and CPU at its end.</summary>
internal sealed record SoakMinute(int Minute, int Sent, int Finished, int FinishedInMinute, SoakMemory Memory, double CpuPercent, int Errors)
{
    public long ResidentMegabytes => Memory.Resident;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Minute,6}  {Sent,5}  {Finished,5}  {Sent - Finished,7}  {FinishedInMinute / 60.0,6:0.0}  {Memory.Resident,6}  {Memory.Anonymous,7}  {Memory.FileBacked,7}  {CpuPercent,5:0}  {Errors,6}");
}

/// <summary>
/// The service's resident memory in MB, and its two parts: anonymous (the .NET heaps and native allocations: what the
/// process owns) and file-backed (pages of mapped files, such as the Lucene index, which the kernel can drop and read
/// again; they grow with the index).
/// </summary>
internal sealed record SoakMemory(long Resident, long Anonymous, long FileBacked);
