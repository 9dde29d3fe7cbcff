using Archive.Store;
using Capture.Testing;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Capture.Worker.Tests.Pipeline;

/// <summary>
/// The real <c>capture import</c> process dies between allocating a registration number and committing the case
/// (<c>CAPTURE_CRASH_AT=case-open-before-commit</c> ends it there with FailFast), then runs again on the same archive.
/// </summary>
public sealed class RegistrationCrashTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KilledBeforeTheCaseCommitted_TheRerunCapturesEachLetterOnce_WithNumbersNeitherDuplicatedNorSkipped()
    {
        using var directory = new TempDirectory();
        var archive = directory.Combine("archive");
        var letters = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var path = directory.Combine($"letter-{i}.txt");
            await File.WriteAllTextAsync(path, $"Reklamacja zamówienia ZAM/2026/0770{i}. Czajnik przestał grzać po {i + 1} dniach, proszę o zwrot pieniędzy.\nJan Kowalski {i}\njan.kowalski{i}@example.pl", Cancel);
            letters.Add(path);
        }

        var crashed = await CaptureProcess.ImportAsync(archive, letters, Cancel, new Dictionary<string, string> { ["CAPTURE_CRASH_AT"] = "case-open-before-commit" });
        var rerun = await CaptureProcess.ImportAsync(archive, letters, Cancel);
        var again = await CaptureProcess.ImportAsync(archive, letters, Cancel);

        Assert.NotEqual(0, crashed.ExitCode);
        Assert.Contains("Crash injected at case-open-before-commit", crashed.Error, StringComparison.Ordinal);
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.All(rerun.Items, item => Assert.Equal("opened", item.Outcome));
        Assert.Equal(3, rerun.Items.Count);
        Assert.All(again.Items, item => Assert.Equal("duplicate", item.Outcome));

        using var host = Capture.Worker.Hosting.CaptureHostFactory.Build(TestArchive.ForDirectory(archive));
        var store = host.Services.GetRequiredService<ArchiveStore>();
        var cases = store.ListCases();
        Assert.Equal([1, 2, 3], cases.Select(c => c.RegistrationSequence).Order());
        Assert.Equal(3, cases.Select(c => c.RegistrationNumber).Distinct().Count());
        Assert.Equal(rerun.Items.Select(i => i.RegistrationNumber).Order(StringComparer.Ordinal), cases.Select(c => c.RegistrationNumber).Order(StringComparer.Ordinal));
        foreach (var caseRecord in cases)
        {
            var document = Assert.Single(store.GetDocuments(caseRecord.Id));
            var caseFolder = Path.Combine(archive, caseRecord.ArchivePath);
            Assert.Equal(
                [document.StoredFileName, document.StoredFileName + ".txt"],
                Directory.EnumerateFiles(caseFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }

        // What the dead process had written is kept aside for a person, not mixed into the cases' folders.
        var leftovers = Path.Combine(archive, ".uncommitted");
        Assert.True(Directory.Exists(leftovers), "The crashed capture's files were not set aside.");
        Assert.NotEmpty(Directory.EnumerateFiles(leftovers, "*", SearchOption.AllDirectories));
        Assert.Empty(store.ListQuarantine());
    }
}
