namespace Archive.Store.Cases;

/// <summary>How many cases a handler holds; a team gives a new case to its member with the least.</summary>
/// <param name="Login">The handler's login.</param>
/// <param name="OpenCases">Cases assigned to them that are not closed.</param>
/// <param name="TotalCases">Every case assigned to them, closed ones included.</param>
public sealed record HandlerWorkload(string Login, int OpenCases, int TotalCases);
