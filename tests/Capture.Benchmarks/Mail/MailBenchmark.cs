using System.Diagnostics;
using System.Globalization;
using Capture.Testing.Mail;

namespace Capture.Benchmarks.Mail;

/// <summary>
/// <c>mail</c>: generated messages in a real Dovecot mailbox, captured end to end by the real <c>capture fetch</c>
/// program (claim, parse, classify, extract metadata, store, index, disposition). Reports messages per second
/// and the peak resident memory of the capture process.
/// </summary>
internal sealed class MailBenchmark(int messages, TextWriter output)
{
    public const int DefaultMessages = 5_000;
    private const double GoalMessagesPerSecond = 200;
    private const long GoalPeakMegabytes = 500;
    private const string PasswordVariable = "CAPTURE_BENCH_MAILBOX_PASSWORD";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var work = Path.Combine(Path.GetTempPath(), "capture-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            await using var server = await DovecotServer.StartAsync(cancellationToken);
            await server.AddUserAsync("bench", "bench-password", cancellationToken);
            await server.AddUserAsync("warmup", "warmup-password", cancellationToken);

            var appending = Stopwatch.StartNew();
            await server.Mail.AppendManyAsync("warmup", "INBOX", Enumerable.Range(1_000_000, 10).Select(n => GeneratedMail.Create(n)), cancellationToken: cancellationToken);
            await server.Mail.AppendManyAsync("bench", "INBOX", Enumerable.Range(1, messages).Select(n => GeneratedMail.Create(n)), cancellationToken: cancellationToken);
            appending.Stop();
            var size = (await server.Mail.ListAsync("bench", "INBOX", cancellationToken)).Average(m => m.Size);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Delivered {messages:N0} messages (average {size / 1024:0.0} KB) to Dovecot in {appending.Elapsed.TotalSeconds:0.0} s."));

            // The category model is trained once, by a small warm-up fetch into its own archive; the measured run reuses it.
            var model = Path.Combine(work, "model", "category-model.zip");
            var warmup = await CaptureFetch.RunAsync(server, "warmup", Path.Combine(work, "warmup"), model, cancellationToken);
            if (warmup.Lines != 10)
            {
                await output.WriteLineAsync("The warm-up fetch failed: " + warmup.Error);
                return 2;
            }

            var run = await CaptureFetch.RunAsync(server, "bench", Path.Combine(work, "archive"), model, cancellationToken);
            var seen = (await server.Mail.ListAsync("bench", "INBOX", cancellationToken)).Count(m => m.Flags.HasFlag(MailKit.MessageFlags.Seen));
            return Report(run, seen);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private int Report(CaptureFetch.Result run, int seen)
    {
        var capturing = run.LastLine - run.FirstLine;
        var rate = run.Lines > 1 ? (run.Lines - 1) / capturing.TotalSeconds : 0;
        var overall = run.Lines / run.Elapsed.TotalSeconds;
        var cpuPerMessage = run.Lines > 0 ? run.CpuTime.TotalMilliseconds / run.Lines : 0;
        var cpuBound = cpuPerMessage > 0 ? Environment.ProcessorCount * 1000 / cpuPerMessage : 0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            capture fetch imap://… --disposition seen   ({Environment.ProcessorCount} cores, load {LoadAverage()})
              messages captured       {run.Lines:N0} of {messages:N0} (outcomes: {run.Outcomes}); marked seen on the server: {seen:N0}
              whole process           {run.Elapsed.TotalSeconds:0.0} s including start-up = {overall:0.0} messages/s
              first to last message   {capturing.TotalSeconds:0.0} s = {rate:0.0} messages/s
              peak memory (VmHWM)     {run.PeakMegabytes:N0} MB
              CPU time of capture     {run.CpuTime.TotalSeconds:0.0} s = {cpuPerMessage:0.0} ms per message, incl. start-up (all {Environment.ProcessorCount} cores busy with it alone: ~{cpuBound:0} messages/s)
              exit code               {run.ExitCode}
            """));
        var goals = new (string Goal, bool Met)[]
        {
            ($"every message captured once and marked seen ({run.Lines} lines, {seen} seen)", run.Lines == messages && seen == messages && run.ExitCode == 0),
            (string.Create(CultureInfo.InvariantCulture, $"at least {GoalMessagesPerSecond} messages/s (measured {rate:0.0})"), rate >= GoalMessagesPerSecond),
            ($"peak memory under {GoalPeakMegabytes} MB (measured {run.PeakMegabytes})", run.PeakMegabytes < GoalPeakMegabytes),
        };
        foreach (var (goal, met) in goals)
        {
            output.WriteLine($"  {(met ? "MET   " : "MISSED")} {goal}");
        }

        if (run.ExitCode != 0)
        {
            output.WriteLine(run.Error);
        }

        return goals.All(g => g.Met) ? 0 : 1;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>Runs the real <c>capture fetch</c> beside this program and reads its JSON lines as they come.</summary>
    internal static class CaptureFetch
    {
        public static async Task<Result> RunAsync(DovecotServer server, string user, string archive, string model, CancellationToken cancellationToken)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            string[] arguments =
            [
                Path.Combine(AppContext.BaseDirectory, "capture.dll"), "fetch",
                string.Create(CultureInfo.InvariantCulture, $"imap://{user}@{DovecotServer.Host}:{server.Ports.Imap}/INBOX"),
                "--password-env", PasswordVariable, "--security", "None", "--disposition", "seen", "--json", "--archive", archive,
            ];
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment[PasswordVariable] = server.CredentialsOf(user).Password;
            start.Environment["CAPTURE_Classifier__ModelPath"] = model;
            start.Environment["CAPTURE_Serilog__MinimumLevel__Default"] = "Warning";
            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
            var clock = Stopwatch.StartNew();
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            using var sampling = new CancellationTokenSource();
            var usage = ChildProcessUsage.SampleAsync(process.Id, sampling.Token);
            var lines = 0;
            TimeSpan first = default, last = default;
            var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
            while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                last = clock.Elapsed;
                if (lines++ == 0)
                {
                    first = last;
                }

                var outcome = System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("outcome").GetString() ?? "?";
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }

            await process.WaitForExitAsync(cancellationToken);
            await sampling.CancelAsync();
            var used = await usage;
            return new Result(process.ExitCode, lines, clock.Elapsed, first, last, used.PeakMegabytes, used.CpuTime, string.Join(", ", outcomes.Select(o => $"{o.Value} {o.Key}")), await error);
        }

        public sealed record Result(int ExitCode, int Lines, TimeSpan Elapsed, TimeSpan FirstLine, TimeSpan LastLine, long PeakMegabytes, TimeSpan CpuTime, string Outcomes, string Error);
    }
}
