using System.CommandLine;
using Capture.Worker.Hosting;

namespace Capture.Worker.Cli;

/// <summary>Options every command takes.</summary>
public sealed class GlobalOptions(IReadOnlyDictionary<string, string?> configuration)
{
    public Option<string?> Archive { get; } = new("--archive")
    {
        Description = "The archive directory (database, originals, index). Default: Archive:RootDirectory from configuration, ./data.",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log progress details to standard error.",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Archive);
        command.Options.Add(Verbose);
    }

    /// <summary>The host settings these options ask for.</summary>
    public CaptureHostSettings Settings(ParseResult parseResult, bool service = false) => new()
    {
        ArchiveDirectory = parseResult.GetValue(Archive),
        Verbose = parseResult.GetValue(Verbose),
        Service = service,
        Configuration = configuration,
    };
}
