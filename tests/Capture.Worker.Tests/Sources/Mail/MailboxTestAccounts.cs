using Capture.Testing.Mail;
using Capture.Worker.Pipeline;
using Capture.Worker.Sources.Mail;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Capture.Worker.Tests.Sources.Mail;

/// <summary>Accounts on the test Dovecot, and one-poll helpers over a <see cref="TestArchive"/>.</summary>
internal static class MailboxTestAccounts
{
    public static MailboxOptions Imap(DovecotServer server, string user, params string[] folders) => Imap(server, user, new MailboxOptions().GroupSize, folders);

    /// <summary>An IMAP account whose messages are committed <paramref name="groupSize"/> at a time.</summary>
    public static MailboxOptions Imap(DovecotServer server, string user, int groupSize, params string[] folders) => new()
    {
        GroupSize = groupSize,
        Name = user,
        Protocol = MailProtocol.Imap,
        Host = DovecotServer.Host,
        Port = server.Ports.Imap,
        Security = MailSecurity.None,
        User = user,
        Password = server.CredentialsOf(user).Password,
        Folders = [.. folders],
        ReconnectDelay = TimeSpan.FromMilliseconds(200),
        MaxReconnectDelay = TimeSpan.FromSeconds(1),
        Timeout = TimeSpan.FromSeconds(10),
    };

    public static MailboxOptions Pop3(DovecotServer server, string user) => new()
    {
        Name = user + "-pop3",
        Protocol = MailProtocol.Pop3,
        Host = DovecotServer.Host,
        Port = server.Ports.Pop3,
        Security = MailSecurity.None,
        User = user,
        Password = server.CredentialsOf(user).Password,
        Disposition = new MailDispositionOptions { Action = MailDispositionAction.Delete },
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Reads the account once, as <c>capture fetch</c> does, and returns what was reported.</summary>
    public static async Task<List<CaptureResult>> PollOnceAsync(TestArchive archive, MailboxOptions account)
    {
        var results = new List<CaptureResult>();
        await using var reader = archive.Host.Services.GetRequiredService<MailboxReaderFactory>().Create(account);
        await reader.PollAsync(result =>
        {
            results.Add(result);
            return ValueTask.CompletedTask;
        }, TestContext.Current.CancellationToken);
        return results;
    }
}
