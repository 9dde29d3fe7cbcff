namespace Archive.Search;

/// <summary>
/// The case fields the index denormalises onto every document of a case. <see cref="ArchiveIndex.UpdateCase"/>
/// re-stamps them on all of the case's documents when the case changes (status, category, handler, clocks).
/// </summary>
/// <param name="CaseId">The case's id; search results collapse by it.</param>
/// <param name="RegistrationNumber">The case's registration number, e.g. <c>C-2026-000123</c>.</param>
/// <param name="RegistrationYear">The year of the registration sequence (0 when the format has none); sorts results.</param>
/// <param name="RegistrationSequence">The number inside that year; sorts results.</param>
/// <param name="Category">Lower-case category word: <c>complaint</c>, <c>suggestion</c>, <c>thanks</c> or <c>unclassified</c>.</param>
/// <param name="Status">Lower-case status word, e.g. <c>not-started</c> or <c>pending-on-company</c>.</param>
/// <param name="Handler">The person responsible for the case (login or e-mail), when assigned.</param>
/// <param name="ContactName">The customer's name as extracted.</param>
/// <param name="ContactEmail">The customer's e-mail address as extracted.</param>
/// <param name="WaitingSince">Since when the customer has been waiting for the company; null while the company waits for the customer or the case is closed.</param>
/// <param name="AlertDueAt">When the case's next alert (reminder, deadline at risk, deadline) falls due; null when none is scheduled.</param>
public sealed record IndexedCase(
    string CaseId,
    string RegistrationNumber,
    int RegistrationYear,
    int RegistrationSequence,
    string Category,
    string Status,
    string? Handler,
    string? ContactName,
    string? ContactEmail,
    DateTimeOffset? WaitingSince,
    DateTimeOffset? AlertDueAt);
