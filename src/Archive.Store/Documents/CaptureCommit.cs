using Archive.Store.Cases;

namespace Archive.Store.Documents;

/// <summary>The result of a committed capture: the case and the documents this capture added to it.</summary>
/// <param name="Case">The case as it is after the commit.</param>
/// <param name="Documents">The documents this capture archived, in the order they were given.</param>
public sealed record CaptureCommit(CaseRecord Case, IReadOnlyList<DocumentRecord> Documents);
