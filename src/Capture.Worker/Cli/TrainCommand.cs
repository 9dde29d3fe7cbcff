using System.CommandLine;
using System.Globalization;
using Capture.Worker.Cli.Output;
using Capture.Worker.Hosting;
using Capture.Worker.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Capture.Worker.Cli;

/// <summary>
/// <c>capture train [--json]</c>: retrains the category model on the bundled examples plus people's corrections, and
/// keeps the new model only if it scores at least as well on the held-out split (what the service's scheduled job does).
/// </summary>
internal static class TrainCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print the outcome as one JSON object." };
        var command = new Command("train", "Retrain the category model on the examples plus people's corrections; the new model is kept only if it scores at least as well on the held-out split.") { json };
        command.SetAction((parseResult, cancellationToken) => RunAsync(global.Settings(parseResult), parseResult.GetValue(json), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CaptureHostSettings settings, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        using var host = CaptureHostFactory.Build(settings);
        var result = (await host.Services.GetRequiredService<ClassifierRetraining>().RunAsync(onlyIfNewCorrections: false, cancellationToken).ConfigureAwait(false))!;
        if (json)
        {
            await console.Output.WriteLineAsync(JsonLines.Serialize(result)).ConfigureAwait(false);
            return 0;
        }

        var verdict = result.Promoted
            ? "the new model is in use from now on"
            : "the model in use is kept: the new one scored lower";
        await console.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Trained {result.Pipeline} in {result.Duration.TotalSeconds:0} s with {result.CorrectionsUsed} correction(s) ({result.CorrectionsLeftOut} left out as held-out examples, {result.CorrectionsWithoutText} without text or repeated). Held-out macro-F1 {result.CandidateMacroF1:0.0000} against {result.CurrentMacroF1:0.0000}: {verdict}.")).ConfigureAwait(false);
        return 0;
    }
}
