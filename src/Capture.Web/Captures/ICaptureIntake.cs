namespace Capture.Web.Captures;

/// <summary>
/// Items the web hands to the capture pipeline, implemented by the host (Capture.Worker): a file a person uploads
/// (<c>POST /api/captures</c>) and a customer's submission of the public intake form. Both go through the same claim,
/// extraction, understanding, filing and indexing as every other source.
/// </summary>
public interface ICaptureIntake
{
    /// <summary>Captures <paramref name="content"/> as <c>capture import</c> captures a file, recorded as uploaded by <paramref name="by"/>.</summary>
    /// <param name="content">The file's bytes; read to the end.</param>
    /// <param name="fileName">The name it was uploaded with (untrusted: only its last part is kept, never used as a path).</param>
    /// <param name="by">The login of the person who uploaded it.</param>
    /// <param name="cancellationToken">Stops reading and capturing.</param>
    /// <returns>What became of it (a quarantined item too: its reason says why).</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    Task<CaptureResultView> CaptureFileAsync(Stream content, string fileName, string by, CancellationToken cancellationToken);

    /// <summary>Captures a submission of the intake form as an e-mail from the customer, with its attachments.</summary>
    /// <returns>What became of it: normally a new case, whose number the customer is shown.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    Task<CaptureResultView> SubmitAsync(IntakeSubmission submission, CancellationToken cancellationToken);
}

/// <summary>What a customer sent through the intake form; checked by the web (sizes, types, fields) before it gets here.</summary>
/// <param name="Name">Their name.</param>
/// <param name="Email">Their e-mail address.</param>
/// <param name="Category">What they say it is: <c>complaint</c>, <c>suggestion</c> or <c>thanks</c> (a hint the classifier may overrule).</param>
/// <param name="Message">Their message.</param>
/// <param name="Attachments">The files they attached, with cleaned names.</param>
public sealed record IntakeSubmission(string Name, string Email, string Category, string Message, IReadOnlyList<IntakeAttachment> Attachments);

/// <summary>A file attached to an intake submission.</summary>
public sealed record IntakeAttachment(string FileName, string MediaType, ReadOnlyMemory<byte> Content);
