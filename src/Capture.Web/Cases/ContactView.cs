namespace Capture.Web.Cases;

/// <summary>Who wrote: name, e-mail and phone as captured.</summary>
public sealed record ContactView(string? Name, string? Email, string? Phone = null);
