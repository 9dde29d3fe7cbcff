using System.Text.Json;
using Capture.Classifier.Extraction;
using Capture.Classifier.Metadata;
using Capture.Classifier.Ocr;
using Capture.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Capture.Classifier.Tests.Metadata;

/// <summary>What a test item must yield; null or empty where the item does not say it.</summary>
internal sealed record ExpectedMetadata(
    string? Email,
    string? Name,
    string? Phone,
    string? Postcode,
    string? LetterDate,
    string[] Orders,
    string[] Invoices,
    string[] Serials,
    string[] Policies,
    string[] Amounts);

/// <summary>One item of <c>Metadata/Items</c>: an e-mail read through the real MIME reader, or a letter's OCR output.</summary>
internal sealed record MetadataTestItem(string Name, string Language, string Text, MailEnvelope? Mail, ExpectedMetadata Expected);

/// <summary>
/// The labelled items of <c>tests/Capture.Classifier.Tests/Metadata/Items</c> (see the README there), and the settings a
/// company would give the extractor for them: its own order, serial and policy formats and its mail domains.
/// </summary>
internal static class MetadataTestItems
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public static string Folder => Path.Combine(RepositoryRoot.Find(), "tests", "Capture.Classifier.Tests", "Metadata", "Items");

    public static MetadataOptions CompanySettings()
    {
        var options = new MetadataOptions();
        options.OrderPatterns.Add(@"\bR-\d{4}-\d{5}\b");
        options.OrderPatterns.Add(@"\bWEB-\d{6}\b");
        options.PolicyPatterns.Add(@"\bKTV-\d{4}-\d{5}\b");
        foreach (var domain in new[] { "zuraw.pl", "gwiazda-ubezpieczenia.pl", "gyorsposta.hu", "otthonbiztosito.hu", "villanybolt.hu", "brightwater.co.uk" })
        {
            options.CompanyDomains.Add(domain);
        }

        return options;
    }

    public static async Task<IReadOnlyList<MetadataTestItem>> LoadAsync(CancellationToken cancellationToken)
    {
        var expected = JsonSerializer.Deserialize<Dictionary<string, ExpectedMetadata>>(
            await File.ReadAllTextAsync(Path.Combine(Folder, "expected.json"), cancellationToken),
            JsonOptions)!;
        using var pool = new OcrEnginePool(new OcrOptions { MaxDegreeOfParallelism = 1 }, NullLogger<OcrEnginePool>.Instance);
        var reader = new DocumentTextExtractor(new ExtractionOptions(), pool, NullLogger<DocumentTextExtractor>.Instance);
        var items = new List<MetadataTestItem>();
        foreach (var (relativePath, values) in expected.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(Folder, relativePath);
            var name = Path.GetFileName(relativePath);
            var language = name[..2];
            if (relativePath.EndsWith(".eml", StringComparison.Ordinal))
            {
                var document = await reader.ExtractAsync(path, name, cancellationToken);
                items.Add(new MetadataTestItem(name, language, document.Text, document.Mail, values));
            }
            else
            {
                items.Add(new MetadataTestItem(name, language, await File.ReadAllTextAsync(path, cancellationToken), null, values));
            }
        }

        return items;
    }
}
