using Microsoft.AspNetCore.Identity;

namespace Capture.Web.Security;

/// <summary>Password hashes as <c>Web:Users:*:PasswordHash</c> holds them: ASP.NET Core's <see cref="PasswordHasher{TUser}"/> (PBKDF2, version 3).</summary>
public static class WebPasswords
{
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object Nobody = new();

    /// <summary>Hashes a password for the configuration.</summary>
    /// <exception cref="ArgumentException"><paramref name="password"/> is null or empty.</exception>
    public static string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return Hasher.HashPassword(Nobody, password);
    }

    /// <summary>True when <paramref name="password"/> is the one <paramref name="hash"/> was made from.</summary>
    public static bool Verify(string hash, string password)
    {
        if (!LooksLikeHash(hash) || string.IsNullOrEmpty(password))
        {
            return false;
        }

        return Hasher.VerifyHashedPassword(Nobody, hash, password) != PasswordVerificationResult.Failed;
    }

    /// <summary>True when <paramref name="hash"/> has the shape of a version-3 hash (base64, format marker 0x01).</summary>
    public static bool LooksLikeHash(string? hash)
    {
        if (string.IsNullOrWhiteSpace(hash))
        {
            return false;
        }

        var bytes = new byte[hash.Length];
        return Convert.TryFromBase64String(hash, bytes, out var length) && length > 13 && bytes[0] == 0x01;
    }
}
