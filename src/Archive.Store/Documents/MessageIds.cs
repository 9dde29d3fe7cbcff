namespace Archive.Store.Documents;

/// <summary>One spelling for e-mail Message-IDs: trimmed, without the angle brackets.</summary>
internal static class MessageIds
{
    public static string? Normalize(string? messageId)
    {
        if (messageId is null)
        {
            return null;
        }

        var trimmed = messageId.Trim();
        if (trimmed.StartsWith('<') && trimmed.EndsWith('>'))
        {
            trimmed = trimmed[1..^1].Trim();
        }

        return trimmed.Length == 0 ? null : trimmed;
    }
}
