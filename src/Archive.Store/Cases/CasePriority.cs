namespace Archive.Store.Cases;

/// <summary>How urgently a case needs attention. Only raised by <see cref="ArchiveStore.RaisePriority"/>, never lowered by the store.</summary>
public enum CasePriority
{
    /// <summary>The usual order of work.</summary>
    Normal,

    /// <summary>Before normal cases, e.g. because its deadline is at risk.</summary>
    High,

    /// <summary>At once, e.g. because its deadline was missed.</summary>
    Urgent,
}
