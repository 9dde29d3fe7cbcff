using System.Collections.Concurrent;
using Capture.Classifier.Extraction;
using Microsoft.Extensions.Logging;

namespace Capture.Classifier.Ocr;

/// <summary>
/// A bounded pool of Tesseract engines shared by every document of the process. Each engine is initialised once
/// (loading the languages takes a noticeable fraction of a second) and then reused for page after page; at most
/// <see cref="Capacity"/> pages are recognised at the same time across all callers.
/// </summary>
public sealed partial class OcrEnginePool : IDisposable
{
    private readonly ConcurrentBag<TesseractEngine> idle = [];
    private readonly ConcurrentBag<TesseractEngine> all = [];
    private readonly SemaphoreSlim slots;
    private readonly string dataPath;
    private readonly ILogger<OcrEnginePool> logger;
    private int enginesInitialized;
    private bool disposed;

    /// <summary>Creates the pool; engines are created on first use.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="InvalidOperationException">The tessdata folder or a language's traineddata was not found.</exception>
    public OcrEnginePool(OcrOptions options, ILogger<OcrEnginePool> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        Options = options;
        this.logger = logger;
        dataPath = TessDataLocator.Resolve(options.TessDataPath, options.Languages);
        TessDataLocator.EnsureFeatureData(dataPath, options);
        Capacity = options.MaxDegreeOfParallelism;
        slots = new SemaphoreSlim(Capacity, Capacity);
        NativeEnvironment.LimitOpenMpThreads();
        if (NativeEnvironment.OpenMpLoadedTooEarly)
        {
            LogOpenMpTooEarly(logger);
        }

        _ = LeptonicaNative.setMsgSeverity(LeptonicaNative.SeverityNone);
    }

    /// <summary>The options the pool was created with.</summary>
    public OcrOptions Options { get; }

    /// <summary>The most engines (and so pages recognised at once) the pool holds.</summary>
    public int Capacity { get; }

    /// <summary>How many engines have been initialised so far; never more than <see cref="Capacity"/>.</summary>
    public int EnginesInitialized => Volatile.Read(ref enginesInitialized);

    /// <summary>
    /// Recognises pages in parallel on the pool's engines and returns their results in page order.
    /// <paramref name="loadPage"/> produces a page's image when an engine is free for it, so that only as many
    /// decoded pages are in memory as there are engines.
    /// </summary>
    /// <exception cref="UnreadableDocumentException">A page could not be loaded or recognised; the first such page (by number) is reported.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    internal Task<IReadOnlyList<OcrPageResult>> RecognizePagesAsync(
        IReadOnlyList<int> pageNumbers,
        Func<int, CancellationToken, ValueTask<PixHandle>> loadPage,
        CancellationToken cancellationToken) =>
        RecognizePagesAsync(pageNumbers, loadPage, searchablePdf: null, cancellationToken);

    /// <summary>
    /// As <see cref="RecognizePagesAsync(IReadOnlyList{int}, Func{int, CancellationToken, ValueTask{PixHandle}}, CancellationToken)"/>,
    /// and each page is also written as a one-page searchable PDF into <paramref name="searchablePdf"/> by the engine
    /// that recognised it, right after recognising it.
    /// </summary>
    /// <exception cref="UnreadableDocumentException">A page could not be loaded or recognised; the first such page (by number) is reported.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    internal async Task<IReadOnlyList<OcrPageResult>> RecognizePagesAsync(
        IReadOnlyList<int> pageNumbers,
        Func<int, CancellationToken, ValueTask<PixHandle>> loadPage,
        SearchablePdfPages? searchablePdf,
        CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var failures = new ConcurrentDictionary<int, Exception>();
        var tasks = pageNumbers.Select(page => RecognizeOneAsync(page, loadPage, searchablePdf, failures, failFast)).ToArray();
        try
        {
            return await Task.WhenAll(tasks);
        }
        catch (Exception) when (!failures.IsEmpty && !cancellationToken.IsCancellationRequested)
        {
            var first = failures.MinBy(failure => failure.Key).Value;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            throw;
        }
    }

    /// <summary>
    /// Recognises a document's pages and, when <paramref name="createSearchablePdf"/> is set, joins them into one
    /// searchable PDF (temporary pages go to <paramref name="tempDirectory"/>, or the system temp folder).
    /// </summary>
    /// <exception cref="UnreadableDocumentException">A page could not be loaded or recognised.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="IOException">The temporary folder for the PDF pages could not be created.</exception>
    internal async Task<RecognizedDocument> RecognizeDocumentAsync(
        IReadOnlyList<int> pageNumbers,
        Func<int, CancellationToken, ValueTask<PixHandle>> loadPage,
        bool createSearchablePdf,
        string? tempDirectory,
        CancellationToken cancellationToken)
    {
        if (!createSearchablePdf)
        {
            return new RecognizedDocument(await RecognizePagesAsync(pageNumbers, loadPage, cancellationToken), null, null);
        }

        using var pdfPages = new SearchablePdfPages(tempDirectory);
        var results = await RecognizePagesAsync(pageNumbers, loadPage, pdfPages, cancellationToken);
        var (pdf, problem) = await pdfPages.JoinAsync(pageNumbers, Options.MaxSearchablePdfBytes, cancellationToken);
        return new RecognizedDocument(results, pdf, problem);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        foreach (var engine in all)
        {
            engine.Dispose();
        }

        slots.Dispose();
    }

    private async Task<OcrPageResult> RecognizeOneAsync(
        int pageNumber,
        Func<int, CancellationToken, ValueTask<PixHandle>> loadPage,
        SearchablePdfPages? searchablePdf,
        ConcurrentDictionary<int, Exception> failures,
        CancellationTokenSource failFast)
    {
        var token = failFast.Token;
        await slots.WaitAsync(token);
        try
        {
            // Leave the caller's thread: recognition blocks for seconds.
            await Task.Yield();
            var engine = TakeEngine();
            try
            {
                using var pix = await loadPage(pageNumber, token);
                var result = engine.Recognize(pix, pageNumber, searchablePdf?.OutputBase(pageNumber), token);
                LogPageRecognized(
                    logger, pageNumber, result.Elapsed.TotalMilliseconds, result.Confidence, result.Rotation, result.Skew, result.PreparationTime.TotalMilliseconds);
                if (result.DetectedOrientation is { } turned and not 0 && result.Rotation == 0)
                {
                    LogOrientationNotTrusted(logger, pageNumber, turned, result.OrientationConfidence ?? 0, Options.MinimumOrientationConfidence);
                }

                if (searchablePdf is not null && !result.SearchablePdfWritten)
                {
                    LogSearchablePageFailed(logger, pageNumber);
                }

                return result;
            }
            finally
            {
                idle.Add(engine);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            failures.TryAdd(pageNumber, exception);
            await failFast.CancelAsync();
            throw;
        }
        finally
        {
            slots.Release();
        }
    }

    private TesseractEngine TakeEngine()
    {
        if (idle.TryTake(out var engine))
        {
            return engine;
        }

        // A slot is held, so fewer than Capacity engines are busy: creating one keeps the total within Capacity.
        engine = new TesseractEngine(dataPath, Options);
        all.Add(engine);
        var count = Interlocked.Increment(ref enginesInitialized);
        LogEngineInitialized(logger, count, Capacity, Options.Languages, dataPath);
        return engine;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Initialised Tesseract engine {Count} of {Capacity} ({Languages}, {DataPath})")]
    private static partial void LogEngineInitialized(ILogger logger, int count, int capacity, string languages, string dataPath);

    [LoggerMessage(
        Level = LogLevel.Debug,
        Message = "Recognised page {PageNumber} in {ElapsedMilliseconds} ms, confidence {Confidence}, turned {Rotation}°, deskewed {Skew}° ({PreparationMilliseconds} ms orientation and deskew)")]
    private static partial void LogPageRecognized(
        ILogger logger, int pageNumber, double elapsedMilliseconds, double confidence, int rotation, double skew, double preparationMilliseconds);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Page {PageNumber} looks turned {Degrees}° but orientation confidence {Confidence} is below {Minimum} (Ocr:MinimumOrientationConfidence); recognised as it is")]
    private static partial void LogOrientationNotTrusted(ILogger logger, int pageNumber, int degrees, double confidence, double minimum);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tesseract could not write page {PageNumber} of the searchable PDF; the document gets none")]
    private static partial void LogSearchablePageFailed(ILogger logger, int pageNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "libgomp was loaded before OMP_THREAD_LIMIT could be set; OCR will oversubscribe the CPU. Set OMP_THREAD_LIMIT=1 in the service environment.")]
    private static partial void LogOpenMpTooEarly(ILogger logger);
}
