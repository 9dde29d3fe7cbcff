using Capture.Classifier.Ocr;
using Capture.Classifier.Previews;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Capture.Classifier.Extraction;

/// <summary>Registers text extraction (one process-wide OCR engine pool and the extractor) in a service collection.</summary>
public static class ExtractionServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="OcrEnginePool"/>, <see cref="IDocumentTextExtractor"/> and <see cref="PagePreviewRenderer"/> as singletons. The host binds
    /// <see cref="OcrOptions"/> and <see cref="ExtractionOptions"/> (sections <c>Ocr</c> and <c>Extraction</c>);
    /// wrong values stop start-up with a message naming the key.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddDocumentTextExtraction(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<OcrOptions>().ValidateOnStart();
        services.AddOptions<ExtractionOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<OcrOptions>>(new ThrowingValidator<OcrOptions>(options => options.Validate()));
        services.AddSingleton<IValidateOptions<ExtractionOptions>>(new ThrowingValidator<ExtractionOptions>(options => options.Validate()));
        services.AddSingleton(provider => new OcrEnginePool(
            provider.GetRequiredService<IOptions<OcrOptions>>().Value,
            provider.GetRequiredService<ILogger<OcrEnginePool>>()));
        services.AddSingleton<IDocumentTextExtractor>(provider => new DocumentTextExtractor(
            provider.GetRequiredService<IOptions<ExtractionOptions>>().Value,
            provider.GetRequiredService<OcrEnginePool>(),
            provider.GetRequiredService<ILogger<DocumentTextExtractor>>()));
        services.AddSingleton(provider => new PagePreviewRenderer(
            provider.GetRequiredService<IOptions<ExtractionOptions>>().Value,
            provider.GetRequiredService<OcrEnginePool>()));
        return services;
    }

    /// <summary>Turns an options class's own <c>Validate()</c> into a failure that carries its message.</summary>
    private sealed class ThrowingValidator<T>(Action<T> validate) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            try
            {
                validate(options);
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException exception)
            {
                return ValidateOptionsResult.Fail(exception.Message);
            }
        }
    }
}
