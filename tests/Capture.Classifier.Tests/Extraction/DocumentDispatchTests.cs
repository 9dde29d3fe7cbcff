using System.Text;
using Capture.Classifier.Extraction;
using Capture.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Capture.Classifier.Tests.Extraction;

public sealed class DocumentDispatchTests(ExtractorFixture fixture) : IClassFixture<ExtractorFixture>
{
    [Fact]
    public async Task Extract_EmptyFile_IsUnreadableAsEmpty()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("empty.pdf");
        await File.WriteAllBytesAsync(path, [], TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<UnreadableDocumentException>(
            () => fixture.Extractor.ExtractAsync(path, "empty.pdf", TestContext.Current.CancellationToken));

        Assert.Equal("The file is empty (0 bytes).", error.Message);
    }

    [Fact]
    public async Task Extract_RandomBytesNamedTif_IsUnreadableAsNotATiff()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("scan.tif");
        await File.WriteAllBytesAsync(path, RandomBytes(4096), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<UnreadableDocumentException>(
            () => fixture.Extractor.ExtractAsync(path, "scan.tif", TestContext.Current.CancellationToken));

        Assert.Contains("not a readable TIFF image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_TiffSignatureWithGarbage_IsUnreadableAsNotATiff()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("scan.tif");
        await File.WriteAllBytesAsync(path, [.. "II*\0"u8.ToArray(), .. RandomBytes(4096)], TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<UnreadableDocumentException>(
            () => fixture.Extractor.ExtractAsync(path, "scan.tif", TestContext.Current.CancellationToken));

        Assert.StartsWith("The file is not a readable TIFF image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_ZipArchive_IsUnsupportedAndListsWhatIsRead()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("offer.docx");
        await File.WriteAllBytesAsync(path, [.. "PK\u0003\u0004"u8.ToArray(), .. RandomBytes(512)], TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<UnreadableDocumentException>(
            () => fixture.Extractor.ExtractAsync(path, "offer.docx", TestContext.Current.CancellationToken));

        Assert.StartsWith("Unsupported file type (.docx, a ZIP archive or Office document); Capture reads e-mail (.eml), PDF,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_FileOverSizeLimit_IsUnreadableNamingTheSetting()
    {
        using var pool = new Capture.Classifier.Ocr.OcrEnginePool(new(), NullLogger<Capture.Classifier.Ocr.OcrEnginePool>.Instance);
        var extractor = new DocumentTextExtractor(new ExtractionOptions { MaxFileBytes = 1024 }, pool, NullLogger<DocumentTextExtractor>.Instance);
        using var temp = new TempDirectory();
        var path = temp.Combine("big.txt");
        await File.WriteAllTextAsync(path, new string('a', 4096), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<UnreadableDocumentException>(
            () => extractor.ExtractAsync(path, "big.txt", TestContext.Current.CancellationToken));

        Assert.Equal("The file is 4,096 bytes, above the limit of 1,024 bytes (Extraction:MaxFileBytes).", error.Message);
    }

    [Fact]
    public async Task Extract_Utf8Text_IsReadAsUtf8()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("note.txt");
        await File.WriteAllBytesAsync(path, Encoding.UTF8.GetBytes("Zażółć gęślą jaźń – árvíztűrő"), TestContext.Current.CancellationToken);

        var document = await fixture.Extractor.ExtractAsync(path, "note.txt", TestContext.Current.CancellationToken);

        Assert.Equal("text/plain", document.MediaType);
        Assert.Equal("Zażółć gęślą jaźń – árvíztűrő", document.Text);
        Assert.False(document.UsedOcr);
    }

    [Fact]
    public async Task Extract_Windows1250Text_FallsBackToWindows1250()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var temp = new TempDirectory();
        var path = temp.Combine("note.txt");
        await File.WriteAllBytesAsync(path, Encoding.GetEncoding(1250).GetBytes("Reklamacja: Łódź, źle naliczona opłata"), TestContext.Current.CancellationToken);

        var document = await fixture.Extractor.ExtractAsync(path, "note.txt", TestContext.Current.CancellationToken);

        Assert.Equal("Reklamacja: Łódź, źle naliczona opłata", document.Text);
    }

    [Fact]
    public async Task Extract_MailWithoutEmlExtension_IsRecognisedByHeaders()
    {
        var path = TestCorpus.RequireFile("mail/hunnysoft_m2005_eudora.eml");

        var document = await fixture.Extractor.ExtractAsync(path, "incoming-item", TestContext.Current.CancellationToken);

        Assert.Equal("message/rfc822", document.MediaType);
        Assert.NotNull(document.Mail);
    }

    [Fact]
    public async Task Extract_CancelledBeforeStart_ThrowsOperationCanceled()
    {
        var path = TestCorpus.RequireFile("scans/tesseract/phototest.tif");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Extractor.ExtractAsync(path, "phototest.tif", cancelled.Token));
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(20240601).NextBytes(bytes);
        bytes[0] = 0x13;
        return bytes;
    }
}
