namespace Archive.Search.Querying;

/// <summary>What a query is read against: the current time (for <c>waiting:</c> and <c>alert:</c>) and the zone of dates.</summary>
/// <param name="Now">The current instant.</param>
/// <param name="Zone">The time zone query dates are local to.</param>
internal sealed record QueryContext(DateTimeOffset Now, TimeZoneInfo Zone);
