namespace Archive.Search;

/// <summary>A live change made while a rebuild runs, replayed onto the new generation before it takes over.</summary>
internal abstract record IndexChange
{
    public sealed record Upsert(IndexedDocument Document) : IndexChange;

    public sealed record CaseUpdate(IndexedCase Case) : IndexChange;

    public sealed record Delete(string DocumentId) : IndexChange;
}
