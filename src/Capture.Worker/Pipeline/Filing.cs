using Archive.Store.Documents;

namespace Capture.Worker.Pipeline;

/// <summary>An item the store has filed (or, in a group, is about to commit), waiting to be indexed and reported.</summary>
/// <param name="Result">What the capture's caller is told.</param>
/// <param name="Commit">The case and documents written, or null for a duplicate.</param>
/// <param name="Texts">The text of each document written, for the index.</param>
internal sealed record Filing(CaptureResult Result, CaptureCommit? Commit, IReadOnlyList<string> Texts);
