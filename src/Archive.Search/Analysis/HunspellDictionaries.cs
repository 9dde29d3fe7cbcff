using System.Text;
using Lucene.Net.Analysis.Hunspell;
using Microsoft.Extensions.Logging;

namespace Archive.Search.Analysis;

/// <summary>
/// Loads the Hunspell dictionaries once per process and folder (the Polish one takes seconds), in the background
/// from the first request, so opening an index does not wait for them. A missing dictionary is logged once and
/// that language is indexed unstemmed: search still works, only without word-form matching.
/// </summary>
internal static partial class HunspellDictionaries
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, Task<Dictionary?>> Loads = new(StringComparer.Ordinal);

    /// <summary>Starts loading every language's dictionary from <paramref name="directory"/> (no-op when already started).</summary>
    public static void Preload(string directory, ILogger logger)
    {
        foreach (var language in StemLanguage.All)
        {
            Load(directory, language, logger);
        }
    }

    /// <summary>The dictionary, waiting for it if it is still loading; null when it could not be loaded.</summary>
    public static Dictionary? Get(string directory, StemLanguage language, ILogger logger) =>
        Load(directory, language, logger).GetAwaiter().GetResult();

    private static Task<Dictionary?> Load(string directory, StemLanguage language, ILogger logger)
    {
        var key = Path.Combine(Path.GetFullPath(directory), language.Dictionary);
        lock (Gate)
        {
            if (!Loads.TryGetValue(key, out var load))
            {
                load = Task.Run(() => Read(key, language, logger));
                Loads.Add(key, load);
            }

            return load;
        }
    }

    private static Dictionary? Read(string basePath, StemLanguage language, ILogger logger)
    {
        // The Polish and Hungarian .aff files are ISO-8859-2, which .NET only decodes with the code-pages provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            using var affix = File.OpenRead(basePath + ".aff");
            using var words = File.OpenRead(basePath + ".dic");
            return new Dictionary(affix, [words], ignoreCase: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or FormatException or InvalidOperationException)
        {
            LogUnavailable(logger, exception, language.Code, basePath);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Hunspell dictionary for {Language} could not be loaded from {BasePath}.aff/.dic; {Language} text is searchable without word forms until it is installed (Debian: hunspell-pl, hunspell-hu, hunspell-en-us) and the index is rebuilt")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string language, string basePath);
}
