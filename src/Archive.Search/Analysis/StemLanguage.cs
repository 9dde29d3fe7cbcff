namespace Archive.Search.Analysis;

/// <summary>A language the index stems, with its Hunspell dictionary and its stemmed field.</summary>
/// <param name="Code">ISO 639-1 code as documents carry it (<c>pl</c>).</param>
/// <param name="Dictionary">The Hunspell dictionary's file name without extension (<c>pl_PL</c>).</param>
/// <param name="Field">The index field that holds the document's stems in this language.</param>
internal sealed record StemLanguage(string Code, string Dictionary, string Field)
{
    public static readonly StemLanguage Polish = new("pl", "pl_PL", "text_pl");
    public static readonly StemLanguage Hungarian = new("hu", "hu_HU", "text_hu");
    public static readonly StemLanguage English = new("en", "en_US", "text_en");

    /// <summary>Every stemmed language; a query is analysed for each of them.</summary>
    public static readonly IReadOnlyList<StemLanguage> All = [Polish, Hungarian, English];

    /// <summary>The stemmed language of a document's language code, or null for any other (indexed unstemmed only).</summary>
    public static StemLanguage? For(string? code) =>
        code is null ? null : All.FirstOrDefault(language => string.Equals(language.Code, code, StringComparison.OrdinalIgnoreCase));
}
