using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Security;
using MimeKit;

namespace Capture.Testing.Mail;

/// <summary>One message as the server stores it.</summary>
/// <param name="Uid">Its IMAP UID in the folder's current UIDVALIDITY.</param>
/// <param name="Flags">Its system flags, without the per-session <c>\Recent</c>.</param>
/// <param name="Keywords">Its user-defined flags (IMAP keywords such as <c>$Label1</c>).</param>
/// <param name="MessageId">Its Message-ID without angle brackets, or null when it has none.</param>
/// <param name="Size">Its size in bytes (RFC822.SIZE) as stored, with CRLF line endings.</param>
internal sealed record StoredMessage(UniqueId Uid, MessageFlags Flags, IReadOnlySet<string> Keywords, string? MessageId, long Size);

/// <summary>
/// Puts mail into a <see cref="DovecotServer"/> and looks at it the way any client would: over IMAP with MailKit, as
/// the user who owns the mailbox. Folder paths use <c>/</c> between levels (<c>Archive/2026</c>); missing folders are
/// created where mail is appended.
/// </summary>
/// <remarks>
/// Raw messages are parsed by MimeKit and written back when appended; MimeKit keeps an unmodified message byte for
/// byte, apart from line endings, which IMAP stores as CRLF.
/// </remarks>
internal sealed class MailboxClient
{
    private const int MessagesPerAppend = 200;
    private const int ClientTimeoutMilliseconds = 30_000;
    private readonly DovecotServer _server;

    internal MailboxClient(DovecotServer server) => _server = server;

    /// <summary>
    /// An IMAP client logged in as <paramref name="user"/> that trusts only the server's certificate.
    /// <see cref="SecureSocketOptions.SslOnConnect"/> uses the implicit-TLS port, anything else the plain one.
    /// </summary>
    /// <exception cref="AuthenticationException">The server refused the user's password.</exception>
    public async Task<ImapClient> ConnectImapAsync(string user, SecureSocketOptions security = SecureSocketOptions.None, CancellationToken cancellationToken = default)
    {
        var client = new ImapClient();
        await ConnectAsync(client, user, security, _server.Ports.Imap, _server.Ports.Imaps, cancellationToken);
        return client;
    }

    /// <summary>A POP3 client logged in as <paramref name="user"/>; ports and trust as for <see cref="ConnectImapAsync"/>.</summary>
    /// <exception cref="AuthenticationException">The server refused the user's password.</exception>
    public async Task<Pop3Client> ConnectPop3Async(string user, SecureSocketOptions security = SecureSocketOptions.None, CancellationToken cancellationToken = default)
    {
        var client = new Pop3Client();
        await ConnectAsync(client, user, security, _server.Ports.Pop3, _server.Ports.Pop3s, cancellationToken);
        return client;
    }

    /// <summary>Creates the folder (and its parents) unless it exists.</summary>
    public Task CreateFolderAsync(string user, string folder, CancellationToken cancellationToken = default) =>
        WithImapAsync(user, client => OpenFolderAsync(client, folder, create: true, cancellationToken), cancellationToken);

    /// <summary>Appends one message with the given flags and keywords, creating the folder if missing.</summary>
    /// <returns>The UID the server gave it.</returns>
    public Task<UniqueId> AppendAsync(
        string user, string folder, MimeMessage message, MessageFlags flags = MessageFlags.None, IEnumerable<string>? keywords = null, CancellationToken cancellationToken = default) =>
        WithImapAsync(
            user,
            async client =>
            {
                var target = await OpenFolderAsync(client, folder, create: true, cancellationToken);
                return await target.AppendAsync(new AppendRequest(message, flags, keywords ?? []), cancellationToken) ?? throw MissingUid();
            },
            cancellationToken);

    /// <summary>Appends one raw RFC 5322 message; see <see cref="AppendAsync(string, string, MimeMessage, MessageFlags, IEnumerable{string}?, CancellationToken)"/>.</summary>
    public async Task<UniqueId> AppendAsync(
        string user, string folder, byte[] raw, MessageFlags flags = MessageFlags.None, IEnumerable<string>? keywords = null, CancellationToken cancellationToken = default)
    {
        using var message = await ParseAsync(raw, cancellationToken);
        return await AppendAsync(user, folder, message, flags, keywords, cancellationToken);
    }

    /// <summary>
    /// Appends many messages over one connection, a few hundred per command (MULTIAPPEND), in the order given. The
    /// sequence is read as it goes, so it may generate thousands of messages lazily. The caller keeps ownership of
    /// the messages.
    /// </summary>
    /// <returns>The UIDs the server gave, in the same order.</returns>
    public Task<IReadOnlyList<UniqueId>> AppendManyAsync(
        string user, string folder, IEnumerable<MimeMessage> messages, MessageFlags flags = MessageFlags.None, CancellationToken cancellationToken = default) =>
        WithImapAsync(
            user,
            async client =>
            {
                var target = await OpenFolderAsync(client, folder, create: true, cancellationToken);
                return await AppendInBatchesAsync(target, messages.Select(m => (IAppendRequest)new AppendRequest(m, flags)), cancellationToken);
            },
            cancellationToken);

    /// <summary>
    /// Replaces the folder by a new one holding copies of the same messages (same content, flags, keywords and dates)
    /// under a new UIDVALIDITY, with UIDs counted from 1 again: what a client sees when a server was rebuilt.
    /// A folder other than INBOX is deleted and created again over IMAP. INBOX cannot be deleted, so its messages are
    /// expunged, every session of the user is kicked (the caller's open clients too) and Dovecot's UID list and indexes
    /// are removed, which makes Dovecot start the INBOX under a new UIDVALIDITY.
    /// </summary>
    /// <returns>The folder's new UIDVALIDITY.</returns>
    /// <exception cref="FolderNotFoundException">The folder does not exist.</exception>
    public async Task<uint> RecreateFolderAsync(string user, string folder, CancellationToken cancellationToken = default)
    {
        var saved = await WithImapAsync(user, client => TakeAllAsync(client, folder, cancellationToken), cancellationToken);
        try
        {
            if (IsInbox(folder))
            {
                await ForgetInboxUidsAsync(user, cancellationToken);
            }

            return await WithImapAsync(
                user,
                async client =>
                {
                    var target = await OpenFolderAsync(client, folder, create: true, cancellationToken);
                    await AppendInBatchesAsync(target, saved, cancellationToken);
                    await target.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
                    return target.UidValidity;
                },
                cancellationToken);
        }
        finally
        {
            foreach (var request in saved)
            {
                request.Message.Dispose();
            }
        }
    }

    /// <summary>The folder's UIDVALIDITY.</summary>
    /// <exception cref="FolderNotFoundException">The folder does not exist.</exception>
    public Task<uint> GetUidValidityAsync(string user, string folder, CancellationToken cancellationToken = default) =>
        WithFolderAsync(user, folder, FolderAccess.ReadOnly, target => Task.FromResult(target.UidValidity), cancellationToken);

    /// <summary>Every message in the folder, in UID order.</summary>
    /// <exception cref="FolderNotFoundException">The folder does not exist.</exception>
    public Task<IReadOnlyList<StoredMessage>> ListAsync(string user, string folder, CancellationToken cancellationToken = default) =>
        WithFolderAsync<IReadOnlyList<StoredMessage>>(
            user,
            folder,
            FolderAccess.ReadOnly,
            async target =>
            {
                if (target.Count == 0)
                {
                    return [];
                }

                const MessageSummaryItems Items = MessageSummaryItems.UniqueId | MessageSummaryItems.Flags | MessageSummaryItems.Envelope | MessageSummaryItems.Size;
                var summaries = await target.FetchAsync(0, -1, Items, cancellationToken);
                return summaries.OrderBy(s => s.UniqueId).Select(ToStoredMessage).ToList();
            },
            cancellationToken);

    /// <summary>How many messages the folder holds.</summary>
    /// <exception cref="FolderNotFoundException">The folder does not exist.</exception>
    public Task<int> CountAsync(string user, string folder, CancellationToken cancellationToken = default) =>
        WithFolderAsync(
            user,
            folder,
            FolderAccess.None,
            async target =>
            {
                await target.StatusAsync(StatusItems.Count, cancellationToken);
                return target.Count;
            },
            cancellationToken);

    private async Task ConnectAsync(MailService client, string user, SecureSocketOptions security, int plainPort, int tlsPort, CancellationToken cancellationToken)
    {
        try
        {
            client.Timeout = ClientTimeoutMilliseconds;
            client.ServerCertificateValidationCallback = _server.ValidateServerCertificate;
            var port = security == SecureSocketOptions.SslOnConnect ? tlsPort : plainPort;
            await client.ConnectAsync(DovecotServer.Host, port, security, cancellationToken);
            await client.AuthenticateAsync(_server.CredentialsOf(user), cancellationToken);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task<T> WithImapAsync<T>(string user, Func<ImapClient, Task<T>> action, CancellationToken cancellationToken)
    {
        using var client = await ConnectImapAsync(user, SecureSocketOptions.None, cancellationToken);
        var result = await action(client);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return result;
    }

    /// <summary>Runs <paramref name="action"/> on an existing folder, opened first unless <paramref name="access"/> is None.</summary>
    private Task<T> WithFolderAsync<T>(string user, string folder, FolderAccess access, Func<IMailFolder, Task<T>> action, CancellationToken cancellationToken) =>
        WithImapAsync(
            user,
            async client =>
            {
                var target = await OpenFolderAsync(client, folder, create: false, cancellationToken);
                if (access != FolderAccess.None)
                {
                    await target.OpenAsync(access, cancellationToken);
                }

                return await action(target);
            },
            cancellationToken);

    private static async Task<IMailFolder> OpenFolderAsync(ImapClient client, string path, bool create, CancellationToken cancellationToken)
    {
        if (IsInbox(path))
        {
            return client.Inbox;
        }

        try
        {
            return await client.GetFolderAsync(path, cancellationToken);
        }
        catch (FolderNotFoundException) when (create)
        {
            // Created below, one level at a time: MailKit creates a single level per call.
        }

        var folder = client.GetFolder(client.PersonalNamespaces[0]);
        foreach (var name in path.Split(folder.DirectorySeparator))
        {
            var subfolders = await folder.GetSubfoldersAsync(subscribedOnly: false, cancellationToken);
            folder = subfolders.FirstOrDefault(f => f.Name == name)
                ?? await folder.CreateAsync(name, isMessageFolder: true, cancellationToken)
                ?? throw new InvalidOperationException($"Dovecot did not create {name} in {folder.FullName}.");
        }

        return folder;
    }

    private static async Task<IReadOnlyList<UniqueId>> AppendInBatchesAsync(IMailFolder target, IEnumerable<IAppendRequest> requests, CancellationToken cancellationToken)
    {
        var uids = new List<UniqueId>();
        foreach (var batch in requests.Chunk(MessagesPerAppend))
        {
            var appended = await target.AppendAsync(batch, cancellationToken);
            uids.AddRange(appended.Count == batch.Length ? appended : throw MissingUid());
        }

        return uids;
    }

    /// <summary>Reads every message of the folder with its flags and date, then empties the folder or deletes it.</summary>
    private static async Task<IReadOnlyList<IAppendRequest>> TakeAllAsync(ImapClient client, string path, CancellationToken cancellationToken)
    {
        var folder = await OpenFolderAsync(client, path, create: false, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        var saved = new List<IAppendRequest>();
        if (folder.Count > 0)
        {
            const MessageSummaryItems Items = MessageSummaryItems.UniqueId | MessageSummaryItems.Flags | MessageSummaryItems.InternalDate;
            foreach (var summary in (await folder.FetchAsync(0, -1, Items, cancellationToken)).OrderBy(s => s.UniqueId))
            {
                var message = await folder.GetMessageAsync(summary.UniqueId, cancellationToken);
                var stored = ToStoredMessage(summary);
                saved.Add(new AppendRequest(message, stored.Flags, stored.Keywords) { InternalDate = summary.InternalDate });
            }
        }

        if (IsInbox(path))
        {
            await folder.StoreAsync(UniqueIdRange.All, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Deleted) { Silent = true }, cancellationToken);
            await folder.ExpungeAsync(cancellationToken);
            await folder.CloseAsync(expunge: false, cancellationToken);
        }
        else
        {
            await folder.CloseAsync(expunge: false, cancellationToken);
            await folder.DeleteAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>
    /// With its UID list and indexes gone, Dovecot numbers the (now empty) INBOX afresh under a new UIDVALIDITY taken
    /// from the user's <c>dovecot-uidvalidity</c> counter. No session may hold the old index meanwhile.
    /// </summary>
    private async Task ForgetInboxUidsAsync(string user, CancellationToken cancellationToken)
    {
        await _server.KickAsync(user, cancellationToken);
        var maildir = _server.MaildirOf(user);
        foreach (var pattern in (string[])["dovecot-uidlist", "dovecot.index*", "dovecot.list.index*"])
        {
            foreach (var file in Directory.EnumerateFiles(maildir, pattern))
            {
                File.Delete(file);
            }
        }
    }

    private static StoredMessage ToStoredMessage(IMessageSummary summary) => new(
        summary.UniqueId,
        (summary.Flags ?? MessageFlags.None) & ~(MessageFlags.Recent | MessageFlags.UserDefined),
        new HashSet<string>(summary.Keywords, StringComparer.OrdinalIgnoreCase),
        summary.Envelope?.MessageId,
        summary.Size ?? 0);

    private static async Task<MimeMessage> ParseAsync(byte[] raw, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(raw, writable: false);
        return await MimeMessage.LoadAsync(stream, cancellationToken);
    }

    private static bool IsInbox(string folder) => string.Equals(folder, "INBOX", StringComparison.OrdinalIgnoreCase);

    private static InvalidOperationException MissingUid() =>
        new("Dovecot did not report the appended message's UID (UIDPLUS).");
}
