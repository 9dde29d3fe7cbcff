namespace Capture.Classifier.Classification;

/// <summary>
/// Which features <see cref="TextFeaturizer"/> extracts from a text. Every group of features is hashed into one
/// space of <see cref="Dimension"/> slots and L2-normalised on its own, so no group drowns the others.
/// </summary>
/// <param name="Name">A short name for reports, e.g. <c>words+chars2-4</c>.</param>
/// <param name="WordBigrams">Pairs of neighbouring words (<c>thank you</c>, <c>would be</c>) besides single words.</param>
/// <param name="DiacriticWords">Words as written, with diacritics, besides their folded form (<c>dziękuję</c> and <c>dziekuje</c>).</param>
/// <param name="Stems">Each longer word's first five letters, a crude stem that lets Polish and Hungarian inflections meet.</param>
/// <param name="MinCharacterGram">Shortest character n-gram inside words; 0 for none.</param>
/// <param name="MaxCharacterGram">Longest character n-gram inside words; 0 for none.</param>
public sealed record FeatureSettings(
    string Name,
    bool WordBigrams,
    bool DiacriticWords,
    bool Stems,
    int MinCharacterGram,
    int MaxCharacterGram)
{
    /// <summary>Bits of the hashed feature space.</summary>
    public const int HashBits = 18;

    /// <summary>Slots of the hashed feature space.</summary>
    public const int Dimension = 1 << HashBits;

    /// <summary>
    /// Only the start of a text is read: people say why they write in the first paragraphs, and a bound keeps
    /// prediction time independent of attachments and quoted threads.
    /// </summary>
    public int MaxCharacters { get; init; } = 3_000;

    /// <summary>Whether character n-grams are extracted.</summary>
    public bool CharacterGrams => MinCharacterGram > 0 && MaxCharacterGram >= MinCharacterGram;
}
