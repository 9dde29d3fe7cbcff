using System.Globalization;

namespace Capture.Benchmarks.Search;

/// <summary>A noun with its inflected forms, in the order of the language's <see cref="TemplateGrammar"/>.</summary>
/// <param name="Forms">The forms; form 0 is the dictionary form.</param>
/// <param name="Gender">For Polish nouns: 0 masculine, 1 feminine, 2 neuter (chooses <c>{g:…}</c> words).</param>
internal sealed record InflectedWord(string[] Forms, int Gender = 0);

/// <summary>The sentences of one kind of letter (complaint, suggestion or thanks).</summary>
internal sealed record CategoryLetters(
    IReadOnlyList<SentenceTemplate> Openers,
    IReadOnlyList<SentenceTemplate> Body,
    IReadOnlyList<SentenceTemplate> Closings,
    IReadOnlyList<SentenceTemplate> Subjects);

/// <summary>
/// Everything a language contributes to a generated letter: its sentences, vocabulary with the inflected forms the
/// sentences need, customers' names, and how it writes dates, amounts, phone and reference numbers.
/// </summary>
internal abstract class LetterLanguage
{
    /// <summary>ISO 639-1 code, as <see cref="Archive.Search.IndexedDocument.Language"/> holds it.</summary>
    public abstract string Code { get; }

    public required InflectedWord[] Products { get; init; }

    public required InflectedWord[] Cities { get; init; }

    /// <summary>Parts and accessories, most often mentioned first (they are drawn with a skew towards the start).</summary>
    public required string[] Items { get; init; }

    public required string[] Streets { get; init; }

    public required string[] Greetings { get; init; }

    public required string[] SignOffs { get; init; }

    public required CategoryLetters Complaint { get; init; }

    public required CategoryLetters Suggestion { get; init; }

    public required CategoryLetters Thanks { get; init; }

    /// <summary>First sentences of a follow-up letter; they quote the case's registration number.</summary>
    public required IReadOnlyList<SentenceTemplate> FollowUpOpeners { get; init; }

    public required IReadOnlyList<SentenceTemplate> FollowUpSubjects { get; init; }

    /// <summary>Sentences any letter may tell (the purchase, the delivery, the customer's circumstances).</summary>
    public required IReadOnlyList<SentenceTemplate> Fillers { get; init; }

    public required NameBook Names { get; init; }

    public required string[] EmailDomains { get; init; }

    /// <summary>File names of letters sent as attachments (scans and e-mails get generic names).</summary>
    public required string[] AttachmentNames { get; init; }

    /// <summary>How a signature introduces the phone number ("tel. ", "Tel.: ").</summary>
    public abstract string PhoneLabel { get; }

    /// <summary>The templates of one kind of letter.</summary>
    public CategoryLetters Letters(LetterCategory category) => category switch
    {
        LetterCategory.Complaint => Complaint,
        LetterCategory.Suggestion => Suggestion,
        _ => Thanks,
    };

    public abstract string FormatDate(DateTime date, int style);

    public abstract string FormatAmount(int whole, int cents, int style);

    public abstract string FormatPhone(Random random);

    public abstract string FormatOrder(int year, int sequence);

    public abstract string FormatInvoice(int year, int month, int sequence);

    /// <summary>The street line of an address, with a house number.</summary>
    public abstract string FormatStreet(string street, int number);

    protected static string Number(int value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}

/// <summary>What a letter is about; an archive case also knows <c>unclassified</c>.</summary>
internal enum LetterCategory
{
    Complaint,
    Suggestion,
    Thanks,
}
