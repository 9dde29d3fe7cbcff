using System.Globalization;
using Archive.Search;
using Archive.Store;
using Capture.Classifier;
using Capture.Classifier.Classification;
using Capture.Classifier.Extraction;
using Capture.Classifier.Metadata;
using Capture.Classifier.Ocr;
using Capture.Worker.Cases.Assignment;
using Capture.Worker.Jobs;
using Capture.Worker.Indexing;
using Capture.Worker.Notifications;
using Capture.Worker.Operations;
using Capture.Worker.Notifications.Acknowledgements;
using Capture.Worker.Notifications.Alerts;
using Capture.Worker.Notifications.Replies;
using Capture.Worker.Pipeline;
using Capture.Worker.Reports;
using Capture.Worker.Sources;
using Capture.Worker.Sources.DropFolder;
using Capture.Worker.Sources.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Capture.Worker.Hosting;

/// <summary>Composes the libraries into the capture service: options from configuration, validated; the pipeline; the sources.</summary>
internal static class CaptureServiceRegistration
{
    public static IHostApplicationBuilder AddCaptureServices(this IHostApplicationBuilder builder, bool service)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.TryAddSingleton(TimeProvider.System);

        services.AddArchiveStore().BindConfiguration(ArchiveStoreOptions.SectionName);

        var indexDirectoryConfigured = configuration[$"{ArchiveSearchOptions.SectionName}:IndexDirectory"] is not null;
        services.AddArchiveSearch().BindConfiguration(ArchiveSearchOptions.SectionName)
            .PostConfigure<IOptions<ArchiveStoreOptions>>((search, archive) =>
            {
                if (!indexDirectoryConfigured)
                {
                    search.IndexDirectory = Path.Combine(archive.Value.RootDirectory, "index");
                }
            });

        services.AddOptions<OcrOptions>().BindConfiguration(OcrOptions.SectionName);
        // Extraction's temporary files go to a folder of this process's own, so a killed process leaves nothing behind for long.
        var tempRoot = configuration[$"{ExtractionOptions.SectionName}:TempDirectory"];
        services.AddSingleton(provider => new ProcessTempFolder(tempRoot, provider.GetRequiredService<ILogger<ProcessTempFolder>>()));
        services.AddOptions<ExtractionOptions>().BindConfiguration(ExtractionOptions.SectionName)
            .PostConfigure<ProcessTempFolder>((extraction, folder) => extraction.TempDirectory = folder.Path);
        var modelPathConfigured = configuration[$"{ClassifierOptions.SectionName}:ModelPath"] is not null;
        services.AddOptions<ClassifierOptions>().BindConfiguration(ClassifierOptions.SectionName)
            .PostConfigure<IOptions<ArchiveStoreOptions>>((classifier, archive) =>
            {
                classifier.TrainingDataPath ??= Path.Combine(AppContext.BaseDirectory, "training");
                if (!modelPathConfigured)
                {
                    classifier.ModelPath = Path.Combine(archive.Value.RootDirectory, "models", "category-model.zip");
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClassifierOptions>>(new OptionsValidation<ClassifierOptions>(o => o.Problems()));
        services.AddOptions<MetadataOptions>().BindConfiguration(MetadataOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MetadataOptions>>(new OptionsValidation<MetadataOptions>(o => o.Problems()));
        services.AddCaptureClassifier();
        services.AddSingleton(provider => SampleLetterVocabulary.Load(
            provider.GetRequiredService<IOptions<ClassifierOptions>>().Value.TrainingDataPath,
            provider.GetRequiredService<WordStems>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SampleLetterVocabulary).FullName!)));

        services.AddOptions<CaptureOptions>().BindConfiguration(CaptureOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CaptureOptions>>(new OptionsValidation<CaptureOptions>(Validate));
        services.AddCaseAssignment();
        services.AddSingleton<CaseIndexer>();
        services.AddSingleton<SearchIndexRebuild>();
        services.AddSingleton<IndexReconciliation>();
        services.AddSingleton<ArchiveVerification>();
        services.AddSingleton<ArchiveBackup>();
        services.AddSingleton<FollowUpMatcher>();
        services.AddSingleton<CapturePipeline>();
        services.AddSingleton<CaptureRetryPolicy>();
        services.AddSingleton<QuarantineRetry>();

        services.AddSingleton<MailboxReaderFactory>();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>>(new OptionsValidation<SmtpOptions>(o => o.Validate()));
        services.AddSingleton<SmtpMailSender>();
        services.AddAcknowledgements(configuration, service);
        AddReplies(services);
        AddAlerts(services);
        services.AddSingleton<ClassifierRetraining>();
        services.AddOptions<RetrainingOptions>().BindConfiguration(RetrainingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetrainingOptions>>(new OptionsValidation<RetrainingOptions>(o => o.Problems()));
        if (service)
        {
            services.AddHostedService<IndexCommitService>();
            services.AddHostedService<ControlSocket>();
            // Finishes replies a crash or a failure left: files the sent ones, sends the pending ones with backoff.
            services.AddHostedService<ReplyOutboxService>();
            AddSources(services, configuration);
            AddJobs(services, configuration);
        }

        return builder;
    }

    /// <summary>Quartz jobs of the service; their triggers are computed from configuration at each start, never held only in memory.</summary>
    private static void AddJobs(IServiceCollection services, IConfiguration configuration)
    {
        var retraining = configuration.GetSection(RetrainingOptions.SectionName).Get<RetrainingOptions>() ?? new RetrainingOptions();
        var alerts = configuration.GetSection(AlertOptions.SectionName).Get<AlertOptions>() ?? new AlertOptions();
        var smtp = configuration.GetSection(SmtpOptions.SectionName).Get<SmtpOptions>() ?? new SmtpOptions();
        services.AddQuartz(quartz =>
        {
            if (retraining.Enabled && retraining.Problems().Count == 0)
            {
                quartz.AddJob<ClassifierRetrainJob>(job => job.WithIdentity(ClassifierRetrainJob.Key));
                quartz.AddTrigger(trigger => trigger.ForJob(ClassifierRetrainJob.Key).WithIdentity("classifier-retraining-schedule", "capture").WithCronSchedule(retraining.Schedule));
            }

            if (alerts.Enabled && smtp.Enabled && !alerts.Validate().Any())
            {
                quartz.AddJob<AlertRoundJob>(job => job.WithIdentity(AlertRoundJob.Key));
                quartz.AddTrigger(trigger => trigger.ForJob(AlertRoundJob.Key).WithIdentity("alerts-schedule", "capture").StartNow()
                    .WithSimpleSchedule(schedule => schedule.WithInterval(alerts.Interval).RepeatForever()));
            }
        });
        services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = false);
    }

    /// <summary>Replies people write from a case, through the outbox; a broken template stops start-up.</summary>
    private static void AddReplies(IServiceCollection services)
    {
        services.AddOptions<ReplyOptions>().BindConfiguration(ReplyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReplyOptions>>(new OptionsValidation<ReplyOptions>(o => o.Validate().Any() ? o.Validate() : ReplyTemplates.Problems(o)));
        services.AddSingleton(provider => ReplyTemplates.Load(provider.GetRequiredService<IOptions<ReplyOptions>>().Value));
        services.AddSingleton<CaseReplySender>();
        services.AddSingleton<IReplyFiling, CaseReplyFiling>();
        services.AddSingleton<ReplyOutbox>();
    }

    /// <summary>Alert e-mails to handlers: recipients from the roster, deadlines as the store keeps them on each case.</summary>
    private static void AddAlerts(IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertOptions>>(new OptionsValidation<AlertOptions>(o => o.Validate()));
        services.AddSingleton<IHandlerDirectory, RosterHandlerDirectory>();
        services.AddSingleton<ICaseDeadlines, RecordedCaseDeadlines>();
        services.AddSingleton<AlertPlanner>();
        services.AddSingleton<AlertMessages>();
        services.AddSingleton<AlertDispatcher>();
        services.AddSingleton<AlertRound>();
    }

    private static void AddSources(IServiceCollection services, IConfiguration configuration)
    {
        var folders = configuration.GetSection("DropFolders").Get<List<DropFolderOptions>>() ?? [];
        var mailboxes = configuration.GetSection("Mailboxes").Get<List<MailboxOptions>>() ?? [];
        var problems = new List<string>();
        if (folders.Count == 0 && mailboxes.Count == 0)
        {
            problems.Add("Nothing to watch: add a drop folder to DropFolders or a mailbox to Mailboxes in appsettings.json or capture.json " +
                "(e.g. \"DropFolders\": [ { \"Name\": \"scanner-1\", \"Path\": \"/srv/scans\" } ]) or pass --drop DIR.");
        }

        for (var i = 0; i < folders.Count; i++)
        {
            var folder = folders[i];
            var context = new System.ComponentModel.DataAnnotations.ValidationContext(folder);
            var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
            System.ComponentModel.DataAnnotations.Validator.TryValidateObject(folder, context, results, validateAllProperties: true);
            problems.AddRange(results.Select(r => string.Create(CultureInfo.InvariantCulture, $"DropFolders:{i}: {r.ErrorMessage}")));
            problems.AddRange(folder.Validate(i));
        }

        for (var i = 0; i < mailboxes.Count; i++)
        {
            problems.AddRange(mailboxes[i].Validate(string.Create(CultureInfo.InvariantCulture, $"Mailboxes:{i}")));
        }

        problems.AddRange(NamesUsedTwice("DropFolders", folders.Select(f => f.Name)));
        problems.AddRange(NamesUsedTwice("Mailboxes", mailboxes.Select(m => m.Name)));
        if (problems.Count > 0)
        {
            throw new OptionsValidationException("Sources", typeof(DropFolderOptions), problems);
        }

        foreach (var folder in folders)
        {
            services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<DropFolderSource>(provider, folder));
        }

        foreach (var mailbox in mailboxes)
        {
            services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<MailboxSource>(provider, mailbox));
        }
    }

    private static IEnumerable<string> NamesUsedTwice(string section, IEnumerable<string> names) => names
        .GroupBy(n => n, StringComparer.OrdinalIgnoreCase)
        .Where(g => g.Count() > 1)
        .Select(g => $"{section}: the name '{g.Key}' is used twice; each needs its own Name.");

    private static IEnumerable<string> Validate(CaptureOptions options)
    {
        if (options.MaxParallelItems is < 0 or > 64)
        {
            yield return $"Capture:MaxParallelItems must be between 0 (one per core) and 64, not {options.MaxParallelItems}.";
        }

        if (options.IndexCommitInterval < TimeSpan.Zero || options.IndexCommitInterval > TimeSpan.FromSeconds(10))
        {
            yield return $"Capture:IndexCommitInterval must be between 00:00:00 and 00:00:10, not {options.IndexCommitInterval}.";
        }

        if (options.ReviewBelowOcrConfidence is < 0 or > 1)
        {
            yield return $"Capture:ReviewBelowOcrConfidence must be between 0 and 1, not {options.ReviewBelowOcrConfidence}.";
        }

        foreach (var problem in options.Retry.Validate("Capture:Retry"))
        {
            yield return problem;
        }
    }
}
