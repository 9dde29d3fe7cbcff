using System.Text;

namespace Capture.Worker.Tests.Support;

/// <summary>
/// The secret values a test gave a process, each with the forms it travels in (SASL's AUTH LOGIN and AUTH PLAIN send a
/// password in base64), and a search for any of them in what the process wrote: texts such as its console output, and
/// the bytes of every file under a folder (log files, the LiteDB database and its log, quarantine reasons).
/// </summary>
internal sealed class SecretValues
{
    private readonly List<(string Name, string Value)> _forms = [];

    /// <summary>The names of the secrets and their forms, for a test to show what it searched for.</summary>
    public IEnumerable<string> Names => _forms.Select(f => f.Name);

    /// <summary>Adds a secret that travels only as it is (a password hash, a cookie, a token) and returns it.</summary>
    public string Add(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _forms.Add((name, value));
        return value;
    }

    /// <summary>Adds <paramref name="user"/>'s password with its SASL forms: base64 of the password (LOGIN) and of NUL, user, NUL, password (PLAIN).</summary>
    public string AddPassword(string name, string user, string password)
    {
        Add(name, password);
        Add(name + " as AUTH LOGIN sends it", Convert.ToBase64String(Encoding.UTF8.GetBytes(password)));
        Add(name + " as AUTH PLAIN sends it", Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{user}\0{password}")));
        return password;
    }

    /// <summary>Each secret that appears in <paramref name="text"/>, as "the secret's name in <paramref name="where"/>".</summary>
    public IEnumerable<string> FoundIn(string where, string text) =>
        _forms.Where(f => text.Contains(f.Value, StringComparison.Ordinal)).Select(f => $"{f.Name} in {where}");

    /// <summary>Each secret whose UTF-8 bytes appear in a file under <paramref name="directory"/>, naming the file.</summary>
    public IEnumerable<string> FoundInFiles(string directory)
    {
        var patterns = _forms.Select(f => (f.Name, Bytes: Encoding.UTF8.GetBytes(f.Value))).ToList();
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var content = ReadShared(file);
            foreach (var (name, bytes) in patterns.Where(p => content.AsSpan().IndexOf(p.Bytes) >= 0))
            {
                yield return $"{name} in {Path.GetRelativePath(directory, file)}";
            }
        }
    }

    /// <summary>Reads a file another process may still hold open (a shared log file).</summary>
    public static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
