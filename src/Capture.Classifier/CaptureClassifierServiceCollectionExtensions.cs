using Capture.Classifier.Classification;
using Capture.Classifier.Extraction;
using Capture.Classifier.Language;
using Capture.Classifier.Metadata;
using Capture.Classifier.Understanding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Capture.Classifier;

/// <summary>Registers everything that understands a captured item: extraction and OCR, language, category, metadata.</summary>
public static class CaptureClassifierServiceCollectionExtensions
{
    /// <summary>
    /// Adds text extraction (see <see cref="ExtractionServiceCollectionExtensions.AddDocumentTextExtraction"/>) and the
    /// <see cref="ItemAnalyzer"/> with its parts as singletons. The host binds <see cref="ClassifierOptions"/>, whose
    /// <see cref="ClassifierOptions.TrainingDataPath"/> and <see cref="ClassifierOptions.ModelPath"/> must be set: the
    /// category model is loaded from the model path, or trained from the examples on first use and cached there. The host
    /// may bind <see cref="MetadataOptions"/> (section <c>Metadata</c>) for the company's own reference formats and mail domains.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddCaptureClassifier(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDocumentTextExtraction();
        services.AddSingleton<LanguageDetector>();
        services.AddSingleton(provider => new MetadataExtractor(provider.GetService<IOptions<MetadataOptions>>()?.Value ?? new MetadataOptions()));
        services.AddSingleton(provider => new CategoryModelProvider(
            provider.GetRequiredService<IOptions<ClassifierOptions>>().Value,
            provider.GetRequiredService<ILogger<CategoryModelProvider>>()));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ClassifierOptions>>().Value;
            var trainingData = options.TrainingDataPath
                ?? throw new InvalidOperationException("Classifier:TrainingDataPath is not set; point it at a folder of labelled examples such as samples/training.");
            var model = options.ModelPath
                ?? throw new InvalidOperationException("Classifier:ModelPath is not set; give a file path where the trained model may be cached.");
            return provider.GetRequiredService<CategoryModelProvider>().GetClassifier(trainingData, model);
        });
        services.AddSingleton<ItemAnalyzer>();
        return services;
    }
}
