using System.Text;
using Archive.Store;
using Capture.Testing;
using Capture.Worker.Hosting;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Capture.Worker.Tests.Reliability;

/// <summary>
/// The hostile-input battery: bombs, parser-exhausting MIME, oversized items, names that try to leave the archive and
/// broken encodings, captured by a real <c>capture import</c> process with small limits. Each item is captured or
/// quarantined with a reason, the process stays under a memory cap, and nothing is written outside the archive root.
/// (Every file of the shared corpus goes through the same program in CorpusScanTests and MailboxCorpusTests.)
/// </summary>
public sealed class HostileInputTests
{
    /// <summary>Two OCR engines, the category model and the largest page the limits let through fit well below this.</summary>
    private const long MemoryCapMegabytes = 1024;

    private const int SizeLimitBytes = 1024 * 1024;

    private static readonly Dictionary<string, string> SmallLimits = new()
    {
        ["CAPTURE_Extraction__MaxFileBytes"] = SizeLimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CAPTURE_Extraction__MaxAttachmentsPerMail"] = "50",
        ["CAPTURE_Extraction__MaxMailNestingDepth"] = "3",
        ["CAPTURE_Ocr__MaxPixelsPerPage"] = "50000000",
    };

    /// <summary>Names a scanner or a user could give files on a Linux share (anything but '/' and NUL).</summary>
    private static readonly string[] HostileFileNames =
    [
        "-rf --no-preserve-root.txt", "bell\a-escape\u001b[2J.txt", "new\nline.txt", " leading and trailing .txt ", "CON.txt",
        "zażółć gęślą jaźń ünïcödé.txt", new string('d', 240) + ".txt", "..txt", "$(reboot).txt", "%s%n%x.txt",
    ];

    [Fact]
    public async Task CaptureImport_HostileInputs_AreEachCapturedOrQuarantinedWithAReason_WithinTheMemoryCap_AndInsideTheArchive()
    {
        using var directory = new TempDirectory();
        var inputs = Directory.CreateDirectory(directory.Combine("inputs")).FullName;
        var archive = directory.Combine("archive");
        var expected = WriteInputs(inputs);
        var before = Directory.EnumerateFiles(directory.Path, "*", SearchOption.AllDirectories).ToHashSet(StringComparer.Ordinal);
        var passwdWritten = File.GetLastWriteTimeUtc("/etc/passwd");

        var run = await CaptureProcess.ImportAsync(archive, [.. expected.Keys], TestContext.Current.CancellationToken, SmallLimits);

        TestContext.Current.SendDiagnosticMessage(string.Join(Environment.NewLine, run.Items.Select(i => $"{Path.GetFileName(i.Source)}: {i.Outcome} {i.Reason}").Append($"peak memory {run.PeakMemoryMegabytes} MB, exit {run.ExitCode}")));
        Assert.True(run.ExitCode is 0 or 2, $"capture import failed (exit {run.ExitCode}): {run.Error}");
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), run.Items.Select(i => i.Source).Order(StringComparer.Ordinal));
        foreach (var item in run.Items)
        {
            var (outcome, reasonMentions) = expected[item.Source];
            Assert.True(outcome == "any" ? item.Outcome is "opened" or "quarantined" : item.Outcome == outcome, $"{item.Source}: {item.Outcome} ({item.Reason}), expected {outcome}");
            Assert.True(item.Outcome != "quarantined" || !string.IsNullOrWhiteSpace(item.Reason), $"{item.Source}: quarantined without a reason");
            Assert.True(reasonMentions is null || (item.Reason ?? "").Contains(reasonMentions, StringComparison.Ordinal), $"{item.Source}: the reason \"{item.Reason}\" does not name {reasonMentions}");
        }

        Assert.True(run.PeakMemoryMegabytes < MemoryCapMegabytes, $"peak memory {run.PeakMemoryMegabytes} MB, over the cap of {MemoryCapMegabytes} MB");
        var written = Directory.EnumerateFiles(directory.Path, "*", SearchOption.AllDirectories).Where(f => !before.Contains(f)).ToList();
        Assert.All(written, file => Assert.StartsWith(Path.GetFullPath(archive) + Path.DirectorySeparatorChar, file, StringComparison.Ordinal));
        Assert.False(File.Exists("/etc/capture-escape.txt"));
        Assert.Equal(passwdWritten, File.GetLastWriteTimeUtc("/etc/passwd"));
        AssertStoredNamesAreSafe(archive);
    }

    /// <summary>Every stored file is a plain file strictly inside the archive, under a name with no separator or control character.</summary>
    private static void AssertStoredNamesAreSafe(string archive)
    {
        using var host = CaptureHostFactory.Build(TestArchive.ForDirectory(archive));
        var store = host.Services.GetRequiredService<ArchiveStore>();
        var root = Path.GetFullPath(archive) + Path.DirectorySeparatorChar;
        var documents = store.ListDocuments();
        Assert.Contains(documents, d => d.OriginalFileName == "/etc/passwd" || d.OriginalFileName.EndsWith("passwd", StringComparison.Ordinal));
        foreach (var document in documents)
        {
            var path = Path.GetFullPath(Path.Combine(archive, document.ArchivePath));
            Assert.StartsWith(root, path, StringComparison.Ordinal);
            Assert.True(File.Exists(path), $"{document.ArchivePath} is missing");
            Assert.Null(new FileInfo(path).LinkTarget);
            Assert.DoesNotContain(document.StoredFileName, c => char.IsControl(c) || c is '/' or '\\');
            Assert.True(Encoding.UTF8.GetByteCount(document.StoredFileName) <= 255 - ".searchable.pdf".Length, $"{document.StoredFileName} is too long for a file system");
        }
    }

    /// <summary>Writes every hostile input and returns, for each path, the outcome it must have and a word its reason must contain.</summary>
    private static Dictionary<string, (string Outcome, string? ReasonMentions)> WriteInputs(string folder)
    {
        var expected = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        void Write(string name, byte[] content, string outcome, string? reasonMentions = null)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, content);
            expected[path] = (outcome, reasonMentions);
        }

        void WriteMail(string name, MimeMessage message, string outcome, string? reasonMentions = null)
        {
            using var stream = new MemoryStream();
            message.WriteTo(stream);
            Write(name, stream.ToArray(), outcome, reasonMentions);
        }

        Write("gigapixel.pdf", HostileInputs.GigapixelPdf(), "quarantined", "pixels");
        Write("gigapixel.tif", HostileInputs.GigapixelTiff(), "quarantined", "pixels");
        Write("inflates-to-400-megapixels.png", HostileInputs.DecompressionBombPng(), "quarantined", "pixels");
        using (var nested = HostileInputs.NestedMessage(40))
        using (var attachments = HostileInputs.ThousandsOfAttachments(3000))
        using (var names = HostileInputs.HostileAttachmentNames())
        {
            WriteMail("nested-40-deep.eml", nested, "any");
                WriteMail("3000-attachments.eml", attachments, "opened", "and 2,947 more were archived but their text could not be read");
            WriteMail("hostile-attachment-names.eml", names, "opened");
        }

        Write("mixed-charsets.eml", HostileInputs.MixedCharsetMessage(), "opened");
        Write("invalid-utf8.txt", HostileInputs.InvalidUtf8Letter(), "opened");
        Write("over-the-limit.txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Reklamacja pralki. ", (SizeLimitBytes / 19) + 100))), "quarantined", "bytes), above the limit of 1 MB (1,048,576 bytes) (Extraction:MaxFileBytes)");
        using (var big = HostileInputs.ThousandsOfAttachments(1))
        {
            var attachment = (MimePart)((Multipart)big.Body!)[1];
            attachment.Content = new MimeContent(new MemoryStream(new byte[2 * SizeLimitBytes]));
            WriteMail("over-the-limit.eml", big, "quarantined", "Extraction:MaxFileBytes");
        }

        foreach (var (name, index) in HostileFileNames.Select((n, i) => (n, i)))
        {
            Write(name, Encoding.UTF8.GetBytes($"Dzień dobry, reklamuję czajnik z zamówienia ZAM/2026/0{5000 + index}, przecieka. Jan Kowalski"), "opened");
        }

        return expected;
    }
}
