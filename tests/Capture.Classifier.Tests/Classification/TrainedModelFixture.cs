using Capture.Classifier.Classification;
using Capture.Testing;

namespace Capture.Classifier.Tests.Classification;

/// <summary>Trains the category model once on the samples' training split for all tests of a class.</summary>
public sealed class TrainedModelFixture : IDisposable
{
    public TrainedModelFixture()
    {
        Samples = TrainingSet.LoadFolder(Path.Combine(RepositoryRoot.Samples, "training"));
        Trained = new CategoryModelTrainer().Train(Samples.Training);
        Classifier = new CategoryClassifier(Trained);
    }

    public TrainingSet Samples { get; }

    public TrainedCategoryModel Trained { get; }

    public CategoryClassifier Classifier { get; }

    public void Dispose() => Classifier.Dispose();
}
