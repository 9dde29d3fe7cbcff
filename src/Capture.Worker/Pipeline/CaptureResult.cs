using Capture.Classifier.Classification;
using Capture.Classifier.Metadata;

namespace Capture.Worker.Pipeline;

/// <summary>What happened to an item.</summary>
public enum CaptureOutcome
{
    /// <summary>A new case was opened for it.</summary>
    Opened,
    /// <summary>It was added to an existing case (a follow-up).</summary>
    Joined,
    /// <summary>The same item was captured before; nothing new was stored.</summary>
    Duplicate,
    /// <summary>It could not be captured; a quarantine record says why.</summary>
    Quarantined,
}

/// <summary>The result of capturing one item, as reported by <c>capture import</c>.</summary>
public sealed record CaptureResult
{
    public required CaptureItem Item { get; init; }

    public required CaptureOutcome Outcome { get; init; }

    public string? RegistrationNumber { get; init; }

    public DocumentCategory Category { get; init; } = DocumentCategory.Unclassified;

    public double Confidence { get; init; }

    public string? Language { get; init; }

    public ContactDetails Contact { get; init; } = new(null, null, null);

    public ReferenceNumbers References { get; init; } = ReferenceNumbers.None;

    public IReadOnlyList<DateOnly> Dates { get; init; } = [];

    /// <summary>The customer's postal address, if the item gave one.</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>The date the letter or e-mail was written, apart from dates mentioned in it.</summary>
    public DateOnly? LetterDate { get; init; }

    /// <summary>Sums of money the customer mentions (claimed amounts, prices), with their currency.</summary>
    public IReadOnlyList<MoneyAmount> Amounts { get; init; } = [];

    /// <summary>Every detail found, each with its confidence and where it was found (header, body, letterhead, signature).</summary>
    public IReadOnlyList<MetadataField> Findings { get; init; } = [];

    /// <summary>The archived original, relative to the archive root.</summary>
    public string? ArchivePath { get; init; }

    public int Pages { get; init; }

    public bool Ocr { get; init; }

    public double? OcrConfidence { get; init; }

    /// <summary>True when OCR confidence is below <see cref="Hosting.CaptureOptions.ReviewBelowOcrConfidence"/>.</summary>
    public bool NeedsReview { get; init; }

    /// <summary>Why the item was quarantined, or what was wrong with parts of it (an unreadable attachment).</summary>
    public string? Reason { get; init; }
}
