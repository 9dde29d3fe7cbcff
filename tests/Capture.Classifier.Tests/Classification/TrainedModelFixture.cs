using System.Diagnostics;
using Capture.Classifier.Classification;
using Capture.Testing;

namespace Capture.Classifier.Tests.Classification;

/// <summary>Trains the category model once on the samples' training split for every test class of <see cref="SharedTrainedModel"/>.</summary>
public sealed class TrainedModelFixture : IDisposable
{
    public TrainedModelFixture()
    {
        Samples = TrainingSet.LoadFolder(Path.Combine(RepositoryRoot.Samples, "training"));
        var processorTime = Process.GetCurrentProcess().TotalProcessorTime;
        Trained = new CategoryModelTrainer().Train(Samples.Training);
        TrainingProcessorTime = Process.GetCurrentProcess().TotalProcessorTime - processorTime;
        Classifier = new CategoryClassifier(Trained);
    }

    /// <summary>
    /// Processor time the test process spent while training. Training is single-threaded and the collection runs
    /// alone, so this is what training costs on one core, whatever else the machine is busy with.
    /// </summary>
    public TimeSpan TrainingProcessorTime { get; }

    public TrainingSet Samples { get; }

    public TrainedCategoryModel Trained { get; }

    /// <summary>The trained model at the default options, as the service runs it.</summary>
    public CategoryClassifier Classifier { get; }

    public void Dispose() => Classifier.Dispose();
}

/// <summary>The test classes that share one trained model (training takes tens of seconds); they run after the others, alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedTrainedModel : ICollectionFixture<TrainedModelFixture>
{
    public const string Name = "Trained category model";
}
