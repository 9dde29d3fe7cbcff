using Capture.Testing;
using Capture.Worker.Pipeline;
using Capture.Worker.Tests.Support;

namespace Capture.Worker.Tests.Pipeline;

/// <summary>Corrupt and empty inputs are quarantined with a reason a person can act on, and don't stop the others.</summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task Import_CorruptFilesBetweenGoodOnes_QuarantinesOnlyTheCorruptOnesWithReasons()
    {
        using var archive = new TestArchive();
        var inbox = archive.Scratch("inbox");
        var goodPdf = await File.ReadAllBytesAsync(Path.Combine(SampleExpectations.InboxDirectory, PdfSample().File), TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(inbox, "a-truncated.pdf"), goodPdf[..(goodPdf.Length / 3)], TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(inbox, "b-empty.pdf"), [], TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(inbox, "c-random.tif"), RandomBytes(64 * 1024), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(
            Path.Combine(inbox, "d-good.txt"),
            "Name: Anna Nowak\nE-mail: anna.nowak@example.pl\n\nDzień dobry, pralka, którą kupiłam, przecieka od pierwszego prania. Proszę o naprawę.",
            TestContext.Current.CancellationToken);

        var results = new List<CaptureResult>();
        foreach (var file in Directory.GetFiles(inbox).Order(StringComparer.Ordinal))
        {
            results.Add(await archive.ImportAsync(file));
        }

        Assert.Equal(
            [CaptureOutcome.Quarantined, CaptureOutcome.Quarantined, CaptureOutcome.Quarantined, CaptureOutcome.Opened],
            results.Select(r => r.Outcome));
        Assert.Contains("PDF", results[0].Reason, StringComparison.Ordinal);
        Assert.Contains("empty", results[1].Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("TIFF", results[2].Reason, StringComparison.Ordinal);
        var recorded = archive.Store.ListQuarantine();
        Assert.Equal(3, recorded.Count);
        Assert.All(recorded, q => Assert.False(string.IsNullOrWhiteSpace(q.Reason)));
        Assert.Equal("anna.nowak@example.pl", results[3].Contact.Email);
    }

    [Fact]
    public async Task Import_EveryMessageOfTheMailCorpus_EndsInACaseOrAQuarantineRecordWithAReason()
    {
        var corpus = Path.Combine(TestCorpus.RequireDirectory(), "mail");
        using var archive = new TestArchive();
        var messages = Directory.GetFiles(corpus, "*.eml").Order(StringComparer.Ordinal).ToList();

        var outcomes = new List<string>();
        foreach (var message in messages)
        {
            var result = await archive.ImportAsync(message);
            outcomes.Add($"{Path.GetFileName(message)}: {result.Outcome} {result.RegistrationNumber} {result.Reason}");
            if (result.Outcome == CaptureOutcome.Quarantined)
            {
                Assert.False(string.IsNullOrWhiteSpace(result.Reason), $"{message} was quarantined without a reason");
            }
            else
            {
                Assert.NotNull(result.RegistrationNumber);
            }
        }

        TestContext.Current.SendDiagnosticMessage(string.Join(Environment.NewLine, outcomes));
        Assert.True(messages.Count >= 40, $"expected the whole mail corpus, found {messages.Count} messages");
        Assert.Contains(outcomes, o => o.Contains(": Opened ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_DeliveryStatusReport_DoesNotOpenACase()
    {
        var bounce = TestCorpus.RequireFile("mail/mimekit_delivery-status.eml");
        using var archive = new TestArchive();

        var result = await archive.ImportAsync(bounce);

        Assert.Equal(CaptureOutcome.Quarantined, result.Outcome);
        Assert.Contains("bounce", result.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(archive.Store.ListCases());
    }

    private static ExpectedSample PdfSample() => SampleExpectations.All.First(s => s.File.EndsWith(".pdf", StringComparison.Ordinal));

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(20261123).NextBytes(bytes);
        return bytes;
    }
}
