using System.Text.Json;
using Capture.Classifier.Classification;
using Capture.Testing;
using Capture.Worker.Cli;
using Capture.Worker.Tests.Support;

namespace Capture.Worker.Tests.Cli;

/// <summary><c>capture eval</c> against labelled folders, measured with the real model.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task EvalJson_OnTheHeldOutSamples_ReportsEveryCategoryAndLanguage_WithCountsThatAddUp()
    {
        var training = Path.Combine(RepositoryRoot.Samples, "training");
        var heldOut = TrainingSet.LoadFolder(training).HeldOut;
        var (exit, output, error) = await RunAsync("eval", training, "--held-out", "--json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(heldOut.Count, root.GetProperty("count").GetInt32());
        Assert.Equal(["complaint", "suggestion", "thanks"], root.GetProperty("categories").EnumerateObject().Select(c => c.Name));
        Assert.Equal(heldOut.Count, root.GetProperty("confusion").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32()));
        Assert.Equal(["en", "hu", "pl"], root.GetProperty("languages").EnumerateObject().Select(l => l.Name));
        Assert.All(root.GetProperty("languages").EnumerateObject(), l => Assert.Equal(heldOut.Count(e => e.Language == l.Name), l.Value.GetProperty("count").GetInt32()));
        var macroF1 = root.GetProperty("macroF1").GetDouble();
        TestContext.Current.SendDiagnosticMessage($"capture eval samples/training --held-out: macro-F1 {macroF1:0.000}");
        Assert.InRange(macroF1, 0.85, 1.0);
    }

    [Fact]
    public async Task Eval_Table_ShowsScoresAndTheConfusionMatrixPerLanguage()
    {
        var folder = _directory.Combine("labelled");
        await WriteAsync(folder, "complaint", "pl-001", "Reklamuję czajnik z zamówienia ZAM/2026/00001, przecieka od pierwszego dnia. Proszę o zwrot pieniędzy.");
        await WriteAsync(folder, "thanks", "en-001", "Thank you so much for the quick replacement of my kettle, your team was wonderful.");
        await WriteAsync(folder, "suggestion", "hu-001", "Javaslom, hogy a futárszolgálat esti időpontokat is kínáljon a dolgozó vásárlóknak.");

        var (exit, output, error) = await RunAsync("eval", folder);

        Assert.True(exit == 0, error);
        Assert.Contains("All languages: 3 examples, macro-F1", output, StringComparison.Ordinal);
        Assert.Contains("actual \\ predicted", output, StringComparison.Ordinal);
        foreach (var language in new[] { "en", "hu", "pl" })
        {
            Assert.Contains($"Language {language}: 1 examples", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Eval_FolderWithABadFileName_SaysWhichFile()
    {
        var folder = _directory.Combine("bad");
        await WriteAsync(folder, "complaint", "letter", "Reklamuję czajnik.");

        var (exit, _, error) = await RunAsync("eval", folder);

        Assert.Equal(1, exit);
        Assert.Contains("letter.txt", error, StringComparison.Ordinal);
        Assert.Contains("<lang>-<nnn>.txt", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_EmptyFolder_IsAnErrorNotAPerfectScore()
    {
        var (exit, _, error) = await RunAsync("eval", _directory.Combine("missing"));

        Assert.Equal(1, exit);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private static async Task WriteAsync(string folder, string category, string name, string text)
    {
        Directory.CreateDirectory(Path.Combine(folder, category));
        await File.WriteAllTextAsync(Path.Combine(folder, category, name + ".txt"), text, TestContext.Current.CancellationToken);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new Dictionary<string, string?> { ["Classifier:ModelPath"] = TestArchive.SharedModelPath };
        var exit = await CaptureCommandLine.InvokeAsync([.. args, "--archive", _directory.Combine("archive")], output, error, configuration, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
