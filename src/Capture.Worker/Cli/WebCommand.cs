using System.CommandLine;
using Capture.Web.Security;

namespace Capture.Worker.Cli;

/// <summary>
/// <c>capture web hash-password</c>: reads a password from standard input (one line) and prints its hash for
/// <c>Web:Users:*:PasswordHash</c>. The password is never an argument, so it stays out of shell history and process lists.
/// </summary>
internal static class WebCommand
{
    public static Command Create(CliConsole console)
    {
        var hash = new Command("hash-password", "Read a password from standard input and print its hash for Web:Users:*:PasswordHash.");
        hash.SetAction((_, cancellationToken) => HashAsync(console, cancellationToken));
        return new Command("web", "The web UI and API.") { hash };
    }

    private static async Task<int> HashAsync(CliConsole console, CancellationToken cancellationToken)
    {
        var password = await console.Input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(password))
        {
            await console.Error.WriteLineAsync("capture web hash-password: no password on standard input; e.g. `read -rs p && printf '%s\\n' \"$p\" | capture web hash-password`.").ConfigureAwait(false);
            return 1;
        }

        await console.Output.WriteLineAsync(WebPasswords.Hash(password)).ConfigureAwait(false);
        return 0;
    }
}
