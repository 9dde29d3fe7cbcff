namespace Capture.Classifier.Classification;

/// <summary>
/// Classifies text as complaint, suggestion or thanks with a trained <see cref="LinearCategoryModel"/>, abstaining
/// (<see cref="DocumentCategory.Unclassified"/>) below <see cref="ClassifierOptions.MinimumConfidence"/>. Thread-safe;
/// only the first <see cref="FeatureSettings.MaxCharacters"/> characters of a text are read.
/// </summary>
public sealed class CategoryClassifier : IDisposable
{
    private readonly ClassifierOptions _options;
    private volatile LinearCategoryModel _model;
    private bool _disposed;

    /// <summary>Wraps a freshly trained model.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public CategoryClassifier(TrainedCategoryModel trained, ClassifierOptions? options = null)
        : this(trained?.Model ?? throw new ArgumentNullException(nameof(trained)), options)
    {
    }

    /// <summary>Wraps a model.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public CategoryClassifier(LinearCategoryModel model, ClassifierOptions? options = null)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _options = options ?? new ClassifierOptions();
        _options.Validate();
    }

    /// <summary>The model in use.</summary>
    public LinearCategoryModel Model => _model;

    /// <summary>
    /// Switches to another model (a retrained one) without stopping: classifications already running finish with the
    /// model they started with, later ones use the new one.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public void Use(LinearCategoryModel model) => _model = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>The confidence threshold in use.</summary>
    public double MinimumConfidence => _options.MinimumConfidence;

    /// <summary>Classifies <paramref name="text"/>; the confidence is the best category's probability even when the classifier abstains.</summary>
    /// <exception cref="ObjectDisposedException">The classifier was disposed.</exception>
    public CategoryPrediction Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(_disposed, this);

        var probabilities = _model.Probabilities(text);
        var scores = new Dictionary<DocumentCategory, double>(probabilities.Length);
        var best = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            scores[LinearCategoryModel.Categories[i]] = probabilities[i];
            best = probabilities[i] > probabilities[best] ? i : best;
        }

        var confidence = probabilities[best];
        var category = confidence >= _options.MinimumConfidence ? LinearCategoryModel.Categories[best] : DocumentCategory.Unclassified;
        return new CategoryPrediction(category, confidence, scores);
    }

    /// <summary>Saves the model to a file (not meant for the repository).</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.Create(path);
        Model.Save(stream);
    }

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidOperationException">The file is not a category model of this version.</exception>
    public static CategoryClassifier Load(string path, ClassifierOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No category model at {path}.", path);
        }

        using var stream = File.OpenRead(path);
        try
        {
            return new CategoryClassifier(LinearCategoryModel.Load(stream), options);
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidOperationException($"{path} is not a category model of this version: {exception.Message}", exception);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _disposed = true;
}
