namespace Archive.Store.Reports;

/// <summary>
/// What <c>capture report</c> tells a manager about the cases received in a period: how many per status, category,
/// handler and language; how fast the company first answered and closed them; the deadlines at risk and missed; and
/// the repeated problems — the products, serial-number prefixes and order batches with the most complaints.
/// </summary>
public sealed record CaseReport
{
    /// <summary>The first instant of the period (inclusive), or null for everything before <see cref="Until"/>.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>The end of the period (exclusive).</summary>
    public required DateTimeOffset Until { get; init; }

    /// <summary>Cases received in the period.</summary>
    public required int Cases { get; init; }

    /// <summary>Cases per status, most first.</summary>
    public required IReadOnlyList<ReportCount> ByStatus { get; init; }

    /// <summary>Cases per category, most first.</summary>
    public required IReadOnlyList<ReportCount> ByCategory { get; init; }

    /// <summary>Cases per handler (<c>unassigned</c> for none), most first.</summary>
    public required IReadOnlyList<ReportCount> ByHandler { get; init; }

    /// <summary>Cases per language (<c>unknown</c> for none), most first.</summary>
    public required IReadOnlyList<ReportCount> ByLanguage { get; init; }

    /// <summary>From receiving a case to the company's first response (a reply, or a person moving the case on).</summary>
    public required DurationSummary TimeToFirstResponse { get; init; }

    /// <summary>From receiving a case to closing it, over the cases closed.</summary>
    public required DurationSummary TimeToClose { get; init; }

    /// <summary>The open cases whose deadline is at risk or missed now, and the cases closed after their deadline.</summary>
    public required DeadlineSummary Deadlines { get; init; }

    /// <summary>The products, serial-number prefixes and order batches with the most complaints in the period.</summary>
    public required RepeatedProblems RepeatedProblems { get; init; }
}

/// <summary>How many cases have one value of a dimension.</summary>
public sealed record ReportCount(string Value, int Cases);

/// <summary>The median and 90th percentile of a duration over <see cref="Cases"/> cases (nearest rank); null when there are none.</summary>
public sealed record DurationSummary(int Cases, TimeSpan? Median, TimeSpan? Percentile90);

/// <summary>Deadlines at risk and missed.</summary>
/// <param name="AtRisk">Open cases past their at-risk point but not yet their deadline.</param>
/// <param name="Missed">Open cases past their deadline.</param>
/// <param name="ClosedLate">Cases closed after their deadline.</param>
/// <param name="Cases">The registration numbers of the open cases at risk or missed, most urgent first.</param>
public sealed record DeadlineSummary(int AtRisk, int Missed, int ClosedLate, IReadOnlyList<string> Cases);

/// <summary>
/// Where complaints cluster: each list most complaints first, with at least two complaints per entry. Products are
/// the product assigned to the cases; product words the product-like words their texts share (<see cref="ProductWords"/>).
/// </summary>
public sealed record RepeatedProblems(
    IReadOnlyList<ProblemCluster> Products,
    IReadOnlyList<ProblemCluster> SerialPrefixes,
    IReadOnlyList<ProblemCluster> OrderBatches,
    IReadOnlyList<ProblemCluster> ProductWords);

/// <summary>Complaints sharing a product, a serial-number prefix, an order batch or a product word.</summary>
/// <param name="Key">The product, prefix, batch or word.</param>
/// <param name="Complaints">How many complaint cases name it.</param>
/// <param name="Examples">Some of their registration numbers, oldest first.</param>
public sealed record ProblemCluster(string Key, int Complaints, IReadOnlyList<string> Examples);
