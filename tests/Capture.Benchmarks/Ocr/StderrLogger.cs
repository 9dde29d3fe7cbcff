using Microsoft.Extensions.Logging;

namespace Capture.Benchmarks.Ocr;

/// <summary>
/// Shows Capture's warnings and errors (e.g. "libgomp was loaded before OMP_THREAD_LIMIT could be set") on stderr;
/// per-page information is left out so that it does not cost time in the measured runs.
/// </summary>
internal sealed class StderrLogger<T> : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel))
        {
            Console.Error.WriteLine($"{logLevel} {typeof(T).Name}: {formatter(state, exception)}");
        }
    }
}
