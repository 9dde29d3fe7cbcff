using System.Security.Cryptography;
using System.Text;
using Archive.Store.Documents;

namespace Archive.Store.Tests;

/// <summary>Scanned originals keep their per-page OCR details and a searchable PDF beside them.</summary>
public sealed class ScannedDocumentTests
{
    [Fact]
    public void OpenCase_ScanWithPagesAndSearchablePdf_StoresBothBesideTheOriginalWithThePdfsSha256()
    {
        using var archive = new ArchiveFixture();
        var scan = ArchiveFixture.Document("scan.tif", "II*\0 scan") with
        {
            Pages =
            [
                new PageRecord { Number = 1, FromOcr = true, Confidence = 0.91, Rotation = 180, Skew = -1.5 },
                new PageRecord { Number = 2, FromOcr = true, Confidence = 0.42, Rotation = 0, Skew = 0.25 },
            ],
            NeedsReview = true,
            OpenSearchablePdf = () => new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.5 searchable")),
        };

        var commit = archive.Store.OpenCase(ArchiveFixture.Case(), [scan], "scanner:scan.tif");

        var stored = Assert.Single(archive.Store.GetDocuments(commit.Case.Id));
        Assert.Equal(stored.ArchivePath + ".searchable.pdf", stored.SearchablePdfPath);
        Assert.Equal("%PDF-1.5 searchable", File.ReadAllText(archive.Store.ResolvePath(stored.SearchablePdfPath!)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes("%PDF-1.5 searchable"))), stored.SearchablePdfSha256);
        Assert.True(stored.NeedsReview);
        Assert.Equal([180, 0], stored.Pages.Select(p => p.Rotation));
        Assert.Equal([-1.5, 0.25], stored.Pages.Select(p => p.Skew));
        Assert.Equal([0.91, 0.42], stored.Pages.Select(p => p.Confidence));
    }

    [Fact]
    public void OpenCase_DocumentWithoutSearchablePdf_RecordsNone()
    {
        using var archive = new ArchiveFixture();

        var commit = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], "k");

        var stored = Assert.Single(commit.Documents);
        Assert.Null(stored.SearchablePdfPath);
        Assert.False(File.Exists(archive.Store.ResolvePath(stored.ArchivePath) + ".searchable.pdf"));
    }

    [Fact]
    public void OpenCase_SearchablePdfThatFailsToOpen_LeavesNoCaseAndNoFiles()
    {
        using var archive = new ArchiveFixture();
        var scan = ArchiveFixture.Document("scan.tif") with { OpenSearchablePdf = () => throw new IOException("renderer output vanished") };

        Assert.Throws<IOException>(() => archive.Store.OpenCase(ArchiveFixture.Case(), [scan], "k"));

        Assert.Empty(archive.Store.ListCases());
        Assert.Empty(archive.ArchivedFiles());
    }
}
