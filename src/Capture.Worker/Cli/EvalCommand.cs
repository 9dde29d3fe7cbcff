using System.CommandLine;
using System.Globalization;
using Capture.Classifier.Classification;
using Capture.Worker.Cli.Output;
using Capture.Worker.Hosting;
using Capture.Worker.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Capture.Worker.Cli;

/// <summary>
/// <c>capture eval DIR</c>: classifies a folder of labelled examples (laid out like <c>samples/training</c>) with the
/// current model and prints precision, recall and F1 per category, macro-F1, the confusion matrix, and the same per
/// language.
/// </summary>
internal static class EvalCommand
{
    private static readonly DocumentCategory[] Columns =
        [DocumentCategory.Complaint, DocumentCategory.Suggestion, DocumentCategory.Thanks, DocumentCategory.Unclassified];

    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var folder = new Argument<string>("folder") { Description = "A folder of <category>/<lang>-<nnn>.txt files (complaint, suggestion, thanks), like samples/training." };
        var heldOut = new Option<bool>("--held-out") { Description = "Only the fixed held-out split (numbers ending in 0 or 5), e.g. to measure on samples/training." };
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON object." };
        var command = new Command("eval", "Measure the classifier on labelled examples: per-category and per-language scores and the confusion matrix.") { folder, heldOut, json };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            global.Settings(parseResult), parseResult.GetValue(folder)!, parseResult.GetValue(heldOut), parseResult.GetValue(json), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CaptureHostSettings settings, string folder, bool heldOut, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        IReadOnlyList<LabelledText> examples;
        try
        {
            var set = TrainingSet.LoadFolder(folder);
            examples = heldOut ? set.HeldOut : set.All;
        }
        catch (Exception exception) when (exception is DirectoryNotFoundException or InvalidDataException or IOException)
        {
            await console.Error.WriteLineAsync($"capture eval: {exception.Message}").ConfigureAwait(false);
            return 1;
        }

        if (examples.Count == 0)
        {
            await console.Error.WriteLineAsync($"capture eval: {folder} has no examples; expected complaint/, suggestion/ and thanks/ folders of <lang>-<nnn>.txt files.").ConfigureAwait(false);
            return 1;
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var host = CaptureHostFactory.Build(settings);
        var classifier = host.Services.GetRequiredService<CategoryClassifier>();
        var report = ClassificationEvaluator.Evaluate(classifier, examples);
        if (json)
        {
            await console.Output.WriteLineAsync(JsonLines.Serialize(EvaluationView.From(folder, report))).ConfigureAwait(false);
            return 0;
        }

        Write(console.Rich, "All languages", report);
        foreach (var (language, languageReport) in report.PerLanguage)
        {
            Write(console.Rich, $"Language {language}", languageReport);
        }

        return 0;
    }

    private static void Write(IAnsiConsole console, string title, ClassificationReport report)
    {
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{title}: {report.Count} examples, macro-F1 {report.MacroF1:0.000}, accuracy {report.Accuracy:0.000}, {report.Abstentions} unclassified")));
        var scores = new Table().Border(TableBorder.Rounded).AddColumns("Category", "Precision", "Recall", "F1", "Support");
        foreach (var (category, score) in report.PerCategory.OrderBy(c => c.Key))
        {
            scores.AddRow(
                ArchiveVocabulary.Word(category),
                score.Precision.ToString("0.000", CultureInfo.InvariantCulture),
                score.Recall.ToString("0.000", CultureInfo.InvariantCulture),
                score.F1.ToString("0.000", CultureInfo.InvariantCulture),
                score.Support.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(scores);
        var confusion = new Table().Border(TableBorder.Rounded).AddColumn("actual \\ predicted");
        foreach (var column in Columns)
        {
            confusion.AddColumn(ArchiveVocabulary.Word(column));
        }

        foreach (var actual in report.PerCategory.Keys.Order())
        {
            confusion.AddRow([ArchiveVocabulary.Word(actual), .. Columns.Select(p => report.ConfusionCount(actual, p).ToString(CultureInfo.InvariantCulture))]);
        }

        console.Write(confusion);
    }
}
