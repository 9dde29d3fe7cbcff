using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Capture.Classifier.Classification;

/// <summary>
/// Classifies text as complaint, suggestion or thanks with a trained model, abstaining
/// (<see cref="DocumentCategory.Unclassified"/>) below <see cref="ClassifierOptions.MinimumConfidence"/>.
/// Thread-safe: prediction engines are not, so each call borrows one from a small pool.
/// </summary>
public sealed class CategoryClassifier : IDisposable
{
    private readonly MLContext _context;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;
    private readonly ClassifierOptions _options;
    private readonly DocumentCategory[] _slotCategories;
    private readonly ConcurrentBag<PredictionEngine<ModelInput, ModelOutput>> _engines = [];
    private bool _disposed;

    /// <summary>Wraps a freshly trained model.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="InvalidOperationException">The model's score column does not name the categories.</exception>
    public CategoryClassifier(TrainedCategoryModel trained, ClassifierOptions? options = null)
        : this(trained?.Context ?? throw new ArgumentNullException(nameof(trained)), trained.Model, trained.InputSchema, options)
    {
    }

    /// <summary>Wraps a model and the schema of the data it was trained on.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="InvalidOperationException">The model's score column does not name the categories.</exception>
    public CategoryClassifier(MLContext context, ITransformer model, DataViewSchema inputSchema, ClassifierOptions? options = null)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _inputSchema = inputSchema ?? throw new ArgumentNullException(nameof(inputSchema));
        _options = options ?? new ClassifierOptions();
        _options.Validate();
        _slotCategories = ReadSlotCategories(model.GetOutputSchema(inputSchema));
    }

    /// <summary>The confidence threshold in use.</summary>
    public double MinimumConfidence => _options.MinimumConfidence;

    /// <summary>Classifies <paramref name="text"/>; the confidence is the best category's probability even when the classifier abstains.</summary>
    /// <exception cref="ObjectDisposedException">The classifier was disposed.</exception>
    public CategoryPrediction Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(_disposed, this);

        var raw = Predict(ModelInput.From(text));
        var total = raw.Sum();
        var scores = new Dictionary<DocumentCategory, double>();
        for (var i = 0; i < _slotCategories.Length; i++)
        {
            scores[_slotCategories[i]] = total > 0 ? raw[i] / total : 1.0 / raw.Length;
        }

        var best = scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key).First();
        var category = best.Value >= _options.MinimumConfidence ? best.Key : DocumentCategory.Unclassified;
        return new CategoryPrediction(category, best.Value, scores);
    }

    /// <summary>Saves the model to a zip file (not meant for the repository).</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _context.Model.Save(_model, _inputSchema, path);
    }

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidOperationException">The file is not a category model.</exception>
    public static CategoryClassifier Load(string path, ClassifierOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No category model at {path}.", path);
        }

        var context = new MLContext(options?.Seed ?? new ClassifierOptions().Seed);
        var model = context.Model.Load(path, out var schema);
        return new CategoryClassifier(context, model, schema, options);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        while (_engines.TryTake(out var engine))
        {
            engine.Dispose();
        }
    }

    private float[] Predict(ModelInput input)
    {
        if (!_engines.TryTake(out var engine))
        {
            engine = _context.Model.CreatePredictionEngine<ModelInput, ModelOutput>(_model, _inputSchema);
        }

        try
        {
            return [.. engine.Predict(input).Score];
        }
        finally
        {
            if (_disposed)
            {
                engine.Dispose();
            }
            else
            {
                _engines.Add(engine);
            }
        }
    }

    private static DocumentCategory[] ReadSlotCategories(DataViewSchema outputSchema)
    {
        var score = outputSchema.GetColumnOrNull("Score")
            ?? throw new InvalidOperationException("The model has no Score column; it is not a category model.");
        VBuffer<ReadOnlyMemory<char>> names = default;
        score.GetSlotNames(ref names);
        return [.. names.DenseValues().Select(n => Enum.TryParse<DocumentCategory>(n.ToString(), out var category)
            ? category
            : throw new InvalidOperationException($"The model scores an unknown category '{n}'."))];
    }
}
