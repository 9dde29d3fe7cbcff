using System.Security.Cryptography;
using System.Text;
using Archive.Store.Audit;
using Archive.Store.Cases;
using Archive.Store.Documents;
using Archive.Store.Intake;

namespace Archive.Store.Tests;

public sealed class CaptureCommitTests
{
    [Fact]
    public void OpenCase_StoresTheOriginalWithItsTrueSha256AndReadOnly()
    {
        using var archive = new ArchiveFixture();
        var bytes = RandomNumberGenerator.GetBytes(200_000);

        var document = archive.Store.OpenCase(
            ArchiveFixture.Case(), [ArchiveFixture.Document("scan.tif", open: () => new MemoryStream(bytes))], null).Documents.Single();

        var path = archive.Store.ResolvePath(document.ArchivePath);
        Assert.Equal("Complaints/2026/03/C-2026-000001/01-scan.tif", document.ArchivePath);
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), document.Sha256);
        Assert.Equal(bytes.Length, document.SizeBytes);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void OpenCase_WritesTheExtractedTextBesideTheOriginalAsUtf8()
    {
        using var archive = new ArchiveFixture();
        var document = ArchiveFixture.Document("reklamacja.pdf") with { Text = "Zażółć gęślą jaźń — panaszt teszek" };

        var stored = archive.Store.OpenCase(ArchiveFixture.Case(), [document], null).Documents.Single();

        Assert.Equal(stored.ArchivePath + ".txt", stored.TextPath);
        var bytes = File.ReadAllBytes(archive.Store.ResolvePath(stored.TextPath));
        Assert.Equal(Encoding.UTF8.GetBytes(document.Text), bytes);
    }

    [Fact]
    public void OpenCase_WhenTheSecondDocumentFails_KeepsNoCaseNoFilesAndNoNumber()
    {
        using var archive = new ArchiveFixture();
        var failing = ArchiveFixture.Document("attachment.pdf", open: () => throw new IOException("source vanished"));

        var thrown = Assert.Throws<IOException>(() =>
            archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document("mail.eml"), failing], "imap:inbox:1:7"));

        Assert.Equal("source vanished", thrown.Message);
        Assert.Empty(archive.Store.ListCases());
        Assert.Empty(archive.Store.ListDocuments());
        Assert.Empty(archive.ArchivedFiles());
        Assert.False(Directory.Exists(Path.Combine(archive.Root, "Complaints")));
        var claim = archive.Store.Claim("imap:inbox:1:7", "imap", null);
        Assert.Equal((IntakeState.Claimed, 1), (claim.State, claim.Attempts));

        var next = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;
        Assert.Equal("C-2026-000001", next.RegistrationNumber);
        Assert.Single(archive.Store.ListCases());
    }

    [Fact]
    public void OpenCase_WhenTheContentStreamBreaksMidway_LeavesNoPartialOrTemporaryFile()
    {
        using var archive = new ArchiveFixture();
        archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document("first.pdf")], null);
        var breaking = ArchiveFixture.Document("big.pdf", open: () => new BreakingStream(100_000));

        Assert.Throws<IOException>(() => archive.Store.OpenCase(ArchiveFixture.Case(), [breaking], null));

        Assert.Equal(["01-first.pdf", "01-first.pdf.txt"], archive.ArchivedFiles().Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var second = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;
        Assert.Equal("C-2026-000002", second.RegistrationNumber);
    }

    [Fact]
    public void OpenCase_RecordsTheOpeningInTheHistory()
    {
        using var archive = new ArchiveFixture();

        var commit = archive.Store.OpenCase(ArchiveFixture.Case(source: "imap:complaints"),
            [ArchiveFixture.Document("mail.eml"), ArchiveFixture.Document("photo.jpg", role: DocumentRole.Attachment, parentIndex: 0)], null);

        var opened = Assert.Single(archive.Store.GetHistory(commit.Case.Id));
        Assert.Equal(CaseEventKinds.Opened, opened.Kind);
        Assert.Equal("capture", opened.Actor);
        Assert.Equal(ArchiveFixture.Start, opened.At);
        Assert.Contains("imap:complaints", opened.Detail, StringComparison.Ordinal);
        Assert.Contains("2 document(s)", opened.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenCase_LinksAttachmentsToTheirEmail()
    {
        using var archive = new ArchiveFixture();

        var commit = archive.Store.OpenCase(ArchiveFixture.Case(),
            [ArchiveFixture.Document("mail.eml"), ArchiveFixture.Document("photo.jpg", role: DocumentRole.Attachment, parentIndex: 0)], null);

        var documents = archive.Store.GetDocuments(commit.Case.Id);
        Assert.Equal(["01-mail.eml", "02-photo.jpg"], documents.Select(d => d.StoredFileName));
        Assert.Null(documents[0].ParentDocumentId);
        Assert.Equal(documents[0].Id, documents[1].ParentDocumentId);
        Assert.Equal(DocumentRole.Attachment, documents[1].Role);
    }

    [Fact]
    public void OpenCase_RejectsAParentIndexOutsideTheCaptureBeforeWritingAnything()
    {
        using var archive = new ArchiveFixture();

        Assert.Throws<ArgumentException>(() => archive.Store.OpenCase(ArchiveFixture.Case(),
            [ArchiveFixture.Document("photo.jpg", role: DocumentRole.Attachment, parentIndex: 3)], null));
        Assert.Throws<ArgumentException>(() => archive.Store.OpenCase(ArchiveFixture.Case(), [], null));

        Assert.Empty(archive.ArchivedFiles());
        Assert.Empty(archive.Store.ListCases());
    }

    [Fact]
    public void JoinCase_AddsDocumentsAfterTheExistingOnesAndAuditsEachOne()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document("letter.pdf")], null).Case;
        archive.Time.Advance(TimeSpan.FromDays(2));

        var joined = archive.Store.JoinCase("c-2026-000001",
            [ArchiveFixture.Document("reply.eml", source: "imap:complaints"), ArchiveFixture.Document("letter.pdf", role: DocumentRole.Attachment, parentIndex: 0)], null);

        Assert.Equal(opened.Id, joined.Case.Id);
        Assert.Equal(ArchiveFixture.Start.AddDays(2), joined.Case.UpdatedAt);
        Assert.Equal(ArchiveFixture.Start.AddDays(2), archive.Store.FindCaseById(opened.Id)!.UpdatedAt);
        Assert.Equal(["01-letter.pdf", "02-reply.eml", "03-letter.pdf"], archive.Store.GetDocuments(opened.Id).Select(d => d.StoredFileName));
        Assert.All(joined.Documents, d => Assert.StartsWith(opened.ArchivePath + "/", d.ArchivePath, StringComparison.Ordinal));
        Assert.All(joined.Documents, d => Assert.True(File.Exists(archive.Store.ResolvePath(d.ArchivePath))));

        // The customer wrote again: the case moves to pending on the company (LifecycleTests covers the moves).
        var history = archive.Store.GetHistory(opened.Id);
        Assert.Equal([CaseEventKinds.Opened, CaseEventKinds.StatusChanged, CaseEventKinds.DocumentAdded, CaseEventKinds.DocumentAdded], history.Select(e => e.Kind));
        Assert.Contains("02-reply.eml", history[2].Detail, StringComparison.Ordinal);
        Assert.Equal(ArchiveFixture.Start.AddDays(2), history[3].At);
    }

    [Fact]
    public void JoinCase_WithAnUnknownNumber_ThrowsCaseNotFound()
    {
        using var archive = new ArchiveFixture();

        var thrown = Assert.Throws<CaseNotFoundException>(() => archive.Store.JoinCase("C-2026-999999", [ArchiveFixture.Document()], null));

        Assert.Equal("C-2026-999999", thrown.RegistrationNumber);
        Assert.Empty(archive.ArchivedFiles());
    }

    [Fact]
    public void JoinCase_WhenADocumentFails_LeavesTheCaseAsItWas()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document("letter.pdf")], null).Case;
        var filesBefore = archive.ArchivedFiles();

        Assert.Throws<InvalidOperationException>(() => archive.Store.JoinCase(opened.RegistrationNumber,
            [ArchiveFixture.Document("reply.eml"), ArchiveFixture.Document("x.pdf", open: () => throw new InvalidOperationException("bad"))], "k"));

        Assert.Equal(filesBefore, archive.ArchivedFiles());
        Assert.Single(archive.Store.GetDocuments(opened.Id));
        Assert.Single(archive.Store.GetHistory(opened.Id));
        Assert.Equal(IntakeState.Claimed, archive.Store.Claim("k", "imap", null).State);
    }

    [Fact]
    public void OpenCase_MovesFilesACrashLeftInTheNewCasesFolderAside_NeverOverwritingThem()
    {
        using var archive = new ArchiveFixture();
        var orphanFolder = Path.Combine(archive.Root, "Complaints", "2026", "03", "C-2026-000001");
        Directory.CreateDirectory(orphanFolder);
        File.WriteAllText(Path.Combine(orphanFolder, "01-letter.pdf"), "orphan from a crash");

        var stored = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document("letter.pdf", "new content")], null).Documents.Single();

        Assert.Equal("01-letter.pdf", stored.StoredFileName);
        Assert.Equal("new content", File.ReadAllText(archive.Store.ResolvePath(stored.ArchivePath)));
        var setAside = Assert.Single(Directory.GetFiles(Path.Combine(archive.Root, ".uncommitted"), "01-letter.pdf", SearchOption.AllDirectories));
        Assert.StartsWith("C-2026-000001-", Path.GetFileName(Path.GetDirectoryName(setAside)), StringComparison.Ordinal);
        Assert.Equal("orphan from a crash", File.ReadAllText(setAside));
    }

    [Fact]
    public void OpenCase_MovesAsideWhatACrashedCaptureOfTheSameNumberLeftUnderAnotherCategory()
    {
        using var archive = new ArchiveFixture();
        // The crashed capture took the letter for a suggestion; after the restart the number went to a complaint.
        var orphanFolder = Path.Combine(archive.Root, "Suggestions", "2026", "03", "C-2026-000001");
        Directory.CreateDirectory(orphanFolder);
        File.WriteAllText(Path.Combine(orphanFolder, "01-scan.png"), "orphan from a crash");

        var opened = archive.Store.OpenCase(ArchiveFixture.Case(CaseCategory.Complaint), [ArchiveFixture.Document("letter.pdf")], null).Case;

        Assert.Equal("C-2026-000001", opened.RegistrationNumber);
        Assert.StartsWith("Complaints/", opened.ArchivePath, StringComparison.Ordinal);
        Assert.False(Directory.Exists(orphanFolder));
        var setAside = Assert.Single(Directory.GetFiles(Path.Combine(archive.Root, ".uncommitted"), "01-scan.png", SearchOption.AllDirectories));
        Assert.Equal("orphan from a crash", File.ReadAllText(setAside));
        Assert.Empty(archive.Store.CheckIntegrity(null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void OpenCase_IsSafeFromManyThreadsAtOnce()
    {
        using var archive = new ArchiveFixture();

        var numbers = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 20, _ => numbers.Add(archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case.RegistrationNumber));

        Assert.Equal(20, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"C-2026-{i:000000}"), numbers.Order(StringComparer.Ordinal));
    }

    /// <summary>Yields some bytes, then fails like a dropped network share.</summary>
    private sealed class BreakingStream(int failAfter) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= failAfter)
            {
                throw new IOException("The network path was lost.");
            }

            var n = Math.Min(count, failAfter - _position);
            Array.Fill(buffer, (byte)'x', offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
