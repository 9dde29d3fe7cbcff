using Archive.Store.Files;

namespace Archive.Store.Tests;

public sealed class FileNameSafetyTests
{
    public static TheoryData<string> HostileNames => new()
    {
        "../../etc/passwd",
        "/abs/path.pdf",
        "C:\\Windows\\System32\\evil.dll",
        "a\0b.txt",
        "CON.txt",
        "nul",
        "COM1.pdf",
        new string('x', 300) + ".pdf",
        "line1\nline2\r.pdf",
        "..",
        ".",
        "",
        "   ",
        ".hidden",
        "trailing. . .",
        "invoice\u202Efdp.exe",
        "a<b>c:d\"e|f?g*h.pdf",
        "\uD800lone-surrogate.pdf",
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void OpenCase_WithAHostileFileName_StoresItStrictlyInsideTheCaseFolder(string hostileName)
    {
        using var archive = new ArchiveFixture();

        var commit = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document(hostileName)], null);

        var document = commit.Documents.Single();
        var caseFolder = archive.Store.ResolvePath(commit.Case.ArchivePath);
        var original = archive.Store.ResolvePath(document.ArchivePath);
        Assert.Equal(caseFolder, Path.GetDirectoryName(original));
        Assert.Equal(caseFolder, Path.GetDirectoryName(archive.Store.ResolvePath(document.TextPath)));
        Assert.True(File.Exists(original));
        Assert.Equal(hostileName, document.OriginalFileName);
        Assert.StartsWith("01-", document.StoredFileName, StringComparison.Ordinal);
        Assert.DoesNotContain(document.StoredFileName, c => char.IsControl(c) || c is '/' or '\\' or '\u202E');
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(document.StoredFileName) <= 130);
        Assert.Equal(
            [Path.GetFileName(original), Path.GetFileName(original) + ".txt"],
            archive.ArchivedFiles().Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("/abs/path.pdf", "path.pdf")]
    [InlineData("a\0b.txt", "a_b.txt")]
    [InlineData("CON.txt", "_CON.txt")]
    [InlineData("lpt1", "_lpt1")]
    [InlineData("line1\nline2.pdf", "line1_line2.pdf")]
    [InlineData("..", "document")]
    [InlineData(".bashrc", "bashrc")]
    [InlineData("report.final.PDF", "report.final.PDF")]
    [InlineData("Zażółć gęślą.pdf", "Zażółć gęślą.pdf")]
    public void Sanitize_ReducesAnUntrustedNameToOneSafeSegment(string original, string expected)
    {
        Assert.Equal(expected, StoredFileName.Sanitize(original));
    }

    [Fact]
    public void Sanitize_TrimsALongNameButKeepsTheExtension()
    {
        var sanitized = StoredFileName.Sanitize(new string('ą', 300) + ".pdf");

        Assert.EndsWith("ą.pdf", sanitized, StringComparison.Ordinal);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(sanitized) <= StoredFileName.MaxNameBytes);
    }

    [Fact]
    public void OpenCase_WithTwoDocumentsOfTheSameName_StoresBothUnderDistinctNames()
    {
        using var archive = new ArchiveFixture();

        var documents = archive.Store.OpenCase(ArchiveFixture.Case(),
            [ArchiveFixture.Document("scan.pdf", "one"), ArchiveFixture.Document("../scan.pdf", "two")], null).Documents;

        Assert.Equal(["01-scan.pdf", "02-scan.pdf"], documents.Select(d => d.StoredFileName));
        Assert.Equal("two", File.ReadAllText(archive.Store.ResolvePath(documents[1].ArchivePath)));
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("Complaints/../../outside.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a\0b")]
    public void ResolvePath_RefusesAPathThatLeavesTheRoot(string relative)
    {
        using var archive = new ArchiveFixture();

        Assert.Throws<ArgumentException>(() => archive.Store.ResolvePath(relative));
    }

    [Fact]
    public void ResolvePath_ResolvesAPathBelowTheRoot()
    {
        using var archive = new ArchiveFixture();

        Assert.Equal(Path.Combine(archive.Store.RootDirectory, "Complaints", "x.pdf"), archive.Store.ResolvePath("Complaints/x.pdf"));
    }

    [Fact]
    public void OpenCase_WithHostileTokensInTheTaxonomy_KeepsTheCaseFolderBelowTheRoot()
    {
        using var archive = new ArchiveFixture(o => o.RegistrationNumberFormat = "..{sequence}");

        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;

        Assert.Equal("..1", opened.RegistrationNumber);
        Assert.Equal("Complaints/2026/03/1", opened.ArchivePath);
        Assert.StartsWith(archive.Store.RootDirectory + Path.DirectorySeparatorChar, archive.Store.ResolvePath(opened.ArchivePath), StringComparison.Ordinal);
    }
}
