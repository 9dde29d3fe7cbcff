using Archive.Store.Cases;
using Capture.Classifier.Classification;
using Capture.Testing;
using Capture.Worker.Hosting;
using Capture.Worker.Jobs;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Capture.Worker.Tests.Jobs;

/// <summary>Retraining from people's corrections, by <c>capture train</c> and by the service's Quartz job.</summary>
public sealed class ClassifierRetrainingTests
{
    [Fact]
    public async Task Retrain_UsesEveryCorrectionWithItsText_AndAppliesTheVerdictToTheModelInUseAndTheCache()
    {
        using var models = new TempDirectory();
        var modelPath = models.Combine("category-model.zip");
        using (var shared = new TestArchive())
        {
            // The shared model is trained (or loaded) on first use; this test works on its own copy of it.
            _ = shared.Host.Services.GetRequiredService<CategoryClassifier>();
        }

        File.Copy(TestArchive.SharedModelPath, modelPath);
        File.Copy(CategoryModelProvider.FingerprintPath(TestArchive.SharedModelPath), CategoryModelProvider.FingerprintPath(modelPath));
        using var archive = new TestArchive(configuration: new Dictionary<string, string?> { ["Classifier:ModelPath"] = modelPath });
        var inbox = archive.Scratch("inbox");
        foreach (var number in new[] { 2, 3, 6 })
        {
            using var letter = TestLetters.Create(number);
            var path = Path.Combine(inbox, $"{number}.eml");
            await letter.WriteToAsync(path, TestContext.Current.CancellationToken);
            var captured = await archive.ImportAsync(path);
            archive.Store.Reclassify(captured.RegistrationNumber!, CaseCategory.Complaint, "anna.nowak", "test decision");
        }

        var classifier = archive.Host.Services.GetRequiredService<CategoryClassifier>();
        var before = classifier.Model;
        var cachedBefore = File.GetLastWriteTimeUtc(modelPath);
        var retraining = archive.Host.Services.GetRequiredService<ClassifierRetraining>();

        var result = await retraining.RunAsync(onlyIfNewCorrections: false, TestContext.Current.CancellationToken);

        Assert.NotNull(result);
        Assert.Equal((3, 0, 0), (result.CorrectionsUsed, result.CorrectionsLeftOut, result.CorrectionsWithoutText));
        Assert.InRange(result.CurrentMacroF1, 0.9, 1.0);
        Assert.Equal(result.CandidateMacroF1 >= result.CurrentMacroF1, result.Promoted);
        if (result.Promoted)
        {
            Assert.NotSame(before, classifier.Model);
            Assert.True(File.GetLastWriteTimeUtc(modelPath) >= cachedBefore);
            using var reloaded = CategoryClassifier.Load(modelPath);
            var text = await File.ReadAllTextAsync(Path.Combine(inbox, "2.eml"), TestContext.Current.CancellationToken);
            Assert.Equal(classifier.Classify(text).Confidence, reloaded.Classify(text).Confidence, 6);
        }
        else
        {
            Assert.Same(before, classifier.Model);
            Assert.Equal(cachedBefore, File.GetLastWriteTimeUtc(modelPath));
        }

        Assert.Null(await retraining.RunAsync(onlyIfNewCorrections: true, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Service_SchedulesRetrainingWithTheConfiguredCronExpression()
    {
        using var archive = new TempDirectory();
        var settings = TestArchive.ForDirectory(archive.Combine("archive"), configuration: new Dictionary<string, string?> { ["Retraining:Schedule"] = "0 15 3 ? * MON-FRI" })
            with { Service = true, ExtraDropFolders = [archive.Combine("drop")] };
        Directory.CreateDirectory(archive.Combine("drop"));
        using var host = CaptureHostFactory.Build(settings);

        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        var triggers = await scheduler.GetTriggersOfJob(ClassifierRetrainJob.Key, TestContext.Current.CancellationToken);

        var cron = Assert.IsAssignableFrom<ICronTrigger>(Assert.Single(triggers));
        Assert.Equal("0 15 3 ? * MON-FRI", cron.CronExpressionString);
    }

    [Fact]
    public void Retraining_InvalidSchedule_NamesTheKeyAndTheFix()
    {
        var problems = new RetrainingOptions { Schedule = "every night" }.Problems();

        Assert.Contains("Retraining:Schedule 'every night'", Assert.Single(problems), StringComparison.Ordinal);
        Assert.Empty(new RetrainingOptions { Enabled = false, Schedule = "every night" }.Problems());
    }
}
