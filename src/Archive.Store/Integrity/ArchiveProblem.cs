namespace Archive.Store.Integrity;

/// <summary>One thing wrong in the archive, said so that a person can act on it.</summary>
/// <param name="Kind">What kind of damage it is.</param>
/// <param name="Subject">What it concerns: a registration number, a document id, or an archive-relative path.</param>
/// <param name="Message">What is wrong and what to do about it, in plain words.</param>
public sealed record ArchiveProblem(ArchiveProblemKind Kind, string Subject, string Message);

/// <summary>The kinds of damage <c>capture verify</c> looks for.</summary>
public enum ArchiveProblemKind
{
    /// <summary>An original's bytes no longer match the SHA-256 (or size) recorded when it was captured.</summary>
    AlteredOriginal,

    /// <summary>A file a record names (original, text, searchable PDF) is not there.</summary>
    MissingFile,

    /// <summary>A file in the archive that no record names.</summary>
    OrphanFile,

    /// <summary>A document whose case is not in the archive.</summary>
    DocumentWithoutCase,

    /// <summary>Two cases share one registration number or one place in a registration sequence.</summary>
    DuplicateRegistrationNumber,

    /// <summary>Numbers missing from a registration sequence.</summary>
    RegistrationGap,

    /// <summary>A registration counter behind the highest number issued: the next capture would be numbered twice.</summary>
    RegistrationCounterBehind,

    /// <summary>A quarantine record whose kept bytes are missing or altered.</summary>
    QuarantineFileProblem,

    /// <summary>A document of the store that the search index lacks.</summary>
    MissingIndexEntry,

    /// <summary>An index entry for a document the store does not have.</summary>
    UnknownIndexEntry,

    /// <summary>An index entry whose case details (status, category, handler, contact…) differ from the store's.</summary>
    StaleIndexEntry,
}
