namespace Archive.Search;

/// <summary>One page of matching cases, with counts over the whole result set.</summary>
/// <param name="TotalCases">How many distinct cases match the query (over all pages).</param>
/// <param name="Hits">The cases of the requested page, in the requested order.</param>
/// <param name="CategoryCounts">How many matching cases have each category.</param>
/// <param name="StatusCounts">How many matching cases have each status.</param>
public sealed record SearchResults(
    int TotalCases,
    IReadOnlyList<CaseHit> Hits,
    IReadOnlyDictionary<string, int> CategoryCounts,
    IReadOnlyDictionary<string, int> StatusCounts);

/// <summary>A matching case, represented by its best document for the requested order.</summary>
/// <param name="RegistrationNumber">The case's registration number.</param>
/// <param name="CaseId">The case's id.</param>
/// <param name="DocumentId">The case's best document (best-scoring, or the newest/oldest match when sorted by date).</param>
/// <param name="Score">Relevance of that document; only comparable within one search (0 when not sorted by relevance).</param>
/// <param name="Category">The case's category.</param>
/// <param name="Status">The case's status.</param>
/// <param name="Handler">The case's handler, when assigned.</param>
/// <param name="ContactName">The customer's name.</param>
/// <param name="ContactEmail">The customer's e-mail, lower-cased.</param>
/// <param name="Subject">Subject of the document.</param>
/// <param name="ReceivedAt">When the document arrived.</param>
/// <param name="DaysWaiting">Whole days the customer has been waiting for the company, or null when not waiting.</param>
/// <param name="Snippet">About 200 characters of the document's text around the first match, matches in <c>[</c> <c>]</c>.</param>
public sealed record CaseHit(
    string RegistrationNumber,
    string CaseId,
    string DocumentId,
    float Score,
    string Category,
    string Status,
    string? Handler,
    string? ContactName,
    string? ContactEmail,
    string? Subject,
    DateTimeOffset ReceivedAt,
    int? DaysWaiting,
    string Snippet);
