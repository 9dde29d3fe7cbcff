namespace Capture.Worker.Operations;

/// <summary>A backup or restore that was refused before it changed anything; the message says why and what to do.</summary>
public sealed class ArchiveOperationRefusedException : Exception
{
    public ArchiveOperationRefusedException()
    {
    }

    public ArchiveOperationRefusedException(string message)
        : base(message)
    {
    }

    public ArchiveOperationRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
