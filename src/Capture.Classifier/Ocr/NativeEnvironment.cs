using System.Runtime.InteropServices;

namespace Capture.Classifier.Ocr;

/// <summary>
/// Prepares the native process environment before libtesseract is loaded.
/// </summary>
/// <remarks>
/// Debian's libtesseract is built with OpenMP and spreads each page over every core; with one engine per core
/// that oversubscribes the machine and made the same 31 pages take 191 s instead of 42 s. libgomp reads
/// <c>OMP_THREAD_LIMIT</c> once, when it is loaded with libtesseract, and only from the C environment:
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach it on Linux, so libc's
/// <c>setenv</c> is called directly.
/// </remarks>
internal static partial class NativeEnvironment
{
    private const string ThreadLimitVariable = "OMP_THREAD_LIMIT";
    private static readonly Lock Gate = new();
    private static bool prepared;

    /// <summary>True when libgomp was already loaded before the limit could be set (the limit then has no effect).</summary>
    public static bool OpenMpLoadedTooEarly { get; private set; }

    public static void LimitOpenMpThreads()
    {
        lock (Gate)
        {
            if (prepared)
            {
                return;
            }

            prepared = true;
            if (!OperatingSystem.IsLinux() && !OperatingSystem.IsFreeBSD() && !OperatingSystem.IsMacOS())
            {
                return;
            }

            OpenMpLoadedTooEarly = IsLibGompLoaded();
            if (GetEnv(ThreadLimitVariable) == IntPtr.Zero)
            {
                _ = SetEnv(ThreadLimitVariable, "1", 0);
            }
        }
    }

    /// <summary>Reads a variable from the C environment (what native libraries see).</summary>
    public static string? GetNativeVariable(string name)
    {
        var value = GetEnv(name);
        return value == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(value);
    }

    private static bool IsLibGompLoaded()
    {
        try
        {
            return File.Exists("/proc/self/maps")
                && File.ReadLines("/proc/self/maps").Any(line => line.Contains("libgomp", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnv(string name);
}
