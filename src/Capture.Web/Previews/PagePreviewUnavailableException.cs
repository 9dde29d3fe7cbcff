namespace Capture.Web.Previews;

/// <summary>A page's preview cannot be drawn; <see cref="Exception.Message"/> says why, for the person who asked.</summary>
public sealed class PagePreviewUnavailableException : Exception
{
    public PagePreviewUnavailableException()
    {
    }

    public PagePreviewUnavailableException(string message)
        : base(message)
    {
    }

    public PagePreviewUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
