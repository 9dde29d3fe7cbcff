using Archive.Search;
using Archive.Store.Reports;
using Capture.Classifier.Classification;
using Microsoft.Extensions.Logging;

namespace Capture.Worker.Reports;

/// <summary>
/// The <see cref="LetterVocabulary"/> of the classifier's sample letters (<c>Classifier:TrainingDataPath</c>, by default
/// the copy of <c>samples/training</c> beside the program): the company's own idea of an ordinary letter, against which
/// the dashboard and <c>capture report</c> measure the words complaints share.
/// </summary>
internal static partial class SampleLetterVocabulary
{
    /// <summary>Reads every sample letter once; without them (a folder that is missing or unreadable) only stop words are left out, and the log says why.</summary>
    /// <remarks>Called once, at the first report, through the service container.</remarks>
    /// <param name="trainingDataPath">The folder of <c>&lt;category&gt;/&lt;lang&gt;-&lt;nnn&gt;.txt</c> letters.</param>
    /// <param name="stems">The Hunspell stems, so that a word's inflected forms count as one.</param>
    /// <param name="logger">Where the outcome is said.</param>
    /// <returns>The vocabulary; without letters, one that only stems.</returns>
    public static LetterVocabulary Load(string? trainingDataPath, WordStems stems, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(trainingDataPath))
        {
            LogNoLetters(logger, "(not set)", "Classifier:TrainingDataPath is not set");
            return LetterVocabulary.FromLetters([], stems.Stem);
        }

        try
        {
            var letters = TrainingSet.LoadFolder(trainingDataPath).All;
            var vocabulary = LetterVocabulary.FromLetters(letters.Select(l => (l.Language, l.Text)), stems.Stem);
            LogLoaded(logger, vocabulary.Letters, trainingDataPath);
            return vocabulary;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogNoLetters(logger, trainingDataPath, ex.Message);
            return LetterVocabulary.FromLetters([], stems.Stem);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Repeated-problem words are measured against {Letters} sample letters from {Folder}")]
    private static partial void LogLoaded(ILogger logger, int letters, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No sample letters from {Folder} ({Reason}): repeated-problem words leave out only stop words, so everyday words may be listed")]
    private static partial void LogNoLetters(ILogger logger, string folder, string reason);
}
