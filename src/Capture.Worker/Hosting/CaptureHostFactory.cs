using System.Globalization;
using System.Text.RegularExpressions;
using Capture.Web.Captures;
using Capture.Web.Cases;
using Capture.Web.Hosting;
using Capture.Web.Previews;
using Capture.Web.Queues;
using Capture.Worker.Cases;
using Capture.Worker.Cases.Assignment;
using Capture.Worker.Notifications.Replies;
using Capture.Worker.Previews;
using Capture.Worker.Sources.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

namespace Capture.Worker.Hosting;

/// <summary>
/// Builds the host every command runs in. Configuration comes, later ones winning, from <c>appsettings.json</c>
/// beside the program, <c>capture.json</c> in the working directory, environment variables (<c>Archive__RootDirectory</c>
/// or <c>CAPTURE_Archive__RootDirectory</c>) and the command line.
/// </summary>
public static partial class CaptureHostFactory
{
    public static IHost Build(CaptureHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Service)
        {
            // Only the service serves the web UI; one-shot commands never open a port.
            var web = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
            Configure(web, settings);
            if (web.Configuration.GetSection(WebOptions.SectionName).Get<WebOptions>()?.Enabled ?? true)
            {
                web.AddCaptureWeb();
                web.Services.AddSingleton<ICaseUpdates, IndexedCaseUpdates>();
                web.Services.AddSingleton<ICaseReplies>(provider => provider.GetRequiredService<CaseReplySender>());
                web.Services.AddSingleton<ICaptureIntake, WebCaptureSource>();
                web.Services.AddSingleton<IPagePreviewRenderer, ClassifierPagePreviews>();
                web.Services.AddSingleton<IAssignmentRoster>(provider => provider.GetRequiredService<CaseRoster>());
                Compose(web, settings);
                return web.Build().MapCaptureWeb();
            }

            // Read only to learn Web:Enabled; its file providers are let go before the plain host reads the same files.
            ((IDisposable)web.Configuration).Dispose();
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        Configure(builder, settings);
        Compose(builder, settings);
        return builder.Build();
    }

    private static void Configure(IHostApplicationBuilder builder, CaptureHostSettings settings)
    {
        AddSettingsFileBeforeEnvironment(builder.Configuration, Path.Combine(Directory.GetCurrentDirectory(), "capture.json"));
        builder.Configuration.AddEnvironmentVariables("CAPTURE_");
        builder.Configuration.AddInMemoryCollection(Overrides(settings, builder.Configuration));
    }

    /// <summary>
    /// <c>capture.json</c> goes with the settings files, before the host's own unprefixed environment variables, so that
    /// every variable (<c>Smtp__Host</c> as well as <c>CAPTURE_Smtp__Host</c>) overrides the files, as operators expect
    /// when they pass a password or a host through the environment.
    /// </summary>
    private static void AddSettingsFileBeforeEnvironment(IConfigurationBuilder configuration, string path)
    {
        var file = new JsonConfigurationSource { Path = path, Optional = true, ReloadOnChange = false };
        file.ResolveFileProvider();
        var sources = configuration.Sources;
        var environment = sources.Select((source, index) => (source, index))
            .FirstOrDefault(s => s.source is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        if (environment.source is null)
        {
            sources.Add(file);
        }
        else
        {
            sources.Insert(environment.index, file);
        }
    }

    private static void Compose(IHostApplicationBuilder builder, CaptureHostSettings settings)
    {
        builder.Logging.ClearProviders();
        // Providers registered by the caller (tests) receive the same events as the configured sinks. The host keeps its
        // own logger instead of taking over the static Log.Logger: where several hosts share a process (the CLI's tests),
        // each one's events go to its own archive's log, and disposing one host does not silence the others.
        builder.Services.AddSerilog((_, logger) => logger.ReadFrom.Configuration(builder.Configuration), preserveStaticLogger: true, writeToProviders: true);

        builder.AddCaptureServices(settings.Service);
        if (settings.CommitIndexWhenDone && !settings.Service)
        {
            builder.Services.PostConfigure<CaptureOptions>(options => options.CommitIndexWhenDone = true);
        }

        settings.Services?.Invoke(builder.Services);
    }

    private static Dictionary<string, string?> Overrides(CaptureHostSettings settings, IConfiguration configuration)
    {
        var values = new Dictionary<string, string?>(settings.Configuration);
        if (settings.ArchiveDirectory is { Length: > 0 } archive)
        {
            values["Archive:RootDirectory"] = archive;
        }

        if (!settings.Verbose && !settings.Service && !values.ContainsKey("Serilog:MinimumLevel:Default") &&
            configuration["Serilog:MinimumLevel:Default"] is null or "Information")
        {
            // One-shot commands print their results on standard output; routine log lines would only be noise there.
            values["Serilog:MinimumLevel:Default"] = "Warning";
        }

        ResolveLogFiles(values, configuration);
        var configured = configuration.GetSection("DropFolders").GetChildren().Count();
        for (var i = 0; i < settings.ExtraDropFolders.Count; i++)
        {
            var path = settings.ExtraDropFolders[i];
            var prefix = string.Create(CultureInfo.InvariantCulture, $"DropFolders:{configured + i}");
            values[$"{prefix}:Name"] = NameFor(path, i);
            values[$"{prefix}:Path"] = path;
        }

        return values;
    }

    /// <summary>A relative <c>path</c> of a <c>File</c> log sink is taken relative to the archive root (<c>logs/</c> beside the data it describes), not to whatever folder Capture was started in.</summary>
    private static void ResolveLogFiles(Dictionary<string, string?> values, IConfiguration configuration)
    {
        var root = values.GetValueOrDefault("Archive:RootDirectory") ?? configuration["Archive:RootDirectory"] ?? "data";
        foreach (var sink in configuration.GetSection("Serilog:WriteTo").GetChildren())
        {
            var key = $"{sink.Path}:Args:path";
            var path = values.GetValueOrDefault(key) ?? configuration[key];
            if (string.Equals(sink["Name"], "File", StringComparison.OrdinalIgnoreCase) && path is { Length: > 0 } && !Path.IsPathRooted(path))
            {
                values[key] = Path.Combine(Path.GetFullPath(root), path);
            }
        }
    }

    private static string NameFor(string path, int position)
    {
        var leaf = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)));
        var safe = UnsafeNameCharacters().Replace(leaf, "-").Trim('-', '.');
        return safe.Length == 0 ? string.Create(CultureInfo.InvariantCulture, $"drop-{position + 1}") : safe[..Math.Min(safe.Length, 64)];
    }

    [GeneratedRegex("[^A-Za-z0-9._-]+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UnsafeNameCharacters();
}
