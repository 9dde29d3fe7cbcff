using Microsoft.AspNetCore.Connections;

namespace Capture.Web.Hosting;

/// <summary>Turns Kestrel's failure to listen into a message for the operator that names <c>Web:Urls</c>.</summary>
public static class WebBindFailure
{
    /// <summary>The message when <paramref name="exception"/> says the address is taken or cannot be listened on; otherwise null.</summary>
    public static string? Describe(Exception exception, string urls)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AddressInUseException)
            {
                return $"the web UI cannot listen on {urls}: the address is already in use. Set Web:Urls to a free address " +
                    "(e.g. CAPTURE_Web__Urls=http://127.0.0.1:5081) or turn the web UI off with Web:Enabled=false.";
            }
        }

        return exception is IOException && exception.Message.Contains("bind", StringComparison.OrdinalIgnoreCase)
            ? $"the web UI cannot listen on {urls} ({exception.Message}). Check Web:Urls, or turn the web UI off with Web:Enabled=false."
            : null;
    }
}
