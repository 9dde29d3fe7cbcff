namespace Capture.Classifier.Classification;

/// <summary>The ML.NET multiclass trainers a candidate pipeline can use; both give calibrated probabilities (softmax).</summary>
public enum CategoryTrainer
{
    /// <summary>Multinomial logistic regression fitted with L-BFGS.</summary>
    LbfgsMaximumEntropy,

    /// <summary>Multinomial logistic regression fitted with stochastic dual coordinate ascent.</summary>
    SdcaMaximumEntropy,
}

/// <summary>One pipeline the trainer cross-validates: which features, which trainer and how strongly it is regularised.</summary>
/// <param name="Features">The features extracted from the text.</param>
/// <param name="Trainer">The ML.NET trainer.</param>
/// <param name="L2">The trainer's L2 regularisation weight.</param>
public sealed record CandidatePipeline(FeatureSettings Features, CategoryTrainer Trainer, float L2)
{
    /// <summary>A name for reports, e.g. <c>words+chars2-4/LbfgsMaximumEntropy(L2=0.01)</c>.</summary>
    public string Name => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Features.Name}/{Trainer}(L2={L2})");
}
