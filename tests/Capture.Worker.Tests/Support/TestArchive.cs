using Archive.Search;
using Archive.Store;
using Capture.Testing;
using Capture.Worker.Hosting;
using Capture.Worker.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Capture.Worker.Tests.Support;

/// <summary>
/// A complete capture service over a fresh archive in a temp directory: real Tesseract, LiteDB and Lucene. The
/// category model is trained once per test run and shared through <see cref="SharedModelPath"/>.
/// </summary>
internal sealed class TestArchive : IDisposable
{
    private static readonly string SharedModelDirectory =
        Path.Combine(Path.GetTempPath(), "capture-tests", "model-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private readonly TempDirectory _directory = new();

    public TestArchive(Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        Settings = ForDirectory(Root, services, configuration);
        Host = CaptureHostFactory.Build(Settings);
    }

    public static string SharedModelPath => Path.Combine(SharedModelDirectory, "category-model.zip");

    public string Root => _directory.Combine("archive");

    public CaptureHostSettings Settings { get; }

    public IHost Host { get; }

    public CapturePipeline Pipeline => Host.Services.GetRequiredService<CapturePipeline>();

    public ArchiveStore Store => Host.Services.GetRequiredService<ArchiveStore>();

    public ArchiveIndex Index => Host.Services.GetRequiredService<ArchiveIndex>();

    public string Scratch(string name)
    {
        var path = _directory.Combine(name);
        Directory.CreateDirectory(path);
        return path;
    }

    public async Task<CaptureResult> ImportAsync(string path)
    {
        var result = await Pipeline.CaptureAsync(CaptureItem.ForFile(path, "import"), TestContext.Current.CancellationToken);

        // What the service's IndexCommitService does on its timer: make the capture searchable now.
        Host.Services.GetRequiredService<CaseIndexer>().Flush();
        return result;
    }

    /// <summary>
    /// Makes sure the shared category model exists before a test starts <c>capture</c> processes that use it: each would
    /// otherwise spend its first minute (or, under load, several) training a model of its own.
    /// </summary>
    public static async Task EnsureSharedModelAsync()
    {
        using var archive = new TestArchive();
        var letter = Path.Combine(archive.Scratch("warm-up"), "letter.txt");
        await File.WriteAllTextAsync(letter, "Dziękuję za szybką naprawę pralki, wszystko działa.", TestContext.Current.CancellationToken);
        await archive.ImportAsync(letter);
    }

    public static CaptureHostSettings ForDirectory(
        string archive,
        Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? configuration = null)
    {
        // The service's web UI stays off unless a test asks for it, so parallel services never compete for its port.
        var values = new Dictionary<string, string?> { ["Classifier:ModelPath"] = SharedModelPath, ["Web:Enabled"] = "false" };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return new CaptureHostSettings { ArchiveDirectory = archive, Configuration = values, Services = services };
    }

    public void Dispose()
    {
        Host.Dispose();
        _directory.Dispose();
    }
}
