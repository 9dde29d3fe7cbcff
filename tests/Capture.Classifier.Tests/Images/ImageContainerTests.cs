using Capture.Classifier.Tests.Extraction;
using Capture.Classifier.Ocr;
using Capture.Testing;

namespace Capture.Classifier.Tests.Images;

/// <summary>Every common scan container leptonica reads is recognised: the same page as JPEG, PNG, BMP, GIF, WebP, TIFF.</summary>
public sealed class ImageContainerTests(ExtractorFixture fixture) : IClassFixture<ExtractorFixture>
{
    // leptonica's IFF_* output formats (imageio.h).
    private const int Bmp = 1;
    private const int Jpeg = 2;
    private const int Png = 3;
    private const int TiffLzw = 9;
    private const int Gif = 13;
    private const int WebP = 15;

    [Theory]
    [InlineData("page.jpg", Jpeg, "image/jpeg")]
    [InlineData("page.png", Png, "image/png")]
    [InlineData("page.bmp", Bmp, "image/bmp")]
    [InlineData("page.gif", Gif, "image/gif")]
    [InlineData("page.webp", WebP, "image/webp")]
    [InlineData("page.tif", TiffLzw, "image/tiff")]
    public async Task Extract_PageSavedInAContainer_IsRecognised(string fileName, int format, string mediaType)
    {
        using var temp = new TempDirectory();
        var path = temp.Combine(fileName);
        using (var page = LeptonicaNative.pixRead(TestCorpus.RequireFile("scans/tesseract/phototest.tif")))
        using (var grey = LeptonicaNative.pixConvertTo8(page, 0))
        {
            // JPEG and WebP hold grey or colour only; one grey page serves every container.
            Assert.Equal(0, LeptonicaNative.pixWrite(path, grey, format));
        }

        var document = await fixture.Extractor.ExtractAsync(path, fileName, TestContext.Current.CancellationToken);

        Assert.Equal(mediaType, document.MediaType);
        Assert.True(document.UsedOcr);
        Assert.Contains("quick brown dog", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_ImageNamedAsAnotherContainer_IsReadByItsContent()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("scan.tif");
        using (var page = LeptonicaNative.pixRead(TestCorpus.RequireFile("scans/tesseract/phototest.tif")))
        {
            Assert.Equal(0, LeptonicaNative.pixWrite(path, page, Png));
        }

        var document = await fixture.Extractor.ExtractAsync(path, "scan.tif", TestContext.Current.CancellationToken);

        Assert.Equal("image/png", document.MediaType);
        Assert.Contains("quick brown dog", document.Text, StringComparison.Ordinal);
    }
}
