using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Capture.Web.Security;

/// <summary>
/// Where the keys that protect sign-in and anti-forgery cookies live: in the archive's <c>web-keys</c> folder, which
/// only the service's user may open. Without this, ASP.NET Core keeps them in the home folder of whoever runs the
/// service, shared with every other ASP.NET Core program of that user and outside the archive's permissions.
/// </summary>
public static class WebKeyRing
{
    /// <summary>The folder's name under the archive root.</summary>
    public const string FolderName = "web-keys";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    internal static void Add(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Capture");
        services.AddOptions<KeyManagementOptions>().Configure<Archive.Store.ArchiveStore, ILoggerFactory>((keys, store, loggers) =>
            keys.XmlRepository = new FileSystemXmlRepository(OpenFolder(store.RootDirectory), loggers));
    }

    /// <summary>Creates the folder if needed and makes it the owner's alone (also when it was made otherwise).</summary>
    /// <exception cref="IOException">The folder cannot be created.</exception>
    internal static DirectoryInfo OpenFolder(string archiveRoot)
    {
        var path = Path.Combine(archiveRoot, FolderName);
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path);
        }

        var folder = Directory.CreateDirectory(path, OwnerOnly);
        if ((File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }

        return folder;
    }
}
