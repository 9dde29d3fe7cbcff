using Microsoft.Extensions.Logging;

namespace Archive.Store;

/// <summary>The store's log messages (source-generated, structured).</summary>
internal static partial class ArchiveStoreLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Opened archive at {RootDirectory}")]
    public static partial void StoreOpened(ILogger logger, string rootDirectory);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Opened case {RegistrationNumber} from {Source} with {DocumentCount} document(s)")]
    public static partial void CaseOpened(ILogger logger, string registrationNumber, string source, int documentCount);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Added {DocumentCount} document(s) from {Source} to case {RegistrationNumber}")]
    public static partial void DocumentsJoined(ILogger logger, string registrationNumber, string source, int documentCount);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Capture from {Source} rolled back; the files written for it were removed")]
    public static partial void CaptureRolledBack(ILogger logger, string source, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Could not remove {Path} after a rolled-back capture; archive verification will report it as an orphan")]
    public static partial void CleanupFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Quarantined {OriginalFileName} from {SourceName}: {Reason}")]
    public static partial void Quarantined(ILogger logger, string originalFileName, string sourceName, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Registration number {RegistrationNumber} is already taken although counter {Scope} had not reached it; skipping to the next")]
    public static partial void RegistrationNumberTaken(ILogger logger, string registrationNumber, string scope);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Item {SourceKey} is a duplicate of case {RegistrationNumber}")]
    public static partial void DuplicateMarked(ILogger logger, string sourceKey, string registrationNumber);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "The folder of new case {RegistrationNumber} held files of a capture that never committed (the process died); they were moved to {Path}")]
    public static partial void LeftoversSetAside(ILogger logger, string registrationNumber, string path);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Quarantine record {QuarantineId} ({OriginalFileName}) was captured on retry as {RegistrationNumber}")]
    public static partial void QuarantineResolved(ILogger logger, string quarantineId, string originalFileName, string registrationNumber);
}
