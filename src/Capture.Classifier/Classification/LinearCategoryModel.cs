using System.Text;

namespace Capture.Classifier.Classification;

/// <summary>
/// A trained category model: the feature settings it was trained with and, per category, a weight for every feature
/// slot and a bias. Probabilities are the softmax of the linear scores, exactly as ML.NET's maximum-entropy
/// trainers define them, computed here without an ML.NET prediction engine so a prediction costs one featurization
/// and a sparse dot product. Immutable and thread-safe.
/// </summary>
public sealed class LinearCategoryModel
{
    /// <summary>The categories the model scores, in slot order.</summary>
    public static IReadOnlyList<DocumentCategory> Categories { get; } = [DocumentCategory.Complaint, DocumentCategory.Suggestion, DocumentCategory.Thanks];

    private const string Magic = "capture-category-model";
    private const int FormatVersion = 1;

    // Weights of slot s for category c at [s * Categories.Count + c]: the categories of one slot share a cache line.
    private readonly float[] _weights;
    private readonly float[] _biases;

    /// <summary>Creates a model from weights laid out slot by slot (<c>[slot * 3 + category]</c>) and one bias per category.</summary>
    /// <exception cref="ArgumentException">The arrays do not have the sizes of <see cref="FeatureSettings.Dimension"/> and <see cref="Categories"/>.</exception>
    public LinearCategoryModel(FeatureSettings features, string pipelineName, float[] weights, float[] biases)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentException.ThrowIfNullOrEmpty(pipelineName);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(biases);
        if (weights.Length != FeatureSettings.Dimension * Categories.Count || biases.Length != Categories.Count)
        {
            throw new ArgumentException($"Expected {FeatureSettings.Dimension} × {Categories.Count} weights and {Categories.Count} biases.", nameof(weights));
        }

        Features = features;
        PipelineName = pipelineName;
        _weights = weights;
        _biases = biases;
    }

    /// <summary>The features the model reads.</summary>
    public FeatureSettings Features { get; }

    /// <summary>The pipeline (features and trainer) that produced the model.</summary>
    public string PipelineName { get; }

    /// <summary>The probability of each of <see cref="Categories"/> for <paramref name="text"/>; they sum to 1.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public double[] Probabilities(string text)
    {
        var scores = new double[Categories.Count];
        _biases.Select(b => (double)b).ToArray().CopyTo(scores, 0);
        TextFeaturizer.Score(text, Features, _weights, scores);

        var max = scores.Max();
        var total = 0.0;
        var count = scores.Length;
        for (var c = 0; c < count; c++)
        {
            scores[c] = Math.Exp(scores[c] - max);
            total += scores[c];
        }

        for (var c = 0; c < count; c++)
        {
            scores[c] /= total;
        }

        return scores;
    }

    /// <summary>Writes the model (settings, biases and the non-zero weights) to <paramref name="stream"/>.</summary>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(PipelineName);
        writer.Write(Features.Name);
        writer.Write(Features.WordBigrams);
        writer.Write(Features.DiacriticWords);
        writer.Write(Features.Stems);
        writer.Write(Features.MinCharacterGram);
        writer.Write(Features.MaxCharacterGram);
        writer.Write(Features.MaxCharacters);
        writer.Write(FeatureSettings.HashBits);
        foreach (var bias in _biases)
        {
            writer.Write(bias);
        }

        var count = Categories.Count;
        var used = Enumerable.Range(0, FeatureSettings.Dimension).Where(slot => _weights.AsSpan(slot * count, count).ContainsAnyExcept(0f)).ToList();
        writer.Write(used.Count);
        foreach (var slot in used)
        {
            writer.Write(slot);
            for (var c = 0; c < count; c++)
            {
                writer.Write(_weights[(slot * count) + c]);
            }
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream does not hold a category model of this format.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static LinearCategoryModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion)
            {
                throw new InvalidDataException("Not a category model of this format.");
            }

            var pipeline = reader.ReadString();
            var features = new FeatureSettings(reader.ReadString(), reader.ReadBoolean(), reader.ReadBoolean(), reader.ReadBoolean(), reader.ReadInt32(), reader.ReadInt32())
            {
                MaxCharacters = reader.ReadInt32(),
            };
            if (reader.ReadInt32() != FeatureSettings.HashBits)
            {
                throw new InvalidDataException("The category model was hashed into a feature space of another size.");
            }

            var count = Categories.Count;
            var biases = new float[count];
            for (var c = 0; c < count; c++)
            {
                biases[c] = reader.ReadSingle();
            }

            var weights = new float[FeatureSettings.Dimension * count];
            var used = reader.ReadInt32();
            for (var i = 0; i < used; i++)
            {
                var slot = reader.ReadInt32();
                if (slot is < 0 or >= FeatureSettings.Dimension)
                {
                    throw new InvalidDataException($"The category model names feature slot {slot}, outside its space.");
                }

                for (var c = 0; c < count; c++)
                {
                    weights[(slot * count) + c] = reader.ReadSingle();
                }
            }

            return new LinearCategoryModel(features, pipeline, weights, biases);
        }
        catch (Exception exception) when (exception is EndOfStreamException or FormatException)
        {
            throw new InvalidDataException("The category model is truncated or not a category model.", exception);
        }
    }
}
