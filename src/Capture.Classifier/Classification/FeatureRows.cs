using Microsoft.ML;
using Microsoft.ML.Data;

namespace Capture.Classifier.Classification;

/// <summary>One featurized example as ML.NET reads it: the category's slot as a key and the hashed features.</summary>
internal sealed class FeatureRow
{
    // Written zero-based (0 = complaint … 2 = thanks): ML.NET adds one when it reads a key from a .NET object, keeping 0 for "missing".
    [KeyType(3)]
    public uint Label { get; set; }

    public VBuffer<float> Features { get; set; }

    /// <summary>Featurizes <paramref name="examples"/> with <paramref name="settings"/> into a data view ML.NET trainers accept.</summary>
    public static IDataView Load(MLContext context, IReadOnlyList<LabelledText> examples, FeatureSettings settings)
    {
        var rows = examples.Select(e =>
        {
            var features = TextFeaturizer.Featurize(e.Text, settings);
            return new FeatureRow
            {
                Label = (uint)LabelOf(e.Category),
                Features = new VBuffer<float>(FeatureSettings.Dimension, features.Indices.Length, features.Values, features.Indices),
            };
        }).ToList();
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, FeatureSettings.Dimension);
        return context.Data.Cache(context.Data.LoadFromEnumerable(rows, schema));
    }

    /// <summary>The label of <paramref name="category"/>: its position in <see cref="LinearCategoryModel.Categories"/>.</summary>
    /// <exception cref="ArgumentException">The category is <see cref="DocumentCategory.Unclassified"/>.</exception>
    public static int LabelOf(DocumentCategory category)
    {
        for (var i = 0; i < LinearCategoryModel.Categories.Count; i++)
        {
            if (LinearCategoryModel.Categories[i] == category)
            {
                return i;
            }
        }

        throw new ArgumentException($"Examples must be labelled with a category, not {category}.", nameof(category));
    }
}
