using Capture.Classifier.Extraction;
using Capture.Classifier.Ocr;
using Capture.Classifier.Tests.Extraction;
using Capture.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Capture.Classifier.Tests.Ocr;

public sealed class DeskewTests(ExtractorFixture fixture, ITestOutputHelper output) : IClassFixture<ExtractorFixture>
{
    private const string Letter = """
        Szanowni Państwo,
        w dniu 12 marca 2026 r. zamówiłem w Państwa sklepie internetowym
        ekspres do kawy (zamówienie nr ZM-2026-04417). Przesyłka dotarła
        uszkodzona: obudowa jest pęknięta, a dzbanek rozbity na kawałki.
        Proszę o wymianę urządzenia na nowe albo o zwrot zapłaconej kwoty
        849,00 zł na rachunek, z którego dokonałem płatności.
        Zdjęcia uszkodzeń przesyłam w załączniku. Liczę na szybką odpowiedź.
        Z poważaniem
        Grzegorz Wiśniewski, ul. Długa 15/3, 90-001 Łódź, tel. 601 234 567

        """;

    [Theory]
    [InlineData("skew.pdf", -2.3, -1.5)]
    [InlineData("rotated_skew.pdf", 2.3, 3.2)]
    public async Task Extract_SkewedScanPdf_IsStraightenedAndRecordsTheAngle(string file, double minimumSkew, double maximumSkew)
    {
        var path = TestCorpus.RequireFile("scans/ocrmypdf/" + file);
        var groundTruth = await File.ReadAllTextAsync(TestCorpus.RequireFile("scans/ocrmypdf/linn.gt.txt"), TestContext.Current.CancellationToken);

        var document = await fixture.Extractor.ExtractAsync(path, file, TestContext.Current.CancellationToken);

        var page = Assert.Single(document.Pages);
        var recall = WordRecall.Of(groundTruth, page.Text);
        output.WriteLine($"{file}: rotation {page.Rotation}, skew {page.Skew}, recall {recall:0.000}");
        Assert.Equal(0, page.Rotation);
        Assert.InRange(page.Skew, minimumSkew, maximumSkew);
        Assert.InRange(recall, 0.97, 1.0);
    }

    [Fact]
    public async Task Extract_LetterScannedAtSixDegrees_ReadsBetterDeskewedThanAsItIs()
    {
        using var temp = new TempDirectory();
        var token = TestContext.Current.CancellationToken;
        var scan = await SyntheticScan.RenderAsync(Letter, temp.Path, "letter", token);
        var slanted = SyntheticScan.Rotate(scan, 6, temp.Combine("slanted.png"));
        using var plainPool = new OcrEnginePool(
            new OcrOptions { MaxDegreeOfParallelism = 1, Deskew = false, DetectOrientation = false, CreateSearchablePdf = false },
            NullLogger<OcrEnginePool>.Instance);
        var plain = new DocumentTextExtractor(new ExtractionOptions(), plainPool, NullLogger<DocumentTextExtractor>.Instance);

        var straightened = Assert.Single((await fixture.Extractor.ExtractAsync(slanted, "slanted.png", token)).Pages);
        var asItIs = Assert.Single((await plain.ExtractAsync(slanted, "slanted.png", token)).Pages);

        var straightenedRecall = WordRecall.Of(Letter, straightened.Text);
        var asItIsRecall = WordRecall.Of(Letter, asItIs.Text);
        output.WriteLine($"6° letter: deskewed by {straightened.Skew}°, recall {straightenedRecall:0.000}; as it is {asItIsRecall:0.000}");
        Assert.InRange(straightened.Skew, -6.3, -5.7);
        Assert.Equal(0, asItIs.Skew);
        Assert.InRange(straightenedRecall, 0.98, 1.0);
        Assert.True(straightenedRecall > asItIsRecall, $"deskewed {straightenedRecall}, as it is {asItIsRecall}");
        Assert.Contains("Grzegorz Wiśniewski", straightened.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_StraightScan_IsNotRotated()
    {
        var path = TestCorpus.RequireFile("scans/ocrmypdf/linn.png");

        var document = await fixture.Extractor.ExtractAsync(path, "linn.png", TestContext.Current.CancellationToken);

        var page = Assert.Single(document.Pages);
        Assert.Equal(0, page.Rotation);
        Assert.InRange(page.Skew, -0.1, 0.1);
    }
}
