using System.Globalization;
using Archive.Store;
using Archive.Store.Cases;
using Capture.Web.Captures;
using Capture.Worker.Notifications;
using Capture.Worker.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace Capture.Worker.Sources.Web;

/// <summary>
/// The web as a source: files people upload (<c>POST /api/captures</c>) and the public intake form. Each arrival is
/// written under <c>&lt;archive&gt;/incoming/web/</c> with a name of our own (never the one it came with), claimed
/// under a key of its own, and captured by the same pipeline as every other source; the copy is removed afterwards, or
/// moved to <c>&lt;archive&gt;/quarantine/web/</c> with its reason when it could not be captured. A form submission
/// becomes an e-mail from the customer (their name and address in From, the category they chose in the subject and as
/// the case's suggested category, their files as attachments), so contact, language and follow-ups work as for mail.
/// </summary>
internal sealed partial class WebCaptureSource(
    CapturePipeline pipeline,
    CaseIndexer indexer,
    ArchiveStore store,
    IOptions<SmtpOptions> smtp,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<WebCaptureSource> logger) : ICaptureIntake
{
    /// <summary>The source name of uploaded files.</summary>
    public const string UploadSource = "web-upload";

    /// <summary>The source name of intake form submissions.</summary>
    public const string FormSource = "web-form";

    public async Task<CaptureResultView> CaptureFileAsync(Stream content, string fileName, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = LastPart(fileName, "upload");
        var path = NewIncomingPath(Path.GetExtension(name));
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
        }

        LogUploaded(name, by);
        return await CaptureAsync(new CaptureItem(path, name, UploadSource, Key(UploadSource)) { Origin = name }).ConfigureAwait(false);
    }

    public async Task<CaptureResultView> SubmitAsync(IntakeSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var path = NewIncomingPath(".eml");
        using (var message = Message(submission))
        {
            await message.WriteToAsync(path, cancellationToken).ConfigureAwait(false);
        }

        var hint = Enum.TryParse<CaseCategory>(submission.Category, ignoreCase: true, out var category) && category != CaseCategory.Unclassified ? category : (CaseCategory?)null;
        var item = new CaptureItem(path, "web-form.eml", FormSource, Key(FormSource)) { Origin = "intake form", CategoryHint = hint };
        return await CaptureAsync(item).ConfigureAwait(false);
    }

    private MimeMessage Message(IntakeSubmission submission)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(submission.Name, submission.Email));
        message.To.Add(MailboxAddress.TryParse(smtp.Value.From, out var company) ? company : new MailboxAddress("", "intake@capture.invalid"));
        message.Subject = string.Create(CultureInfo.InvariantCulture, $"{CultureInfo.InvariantCulture.TextInfo.ToTitleCase(submission.Category)} (web form)");
        message.Date = time.GetUtcNow();
        message.MessageId = MimeUtils.GenerateMessageId("intake.capture.invalid");
        message.Headers.Add("X-Capture-Source", FormSource);
        var body = new BodyBuilder { TextBody = submission.Message.Replace("\r\n", "\n", StringComparison.Ordinal) };
        foreach (var attachment in submission.Attachments)
        {
            body.Attachments.Add(LastPart(attachment.FileName, "attachment"), attachment.Content.ToArray(), ContentType.TryParse(attachment.MediaType, out var type) ? type : new ContentType("application", "octet-stream"));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>
    /// Captures a written arrival. The customer has handed it over once it is written: closing the browser does not
    /// stop its capture, only stopping the service does.
    /// </summary>
    private async Task<CaptureResultView> CaptureAsync(CaptureItem item)
    {
        var stopping = lifetime.ApplicationStopping;
        var quarantine = Path.Combine(store.RootDirectory, "quarantine", "web", Path.GetFileName(item.Path));
        try
        {
            var result = await pipeline.CaptureAsync(item with { QuarantinePath = quarantine }, stopping).ConfigureAwait(false);
            if (result.Outcome == CaptureOutcome.Quarantined)
            {
                await QuarantineFiles.MoveAsync(item.Path, quarantine, result.Reason ?? "", stopping).ConfigureAwait(false);
            }

            // The person is shown the number now and may look for the case at once.
            indexer.Flush();

            return CaptureResultViews.From(result);
        }
        finally
        {
            File.Delete(item.Path);
        }
    }

    private string NewIncomingPath(string extension)
    {
        var directory = Path.Combine(store.RootDirectory, "incoming", "web");
        Directory.CreateDirectory(directory);
        var safeExtension = extension.Length is > 1 and <= 10 && extension.Skip(1).All(char.IsAsciiLetterOrDigit) ? extension.ToLowerInvariant() : "";
        return Path.Combine(directory, Guid.NewGuid().ToString("N") + safeExtension);
    }

    private static string Key(string source) => $"{source}:{Guid.NewGuid():N}";

    /// <summary>Only the name's last part, whatever separators it came with; <paramref name="fallback"/> when nothing is left.</summary>
    private static string LastPart(string? name, string fallback)
    {
        var leaf = (name ?? "").Replace('\\', '/');
        leaf = leaf[(leaf.LastIndexOf('/') + 1)..].Trim();
        return leaf.Length == 0 || leaf is "." or ".." ? fallback : leaf;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{FileName} uploaded by {Login} through the web")]
    private partial void LogUploaded(string fileName, string login);
}
