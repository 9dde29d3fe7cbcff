namespace Capture.Classifier.Extraction;

/// <summary>
/// Thrown when an input cannot be turned into text. <see cref="Exception.Message"/> is written for the person who
/// reads the quarantine record: it says what is wrong with the file and, where possible, what to do about it.
/// </summary>
public sealed class UnreadableDocumentException : Exception
{
    public UnreadableDocumentException()
    {
    }

    public UnreadableDocumentException(string message)
        : base(message)
    {
    }

    public UnreadableDocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
