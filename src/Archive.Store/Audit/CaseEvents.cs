using Archive.Store.Cases;
using Archive.Store.Deadlines;
using LiteDB;

namespace Archive.Store.Audit;

/// <summary>Builds audit events.</summary>
internal static class CaseEvents
{
    /// <summary>An event by the capture pipeline.</summary>
    public static CaseEvent ByCapture(string caseId, DateTimeOffset at, string kind, string detail) =>
        By(CaseEventKinds.CaptureActor, caseId, at, kind, detail);

    public static CaseEvent By(string actor, string caseId, DateTimeOffset at, string kind, string detail) => new()
    {
        // ObjectIds grow within a process, so they order events that share a time stamp.
        Id = ObjectId.NewObjectId().ToString(),
        CaseId = caseId,
        At = at,
        Actor = actor,
        Kind = kind,
        Detail = detail,
    };

    /// <summary>The history event of a deadline change, if there was one (create it after the status event it follows, so it sorts after it).</summary>
    public static IEnumerable<CaseEvent> Of(DeadlineChange? change, string actor, string caseId, DateTimeOffset at) =>
        change is null ? [] : [By(actor, caseId, at, change.Kind, change.Detail)];
}
