using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;

namespace Capture.Testing.Mail;

/// <summary>
/// The server's users: one passwd-file per user (<c>users/&lt;name&gt;</c>, the line
/// <c>name:{PLAIN}password::::::</c>; uid, gid and home come from the userdb's <c>default_fields</c>).
/// </summary>
/// <remarks>
/// Not one shared file: Dovecot looks at a passwd-file at most once a second, so a user appended in the same second as
/// another login stays unknown for up to a second, and the failed login then costs an auth penalty of seconds. A file
/// Dovecot has not seen yet is read on its first lookup.
/// </remarks>
internal sealed partial class DovecotUsers(string directory)
{
    private readonly ConcurrentDictionary<string, NetworkCredential> _credentials = new(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">The name or password holds characters the passwd-file cannot store.</exception>
    /// <exception cref="InvalidOperationException">The user exists already.</exception>
    public async Task AddAsync(string name, string password, CancellationToken cancellationToken)
    {
        if (!UserName().IsMatch(name))
        {
            throw new ArgumentException($"\"{name}\" is not a user name the test server takes (letters, digits and . _ - + @).", nameof(name));
        }

        if (password.Length == 0 || password.IndexOfAny([':', '\r', '\n']) >= 0)
        {
            throw new ArgumentException("The password must not be empty nor hold ':' or line breaks (the passwd-file's separators).", nameof(password));
        }

        if (!_credentials.TryAdd(name, new NetworkCredential(name, password)))
        {
            throw new InvalidOperationException($"The test server has a user {name} already.");
        }

        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, name), $"{name}:{{PLAIN}}{password}::::::\n", cancellationToken);
        }
        catch
        {
            _credentials.TryRemove(name, out _);
            throw;
        }
    }

    /// <exception cref="InvalidOperationException">No such user was added.</exception>
    public NetworkCredential CredentialsOf(string user) =>
        _credentials.TryGetValue(user, out var credential)
            ? credential
            : throw new InvalidOperationException($"The test server has no user {user}: add it with AddUserAsync first.");

    [GeneratedRegex(@"^[A-Za-z0-9._+@-]{1,64}$")]
    private static partial Regex UserName();
}
