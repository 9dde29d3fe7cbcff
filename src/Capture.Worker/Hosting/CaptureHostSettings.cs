namespace Capture.Worker.Hosting;

/// <summary>What the command line asks of the host.</summary>
public sealed record CaptureHostSettings
{
    /// <summary>Overrides <c>Archive:RootDirectory</c>.</summary>
    public string? ArchiveDirectory { get; init; }

    /// <summary>Logs information-level events to standard error even for one-shot commands.</summary>
    public bool Verbose { get; init; }

    /// <summary>True for <c>capture run</c>: starts the sources as hosted services.</summary>
    public bool Service { get; init; }

    /// <summary>
    /// For one-shot commands that capture many items: the search index is committed when the command ends rather
    /// than every <see cref="CaptureOptions.IndexCommitInterval"/> (see <see cref="CaptureOptions.CommitIndexWhenDone"/>).
    /// </summary>
    public bool CommitIndexWhenDone { get; init; }

    /// <summary>Drop folders given on the command line, added to the configured ones.</summary>
    public IReadOnlyList<string> ExtraDropFolders { get; init; } = [];

    /// <summary>Extra configuration values (tests use this instead of files).</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();

    /// <summary>Last-word service registrations (tests replace the clock with a fake one here).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Services { get; init; }
}
