using Archive.Search;
using Capture.Testing;
using Capture.Worker.Pipeline;
using Capture.Worker.Tests.Support;

namespace Capture.Worker.Tests.Pipeline;

/// <summary>Scans are turned upright, recorded page by page, searchable, and archived with a searchable PDF.</summary>
public sealed class ScannedLetterTests
{
    [Fact]
    public async Task Import_UpsideDownScan_IsReadUprightAndRecordsTheRotationAndASearchablePdf()
    {
        var scan = TestCorpus.RequireFile("scans/tesseract/phototest-rotated-180.png");
        using var archive = new TestArchive();

        var result = await archive.ImportAsync(scan);

        Assert.Equal(CaptureOutcome.Opened, result.Outcome);
        Assert.True(result.Ocr);
        var document = Assert.Single(archive.Store.GetDocuments(archive.Store.FindCase(result.RegistrationNumber!)!.Id));
        var page = Assert.Single(document.Pages);
        Assert.Equal(180, page.Rotation);
        Assert.True(page.Confidence > 0.8, $"confidence {page.Confidence}");
        Assert.NotNull(document.SearchablePdfPath);
        var searchable = await File.ReadAllBytesAsync(archive.Store.ResolvePath(document.SearchablePdfPath), TestContext.Current.CancellationToken);
        Assert.Equal("%PDF"u8.ToArray(), searchable[..4]);
        var hit = Assert.Single(archive.Index.Search(new SearchRequest("\"quick brown dog\"")).Hits);
        Assert.Equal(result.RegistrationNumber, hit.RegistrationNumber);
    }

    [Fact]
    public async Task Import_TextLayerPdf_GetsNoSearchableCopyBecauseItIsSearchableAlready()
    {
        var pdf = Path.Combine(SampleExpectations.InboxDirectory, "en-thanks-broadband-letter.pdf");
        using var archive = new TestArchive();

        var result = await archive.ImportAsync(pdf);

        var document = Assert.Single(archive.Store.GetDocuments(archive.Store.FindCase(result.RegistrationNumber!)!.Id));
        Assert.False(document.UsedOcr);
        Assert.Null(document.SearchablePdfPath);
        Assert.All(document.Pages, p => Assert.False(p.FromOcr));
    }
}
