using System.Globalization;
using System.Text;
using Capture.Classifier.Metadata;

namespace Capture.Classifier.Tests.Metadata;

/// <summary>
/// Measures extraction on the 63 labelled items of <c>Metadata/Items</c> (e-mails and Tesseract output of printed
/// letters, in Polish, Hungarian and English): the share of items whose field is exactly right, per field and language.
/// </summary>
public sealed class MetadataAccuracyTests(ITestOutputHelper output)
{
    private static readonly string[] Fields = ["email", "name", "references", "phone", "postcode", "letter date", "amounts"];

    [Fact]
    public async Task Extract_LabelledMailsAndScans_MeetsTheAccuracyGoals()
    {
        var items = await MetadataTestItems.LoadAsync(TestContext.Current.CancellationToken);
        var extractor = new MetadataExtractor(MetadataTestItems.CompanySettings());
        var correct = Fields.ToDictionary(f => f, _ => new Dictionary<string, int>());
        var misses = new StringBuilder();
        foreach (var item in items)
        {
            var metadata = extractor.Extract(item.Text, item.Mail, item.Language);
            foreach (var (field, expected, actual) in Compare(item.Expected, metadata))
            {
                var right = expected == actual;
                foreach (var group in new[] { "all", item.Language, item.Mail is null ? "scans" : "mails" })
                {
                    correct[field][group] = correct[field].GetValueOrDefault(group) + (right ? 1 : 0);
                }

                if (!right)
                {
                    misses.AppendLine(CultureInfo.InvariantCulture, $"  {item.Name} {field}: expected '{expected}', got '{actual}'");
                }
            }
        }

        var counts = new Dictionary<string, int>
        {
            ["all"] = items.Count,
            ["pl"] = items.Count(i => i.Language == "pl"),
            ["hu"] = items.Count(i => i.Language == "hu"),
            ["en"] = items.Count(i => i.Language == "en"),
            ["mails"] = items.Count(i => i.Mail is not null),
            ["scans"] = items.Count(i => i.Mail is null),
        };
        output.WriteLine(Report(correct, counts));
        output.WriteLine(misses.Length == 0 ? "No misses." : "Misses:\n" + misses);

        Assert.True(items.Count >= 60, $"Only {items.Count} labelled items; the goal is measured on at least 60.");
        Assert.True(counts.Keys.Where(k => k is "pl" or "hu" or "en").All(k => counts[k] >= 20), "Each language needs at least 20 items.");
        double Accuracy(string field) => (double)correct[field].GetValueOrDefault("all") / items.Count;
        Assert.True(Accuracy("email") >= 0.95, $"E-mail accuracy {Accuracy("email"):P1} is below 95%.\n{misses}");
        Assert.True(Accuracy("name") >= 0.95, $"Contact name accuracy {Accuracy("name"):P1} is below 95%.\n{misses}");
        Assert.True(Accuracy("references") >= 0.95, $"Reference number accuracy {Accuracy("references"):P1} is below 95%.\n{misses}");
        Assert.True(Accuracy("phone") >= 0.9, $"Phone accuracy {Accuracy("phone"):P1} is below 90%.\n{misses}");
        Assert.True(Accuracy("postcode") >= 0.9, $"Postcode accuracy {Accuracy("postcode"):P1} is below 90%.\n{misses}");
        Assert.True(Accuracy("letter date") >= 0.9, $"Letter date accuracy {Accuracy("letter date"):P1} is below 90%.\n{misses}");
        Assert.True(Accuracy("amounts") >= 0.9, $"Amount accuracy {Accuracy("amounts"):P1} is below 90%.\n{misses}");
    }

    private static IEnumerable<(string Field, string Expected, string Actual)> Compare(ExpectedMetadata expected, ExtractedMetadata actual)
    {
        yield return ("email", expected.Email ?? "", actual.Contact.Email ?? "");
        yield return ("name", expected.Name ?? "", actual.Contact.Name ?? "");
        yield return ("references", References(expected.Orders, expected.Invoices, expected.Serials, expected.Policies),
            References([.. actual.References.Orders], [.. actual.References.Invoices], [.. actual.References.Serials], [.. actual.References.Policies]));
        yield return ("phone", Digits(expected.Phone), Digits(actual.Phone));
        yield return ("postcode", expected.Postcode ?? "", actual.Postcode ?? "");
        yield return ("letter date", expected.LetterDate ?? "", actual.LetterDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
        yield return ("amounts", string.Join("; ", expected.Amounts.Order(StringComparer.Ordinal)), string.Join("; ", actual.Amounts.Select(a => a.ToString()).Order(StringComparer.Ordinal)));
    }

    private static string References(string[] orders, string[] invoices, string[] serials, string[] policies) =>
        $"orders [{string.Join(", ", orders.Order(StringComparer.Ordinal))}] invoices [{string.Join(", ", invoices.Order(StringComparer.Ordinal))}] "
        + $"serials [{string.Join(", ", serials.Order(StringComparer.Ordinal))}] policies [{string.Join(", ", policies.Order(StringComparer.Ordinal))}]";

    private static string Digits(string? phone) => phone is null ? "" : new string([.. phone.Where(char.IsAsciiDigit)]);

    private static string Report(Dictionary<string, Dictionary<string, int>> correct, Dictionary<string, int> counts)
    {
        var groups = new[] { "all", "pl", "hu", "en", "mails", "scans" };
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"{"field",-12}");
        foreach (var group in groups)
        {
            report.Append(CultureInfo.InvariantCulture, $"{$"{group} ({counts[group]})",14}");
        }

        report.AppendLine();
        foreach (var field in Fields)
        {
            report.Append(CultureInfo.InvariantCulture, $"{field,-12}");
            foreach (var group in groups)
            {
                report.Append(CultureInfo.InvariantCulture, $"{(double)correct[field].GetValueOrDefault(group) / counts[group],14:P1}");
            }

            report.AppendLine();
        }

        return report.ToString();
    }
}
