using System.Text.RegularExpressions;

namespace Capture.Classifier.Metadata;

/// <summary>
/// The source-generated regular expressions of metadata extraction. Every one has a match timeout,
/// because the text comes from strangers and OCR.
/// </summary>
internal static partial class MetadataPatterns
{
    private const int TimeoutMilliseconds = 1000;
    private const RegexOptions Common = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const RegexOptions CommonIgnoreCase = Common | RegexOptions.IgnoreCase;

    // A reference value: letters, digits and / - _ . inside, a letter or digit at both ends.
    private const string Value = @"(?<value>[\p{L}\d](?:[\p{L}\d/_.\-]*[\p{L}\d])?)";

    // Connector words and punctuation between a label and its value, tolerant of OCR's stray spaces.
    private const string Filler = @"(?:[\s:#.,]*(?:no|nr|num|numer|number|nummer|sz[áa]m[aá]?|ref)\b(?![\-/])\.?)*[\s:#.,]*";

    private const string OrderLabels = @"order(?:\s+number)?|nr\s+zam[óo0]wieni\w*|numer\s+zam[óo0]wieni\w*|zam[óo0]wieni\w*|megrendel[ée]s(?:sz[áa](?:m|rn))?\w*|rendel[ée]s(?:sz[áa](?:m|rn))?\w*";
    private const string InvoiceLabels = @"[il1]nvoice|nr\s+faktury|faktur\w*|sz[áa]mlasz[áa](?:m|rn)\w*|sz[áa]ml[aá]\w*";
    private const string SerialLabels = @"serial(?:\s+number)?|s\s?/\s?n|sn|numer\s+seryjny|nr\s+seryjny|seryjny|sorozatsz[áa](?:m|rn)\w*|gy[áa]ri\s+sz[áa](?:m|rn)\w*";
    private const string PolicyLabels = @"polic(?:y|ies)(?:\s+number)?|nr\s+polisy|numer\s+polisy|polis[aeyię]\w*|k[öo]tv[ée]ny\w*";

    // One pass for all four kinds: the group that took part names the kind.
    [GeneratedRegex($@"(?<![\p{{L}}\d])(?:(?<order>{OrderLabels})|(?<invoice>{InvoiceLabels})|(?<serial>{SerialLabels})|(?<policy>{PolicyLabels}))\b(?![\-/]){Filler}{Value}", CommonIgnoreCase, TimeoutMilliseconds)]
    internal static partial Regex LabelledReference();

    // Hungarian puts the number before the noun: "az SZ-2026/1187 számú számla".
    [GeneratedRegex($@"{Value}\s+sz[áa]m[úu]\s+(?<label>rendel[ée]s|megrendel[ée]s|sz[áa]ml[aá]|k[öo]tv[ée]ny|sorozat)", CommonIgnoreCase, TimeoutMilliseconds)]
    internal static partial Regex HungarianNumberedNoun();

    [GeneratedRegex(@"(?<![\p{L}\d/\-])(?<value>(?:ZAM/|ORD-)[A-Za-z0-9](?:[A-Za-z0-9/_.\-]*[A-Za-z0-9])?)", Common, TimeoutMilliseconds)]
    internal static partial Regex BareOrder();

    [GeneratedRegex(@"(?<![\p{L}\d/\-])(?<value>(?:FV/|INV-)[A-Za-z0-9](?:[A-Za-z0-9/_.\-]*[A-Za-z0-9])?)", Common, TimeoutMilliseconds)]
    internal static partial Regex BareInvoice();

    [GeneratedRegex(@"(?<![\p{L}\d/\-])(?<value>SN-[A-Za-z0-9](?:[A-Za-z0-9/_.\-]*[A-Za-z0-9])?)", Common, TimeoutMilliseconds)]
    internal static partial Regex BareSerial();

    [GeneratedRegex(@"(?<![\p{L}\d/\-])(?<value>POL-[A-Za-z0-9](?:[A-Za-z0-9/_.\-]*[A-Za-z0-9])?)", Common, TimeoutMilliseconds)]
    internal static partial Regex BarePolicy();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", Common, TimeoutMilliseconds)]
    internal static partial Regex Email();

    [GeneratedRegex(@"^(?:no-?reply|do-?not-?reply|info|kontakt|contact|support|biuro|office|reklamacje|reklamacja|ugyfelszolgalat|service|customerservice|help|sales|admin|mailer-daemon|postmaster|bok|obsluga)(?:[._\-].*)?$", CommonIgnoreCase, TimeoutMilliseconds)]
    internal static partial Regex CompanyMailbox();

    // A run of 8–15 digits with single separators; validated afterwards (see PhoneFinder).
    [GeneratedRegex(@"(?<![\p{L}\d/+.\-])(?<value>(?:\+|00)?\(?\d(?:[ .\-]?\(?\d\)?){7,14})(?![\p{L}/\-]|[ .\-]?\d)", Common, TimeoutMilliseconds)]
    internal static partial Regex PhoneCandidate();

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?!\d)", Common, TimeoutMilliseconds)]
    internal static partial Regex IsoDate();

    [GeneratedRegex(@"(?<![\d/.\-])(?<a>\d{1,2})\s?(?<sep>[./\-])\s?(?<b>\d{1,2})\s?\k<sep>\s?(?<y>\d{4})(?![\d/\-])", Common, TimeoutMilliseconds)]
    internal static partial Regex NumericDate();

    // Hungarian numeric order: "2026.11.12." or "2026. 11. 12.".
    [GeneratedRegex(@"(?<![\d/.\-])(?<y>\d{4})\.\s?(?<m>\d{1,2})\.\s?(?<d>\d{1,2})\.?(?![\d/\-])", Common, TimeoutMilliseconds)]
    internal static partial Regex HungarianNumericDate();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\s+(?<month>stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze[śs]nia|pa[źz]dziernika|listopada|grudnia)\s+(?<y>\d{4})(?!\d)", CommonIgnoreCase, TimeoutMilliseconds)]
    internal static partial Regex PolishDate();

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})\.?\s+(?<month>janu[áa]r|febru[áa]r|m[áa]rcius|[áa]prilis|m[áa]jus|j[úu]nius|j[úu]lius|augusztus|szeptember|okt[óo]ber|november|december|(?:jan|febr?|m[áa]rc|[áa]pr|m[áa]j|j[úu]n|j[úu]l|aug|szept?|okt|nov|dec)\.)\s*(?<d>\d{1,2})(?!\d)", CommonIgnoreCase, TimeoutMilliseconds)]
    internal static partial Regex HungarianDate();

    [GeneratedRegex(@"\b(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})(?!\d)", CommonIgnoreCase, TimeoutMilliseconds)]
    internal static partial Regex EnglishMonthFirstDate();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?,?\s+(?<y>\d{4})(?!\d)", CommonIgnoreCase, TimeoutMilliseconds)]
    internal static partial Regex EnglishDayFirstDate();

    // "3 XI 2026", "3.XI.2026 r.": Polish letters write the month in Roman numerals (OCR reads I as 1, l or |).
    [GeneratedRegex(@"(?<![\d.])(?<d>\d{1,2})(?:\.|\s+|\.\s)(?<month>[IVX][IVX1l|]{0,3})(?:\.|\s+|\.\s)(?<y>\d{4})(?!\d)", Common, TimeoutMilliseconds)]
    internal static partial Regex RomanMonthDate();

    [GeneratedRegex(@"^[ \t]*(?:name|full\s+name|your\s+name|contact\s+name|imi[ęe]\s+i\s+nazwisko|nadawca|n[ée]v|teljes\s+n[ée]v|felad[óo]|imi[ęe]\s+nazwisko|nazwisko\s+i\s+imi[ęe]|customer\s+name|[üu]gyf[ée]l\s+neve)[ \t]*:[ \t]*(?<value>[^\n]+?)[ \t]*$", CommonIgnoreCase | RegexOptions.Multiline, TimeoutMilliseconds)]
    internal static partial Regex NameField();

    // Two to four capitalised words (letters incl. diacritics, apostrophes, hyphenated parts, Mc/Mac names).
    [GeneratedRegex(@"^(?:Ma?c(?=\p{Lu}))?\p{Lu}(?:['’]\p{Lu})?[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?(?:\s+(?:Ma?c(?=\p{Lu}))?\p{Lu}(?:['’]\p{Lu})?[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?){1,3}$", Common, TimeoutMilliseconds)]
    internal static partial Regex PersonName();
}
