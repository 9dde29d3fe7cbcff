using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Capture.Testing;

/// <summary>
/// Keeps every formatted log line (with its exception) so tests can read what an operator would see. Use it with
/// <see cref="Configuration"/>, which lets information-level events through to it.
/// </summary>
internal sealed class CollectingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>Settings under which one-shot hosts log information-level events too (they log warnings only by default).</summary>
    public static IReadOnlyDictionary<string, string?> Configuration { get; } = new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Debug" };

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Collector(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            // Serilog hands string properties over quoted ("mail:x"); tests read the text as a person would.
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception).Replace("\"", "", StringComparison.Ordinal)} {exception}");
        }
    }
}
