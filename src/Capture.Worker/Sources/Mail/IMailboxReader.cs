using Capture.Worker.Pipeline;

namespace Capture.Worker.Sources.Mail;

/// <summary>Reads one mailbox. Not thread-safe: one poll per account at a time is the point.</summary>
internal interface IMailboxReader : IAsyncDisposable
{
    /// <summary>Connects if needed and captures every new message of every folder once, reporting each result.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled; unfinished messages are taken at the next poll.</exception>
    /// <exception cref="Exception">Network, protocol or sign-in failures: the caller disconnects and retries later.</exception>
    Task PollAsync(Func<CaptureResult, ValueTask> report, CancellationToken cancellationToken);

    /// <summary>Waits for new mail: IMAP IDLE where offered and wanted, otherwise the poll interval.</summary>
    Task WaitForNewMailAsync(CancellationToken cancellationToken);

    /// <summary>Drops the connection (after a failure), so the next poll connects afresh.</summary>
    Task DisconnectAsync();
}
