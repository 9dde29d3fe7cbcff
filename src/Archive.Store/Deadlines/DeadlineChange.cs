namespace Archive.Store.Deadlines;

/// <summary>What a status move or reclassification did to a case's deadline, for its history: a <see cref="Audit.CaseEventKinds"/> value and the words.</summary>
internal sealed record DeadlineChange(string Kind, string Detail);
