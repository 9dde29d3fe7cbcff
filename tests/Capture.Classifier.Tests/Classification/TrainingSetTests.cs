using Capture.Classifier.Classification;
using Capture.Testing;

namespace Capture.Classifier.Tests.Classification;

public sealed class TrainingSetTests
{
    [Fact]
    public void LoadFolder_Samples_HoldsAtLeast150ExamplesPerCategoryAndLanguageAnd30HeldOut()
    {
        var set = TrainingSet.LoadFolder(Path.Combine(RepositoryRoot.Samples, "training"));

        var groups = set.All.GroupBy(e => (e.Category, e.Language)).ToDictionary(g => g.Key, g => g.Count());
        var heldOut = set.HeldOut.GroupBy(e => (e.Category, e.Language)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(9, groups.Count);
        Assert.All(groups, g => Assert.True(g.Value >= 150, $"{g.Key}: {g.Value}"));
        Assert.All(groups, g => Assert.True(heldOut.GetValueOrDefault(g.Key) >= 30, $"{g.Key}: {heldOut.GetValueOrDefault(g.Key)} held out"));
        Assert.All(set.All, e => Assert.False(string.IsNullOrWhiteSpace(e.Text)));
    }

    [Fact]
    public void LoadFolder_HoldsOutFilesNumberedWithTrailing0Or5_AndTakesLanguageFromThePrefix()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("complaint"));
        Directory.CreateDirectory(temp.Combine("thanks"));
        File.WriteAllText(temp.Combine("complaint", "pl-004.txt"), "Pralka nie działa.");
        File.WriteAllText(temp.Combine("complaint", "hu-005.txt"), "A mosógép nem működik.");
        File.WriteAllText(temp.Combine("thanks", "en-010.txt"), "Thank you!");
        File.WriteAllText(temp.Combine("thanks", "en-011.txt"), "Thanks a lot.");

        var set = TrainingSet.LoadFolder(temp.Path);

        Assert.Equal(
            [new LabelledText("Pralka nie działa.", DocumentCategory.Complaint, "pl"), new LabelledText("Thanks a lot.", DocumentCategory.Thanks, "en")],
            set.Training);
        Assert.Equal(
            [new LabelledText("A mosógép nem működik.", DocumentCategory.Complaint, "hu"), new LabelledText("Thank you!", DocumentCategory.Thanks, "en")],
            set.HeldOut);
    }

    [Fact]
    public void LoadFolder_BadlyNamedFile_ThrowsNamingTheFile()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("suggestion"));
        File.WriteAllText(temp.Combine("suggestion", "idea.txt"), "An idea.");

        var error = Assert.Throws<InvalidDataException>(() => TrainingSet.LoadFolder(temp.Path));
        Assert.Contains("idea.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFolder_MissingFolder_Throws()
    {
        using var temp = new TempDirectory();

        Assert.Throws<DirectoryNotFoundException>(() => TrainingSet.LoadFolder(temp.Combine("nothing")));
    }
}
