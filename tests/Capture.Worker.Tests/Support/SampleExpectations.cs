using System.Text.Json;
using Capture.Testing;

namespace Capture.Worker.Tests.Support;

/// <summary>The ground truth of <c>samples/inbox</c>, kept beside the samples in <c>samples/inbox.expected.json</c>.</summary>
internal static class SampleExpectations
{
    private static readonly Lazy<IReadOnlyList<ExpectedSample>> Items = new(Load);
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static string InboxDirectory => Path.Combine(RepositoryRoot.Samples, "inbox");

    public static IReadOnlyList<ExpectedSample> All => Items.Value;

    public static ExpectedSample For(string file) => All.Single(s => s.File == file);

    private static IReadOnlyList<ExpectedSample> Load()
    {
        var path = Path.Combine(RepositoryRoot.Samples, "inbox.expected.json");
        using var stream = File.OpenRead(path);
        var document = JsonSerializer.Deserialize<ExpectedDocument>(stream, JsonOptions)
            ?? throw new InvalidDataException($"{path} is empty.");
        return document.Items;
    }

    private sealed record ExpectedDocument(IReadOnlyList<ExpectedSample> Items);
}

internal sealed record ExpectedSample(
    string File,
    string Language,
    string Category,
    bool Ocr,
    ExpectedContact Contact,
    ExpectedReferences References,
    string SearchWord);

internal sealed record ExpectedContact(string Name, string Email);

internal sealed record ExpectedReferences(
    IReadOnlyList<string> Orders,
    IReadOnlyList<string> Invoices,
    IReadOnlyList<string> Serials,
    IReadOnlyList<string> Policies);
