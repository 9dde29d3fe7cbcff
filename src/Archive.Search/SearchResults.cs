namespace Archive.Search;

/// <summary>One page of matching cases.</summary>
/// <param name="TotalCases">How many distinct cases match the query (over all pages).</param>
/// <param name="Hits">The cases of the requested page, best first.</param>
public sealed record SearchResults(int TotalCases, IReadOnlyList<CaseHit> Hits);

/// <summary>A matching case, represented by its best-scoring document.</summary>
/// <param name="RegistrationNumber">The case's registration number.</param>
/// <param name="CaseId">The case's id.</param>
/// <param name="DocumentId">The best-scoring document of the case.</param>
/// <param name="Score">Relevance of that document; only comparable within one search.</param>
/// <param name="Category">The case's category.</param>
/// <param name="Status">The case's status.</param>
/// <param name="ContactName">Contact name of the best document.</param>
/// <param name="ContactEmail">Contact e-mail of the best document, lower-cased.</param>
/// <param name="Subject">Subject of the best document.</param>
/// <param name="Snippet">About 200 characters of the best document's text around the first match, matches in <c>[</c> <c>]</c>.</param>
public sealed record CaseHit(
    string RegistrationNumber,
    string CaseId,
    string DocumentId,
    float Score,
    string Category,
    string Status,
    string? ContactName,
    string? ContactEmail,
    string? Subject,
    string Snippet);
