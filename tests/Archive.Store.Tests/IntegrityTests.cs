using Archive.Store.Integrity;
using LiteDB;

namespace Archive.Store.Tests;

/// <summary><see cref="ArchiveStore.CheckIntegrity"/>: each kind of damage to a real archive is found and named.</summary>
public sealed class IntegrityTests : IDisposable
{
    private readonly ArchiveFixture _archive = new();

    [Fact]
    public void CheckIntegrity_CleanArchive_FindsNothing()
    {
        OpenCases(3);

        Assert.Empty(Check());
    }

    [Fact]
    public void CheckIntegrity_AlteredOriginal_IsNamedWithBothHashes()
    {
        var commit = OpenCases(2)[1];
        var original = _archive.Store.ResolvePath(commit.Documents[0].ArchivePath);
        File.AppendAllText(original, " tampered");

        var problem = Assert.Single(Check());

        Assert.Equal(ArchiveProblemKind.AlteredOriginal, problem.Kind);
        Assert.Equal(commit.Documents[0].ArchivePath, problem.Subject);
        Assert.Contains(commit.Documents[0].Sha256, problem.Message, StringComparison.Ordinal);
        Assert.Contains("C-2026-000002", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckIntegrity_MissingOriginalAndText_AreEachNamed()
    {
        var document = OpenCases(1)[0].Documents[0];
        File.Delete(_archive.Store.ResolvePath(document.ArchivePath));
        File.Delete(_archive.Store.ResolvePath(document.TextPath));

        var problems = Check();

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal(ArchiveProblemKind.MissingFile, p.Kind));
        Assert.Contains(problems, p => p.Subject == document.ArchivePath && p.Message.Contains("original", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Subject == document.TextPath && p.Message.Contains("extracted text", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckIntegrity_FileWithoutRecord_IsAnOrphan_ButIgnoredFoldersAreNot()
    {
        var document = OpenCases(1)[0].Documents[0];
        var folder = Path.GetDirectoryName(document.ArchivePath)!.Replace('\\', '/');
        File.WriteAllText(_archive.Store.ResolvePath(folder + "/stray.pdf"), "put here by hand");
        Directory.CreateDirectory(Path.Combine(_archive.Root, "index"));
        File.WriteAllText(Path.Combine(_archive.Root, "index", "segments_1"), "index files have no records");
        Directory.CreateDirectory(Path.Combine(_archive.Root, "logs"));
        File.WriteAllText(Path.Combine(_archive.Root, "logs", "capture-20260314.log"), "log");

        var problem = Assert.Single(Check());

        Assert.Equal(ArchiveProblemKind.OrphanFile, problem.Kind);
        Assert.Equal(folder + "/stray.pdf", problem.Subject);
    }

    [Fact]
    public void CheckIntegrity_TwoCasesWithOneSequenceNumber_IsADuplicate()
    {
        OpenCases(3);
        EditDatabase(cases =>
        {
            var third = cases.FindOne(LiteDB.Query.EQ("RegistrationNumber", "C-2026-000003"));
            third["RegistrationSequence"] = 2;
            cases.Update(third);
        });

        var problems = Check();

        var duplicate = Assert.Single(problems, p => p.Kind == ArchiveProblemKind.DuplicateRegistrationNumber);
        Assert.Contains("C-2026-000002", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains("C-2026-000003", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains("year 2026", duplicate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckIntegrity_DeletedCase_LeavesAGapAndAnOrphanedDocument()
    {
        OpenCases(3);
        EditDatabase(cases => cases.DeleteMany(LiteDB.Query.EQ("RegistrationNumber", "C-2026-000002")));

        var problems = Check();

        var gap = Assert.Single(problems, p => p.Kind == ArchiveProblemKind.RegistrationGap);
        Assert.Equal("C-2026-000002", gap.Subject);
        Assert.Single(problems, p => p.Kind == ArchiveProblemKind.DocumentWithoutCase);
    }

    [Fact]
    public void CheckIntegrity_QuarantinedItemWhoseFileIsGone_IsNamed()
    {
        var kept = Path.Combine(_archive.Root, "quarantine", "scanner", "broken.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
        File.WriteAllText(kept, "%PDF broken");
        _archive.Store.Quarantine(new Quarantine.NewQuarantine("scanner", null, "broken.pdf", "The PDF cannot be read.", null, kept));
        Assert.Empty(Check());
        File.Delete(kept);

        var problem = Assert.Single(Check());

        Assert.Equal(ArchiveProblemKind.QuarantineFileProblem, problem.Kind);
        Assert.Contains("broken.pdf", problem.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _archive.Dispose();

    private List<Documents.CaptureCommit> OpenCases(int count) => Enumerable.Range(1, count)
        .Select(i => _archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document(content: $"%PDF-1.7 letter {i}")], null))
        .ToList();

    private List<ArchiveProblem> Check() => _archive.Store.CheckIntegrity(null, TestContext.Current.CancellationToken).ToList();

    /// <summary>Damages the database as a person editing it by hand would, with the store closed.</summary>
    private void EditDatabase(Action<ILiteCollection<BsonDocument>> edit)
    {
        _archive.Store.Dispose();
        using (var database = new LiteDatabase(Path.Combine(_archive.Root, "capture.db")))
        {
            edit(database.GetCollection("cases"));
        }

        _archive.Reopen();
    }
}
