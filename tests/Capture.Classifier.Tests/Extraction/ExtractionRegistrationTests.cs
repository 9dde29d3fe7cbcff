using Capture.Classifier.Extraction;
using Capture.Classifier.Ocr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Capture.Classifier.Tests.Extraction;

// The test project has no DI container package; the registrations are checked through their descriptors.
public sealed class ExtractionRegistrationTests
{
    [Fact]
    public void AddDocumentTextExtraction_RegistersExtractorAndPoolAsSingletons()
    {
        var services = new ServiceCollection().AddDocumentTextExtraction();

        Assert.Equal(ServiceLifetime.Singleton, Assert.Single(services, d => d.ServiceType == typeof(IDocumentTextExtractor)).Lifetime);
        Assert.Equal(ServiceLifetime.Singleton, Assert.Single(services, d => d.ServiceType == typeof(OcrEnginePool)).Lifetime);
    }

    [Fact]
    public void AddDocumentTextExtraction_InvalidOcrSetting_FailsValidationNamingTheKey()
    {
        var services = new ServiceCollection().AddDocumentTextExtraction();
        var validator = (IValidateOptions<OcrOptions>)Assert.Single(
            services, d => d.ServiceType == typeof(IValidateOptions<OcrOptions>)).ImplementationInstance!;

        var result = validator.Validate(Options.DefaultName, new OcrOptions { PageTimeout = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains("Ocr:PageTimeout", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(validator.Validate(Options.DefaultName, new OcrOptions()).Succeeded);
    }
}
