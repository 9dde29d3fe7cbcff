using Capture.Worker.Pipeline;
using Capture.Worker.Tests.Support;

namespace Capture.Worker.Tests.Pipeline;

/// <summary>Imports every item of <c>samples/inbox</c> once, through the real pipeline, for the tests that check the results.</summary>
public sealed class SampleInboxFixture : IAsyncLifetime
{
    internal TestArchive Archive { get; } = new();

    internal IReadOnlyDictionary<string, CaptureResult> Results { get; private set; } = new Dictionary<string, CaptureResult>();

    public async ValueTask InitializeAsync()
    {
        var results = new Dictionary<string, CaptureResult>(StringComparer.Ordinal);
        foreach (var sample in SampleExpectations.All)
        {
            var path = Path.Combine(SampleExpectations.InboxDirectory, sample.File);
            results[sample.File] = await Archive.ImportAsync(path);
        }

        Results = results;
    }

    public ValueTask DisposeAsync()
    {
        Archive.Dispose();
        return ValueTask.CompletedTask;
    }
}
