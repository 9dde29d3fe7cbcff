using System.Diagnostics;
using System.Text;
using Archive.Store;
using Archive.Store.Classification;
using Capture.Classifier.Classification;
using Capture.Worker.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Jobs;

/// <summary>
/// Retrains the category model on the bundled examples plus every category decision people made
/// (<see cref="CategoryCorrection"/>), and switches to the new model only if it scores at least as well as the one in
/// use on the fixed held-out split. The new model is used at once and cached for the next start.
/// </summary>
public sealed partial class ClassifierRetraining : IDisposable
{
    /// <summary>Only the start of a long item is a training example, as only the start is classified.</summary>
    private const int MaxExampleCharacters = 20_000;

    private readonly ArchiveStore _store;
    private readonly CategoryClassifier _classifier;
    private readonly CategoryModelProvider _provider;
    private readonly ClassifierOptions _options;
    private readonly ILogger<ClassifierRetraining> _logger;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private int _correctionsAtLastTraining = -1;

    public ClassifierRetraining(ArchiveStore store, CategoryClassifier classifier, CategoryModelProvider provider, IOptions<ClassifierOptions> options, ILogger<ClassifierRetraining> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _classifier = classifier;
        _provider = provider;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Retrains and compares; <paramref name="onlyIfNewCorrections"/> skips the work when nobody corrected anything since the last run of this process.</summary>
    /// <returns>What happened, or null when skipped.</returns>
    /// <exception cref="OperationCanceledException">Cancelled; the model in use stays.</exception>
    public async Task<RetrainingResult?> RunAsync(bool onlyIfNewCorrections, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var corrections = _store.ListCorrections();
            if (onlyIfNewCorrections && (corrections.Count == 0 || corrections.Count == _correctionsAtLastTraining))
            {
                LogSkipped(corrections.Count);
                return null;
            }

            var trainingDirectory = _options.TrainingDataPath
                ?? throw new InvalidOperationException("Classifier:TrainingDataPath is not set; point it at a folder of labelled examples such as samples/training.");
            var examples = LatestDecisions(corrections).Select(ToExample).OfType<LabelledText>().ToList();
            var clock = Stopwatch.StartNew();
            var candidate = await Task.Run(
                () => new ModelPromotion(_options).TrainCandidate(TrainingSet.LoadFolder(trainingDirectory), examples, _classifier.Model, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            if (candidate.IsAtLeastAsGood)
            {
                _provider.Promote(candidate.Trained.Model, trainingDirectory, _options.ModelPath!);
                _classifier.Use(candidate.Trained.Model);
            }

            _correctionsAtLastTraining = corrections.Count;
            var result = new RetrainingResult(
                candidate.IsAtLeastAsGood,
                candidate.CurrentMacroF1,
                candidate.CandidateMacroF1,
                candidate.CorrectionsUsed,
                candidate.CorrectionsLeftOut,
                corrections.Count - examples.Count,
                candidate.Trained.PipelineName,
                clock.Elapsed);
            LogRetrained(result.Promoted, result.CandidateMacroF1, result.CurrentMacroF1, result.CorrectionsUsed);
            return result;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _oneAtATime.Dispose();

    /// <summary>A case corrected twice counts once, with the latest decision.</summary>
    private static IEnumerable<CategoryCorrection> LatestDecisions(IReadOnlyList<CategoryCorrection> corrections) =>
        corrections.GroupBy(c => c.CaseId, StringComparer.Ordinal).Select(g => g.Last());

    private LabelledText? ToExample(CategoryCorrection correction)
    {
        var text = new StringBuilder();
        foreach (var document in _store.GetDocuments(correction.CaseId))
        {
            if (text.Length >= MaxExampleCharacters)
            {
                break;
            }

            try
            {
                text.Append(_store.ReadText(document)).Append("\n\n");
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                LogTextUnreadable(exception, correction.RegistrationNumber, document.TextPath);
            }
        }

        if (string.IsNullOrWhiteSpace(text.ToString()))
        {
            return null;
        }

        var example = text.Length > MaxExampleCharacters ? text.ToString(0, MaxExampleCharacters) : text.ToString();
        return new LabelledText(example, ArchiveVocabulary.ToDocumentCategory(correction.To), correction.Language ?? "unknown");
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retraining skipped: no new category corrections ({Count} in all)")]
    private partial void LogSkipped(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrained the category model (promoted: {Promoted}): held-out macro-F1 {Candidate:F4} against {Current:F4} for the model in use, with {Corrections} correction(s)")]
    private partial void LogRetrained(bool promoted, double candidate, double current, int corrections);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The text of a document of {RegistrationNumber} ({TextPath}) could not be read; the correction is used without it")]
    private partial void LogTextUnreadable(Exception exception, string registrationNumber, string textPath);
}

/// <summary>What a retraining did.</summary>
/// <param name="Promoted">The new model is in use (it scored at least as well on the held-out split).</param>
/// <param name="CurrentMacroF1">The model in use before, on the held-out split.</param>
/// <param name="CandidateMacroF1">The retrained model, on the same split.</param>
/// <param name="CorrectionsUsed">Corrections trained on.</param>
/// <param name="CorrectionsLeftOut">Corrections left out because their text is a held-out example.</param>
/// <param name="CorrectionsWithoutText">Corrections of cases whose text could not be read, or repeated decisions about one case.</param>
/// <param name="Pipeline">The pipeline cross-validation chose.</param>
/// <param name="Duration">How long training and comparing took.</param>
public sealed record RetrainingResult(
    bool Promoted,
    double CurrentMacroF1,
    double CandidateMacroF1,
    int CorrectionsUsed,
    int CorrectionsLeftOut,
    int CorrectionsWithoutText,
    string Pipeline,
    TimeSpan Duration);
