namespace Archive.Store.Backup;

/// <summary>What <see cref="ArchiveStore.Backup"/> copied.</summary>
/// <param name="Cases">Cases in the copied database.</param>
/// <param name="Documents">Documents in the copied database.</param>
/// <param name="QuarantineRecords">Quarantine records in the copied database.</param>
/// <param name="Files">Files written, the database included.</param>
/// <param name="Bytes">Bytes written.</param>
/// <param name="NotCopied">Files the copied records name that could not be copied, each with the reason (missing, or kept outside the archive).</param>
public sealed record StoreBackupResult(int Cases, int Documents, int QuarantineRecords, int Files, long Bytes, IReadOnlyList<string> NotCopied);

/// <summary>One file written into a backup.</summary>
/// <param name="RelativePath">Its path below the backup folder, with <c>/</c> separators.</param>
/// <param name="Sha256">The SHA-256 of the bytes written, lower-case hex.</param>
/// <param name="Size">Bytes written.</param>
public sealed record BackedUpFile(string RelativePath, string Sha256, long Size);
