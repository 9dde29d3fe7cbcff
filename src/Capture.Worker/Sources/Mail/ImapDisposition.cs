using MailKit;
using MailKit.Net.Imap;

namespace Capture.Worker.Sources.Mail;

/// <summary>Applies a mailbox's disposition to archived messages of an open folder, in one command per batch.</summary>
internal sealed class ImapDisposition(ImapClient client, MailDispositionOptions options)
{
    private IMailFolder? _destination;

    public async Task ApplyAsync(IMailFolder folder, IList<UniqueId> uids, CancellationToken cancellationToken)
    {
        if (uids.Count == 0)
        {
            return;
        }

        switch (options.ActionFor(MailProtocol.Imap))
        {
            case MailDispositionAction.MarkSeen:
                await folder.AddFlagsAsync(uids, MessageFlags.Seen, silent: true, cancellationToken).ConfigureAwait(false);
                break;
            case MailDispositionAction.Flag:
                await folder.AddFlagsAsync(uids, MessageFlags.Seen, new HashSet<string>(StringComparer.Ordinal) { options.Keyword }, silent: true, cancellationToken).ConfigureAwait(false);
                break;
            case MailDispositionAction.Move:
                var destination = await DestinationAsync(cancellationToken).ConfigureAwait(false);
                await folder.MoveToAsync(uids, destination, cancellationToken).ConfigureAwait(false);
                break;
            case MailDispositionAction.Delete:
                await folder.AddFlagsAsync(uids, MessageFlags.Deleted, silent: true, cancellationToken).ConfigureAwait(false);
                if (client.Capabilities.HasFlag(ImapCapabilities.UidPlus))
                {
                    // Only our messages: a plain EXPUNGE would also remove what other clients marked \Deleted.
                    await folder.ExpungeAsync(uids, cancellationToken).ConfigureAwait(false);
                }

                break;
            default:
                break;
        }
    }

    private async Task<IMailFolder> DestinationAsync(CancellationToken cancellationToken)
    {
        if (_destination is not null)
        {
            return _destination;
        }

        var name = options.Folder!;
        IMailFolder destination;
        try
        {
            destination = await client.GetFolderAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            destination = await root.CreateAsync(name, isMessageFolder: true, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The server did not create the folder '{name}' for Disposition:Folder; create it by hand.");
        }

        _destination = destination;
        return destination;
    }
}
