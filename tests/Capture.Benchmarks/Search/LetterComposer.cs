using System.Globalization;

namespace Capture.Benchmarks.Search;

/// <summary>A written letter: its text and subject, how many words it has and which reference numbers it mentions.</summary>
internal readonly record struct Letter(string Text, string Subject, int Words, Mentions Mentions, bool WithoutDiacritics);

/// <summary>
/// Writes one letter of a case from its language's templates: greeting, an opening of the letter's kind (or of a
/// follow-up), a few sentences of that kind, then everyday sentences until the letter has about the length asked
/// for, a closing and the signature. A few sentences get a typo, and some letters are typed without diacritics.
/// </summary>
internal sealed class LetterComposer(Random random, ArchiveSample? sample)
{
    private const double TypoPerSentence = 0.03;
    private const double WithoutDiacritics = 0.12;
    private const int ClosingWords = 14;

    private static readonly string[] Numbers = [.. Enumerable.Range(0, 100).Select(n => n.ToString(CultureInfo.InvariantCulture))];

    private readonly LetterText text = new();
    private readonly LetterText subject = new();
    private readonly int[] bodyOrder = new int[64];
    private readonly int[] fillerOrder = new int[64];
    private CaseFacts facts = null!;
    private Mentions mentions;
    private int words;

    public Letter Write(CaseFacts letterFacts, bool followUp, int targetWords)
    {
        facts = letterFacts;
        mentions = Mentions.None;
        words = 0;
        text.Clear();
        var language = facts.Language;
        var letters = language.Letters(facts.Category);

        Line(language.Greetings[random.Next(language.Greetings.Length)]);
        Paragraph();
        Sentence(followUp ? Pick(language.FollowUpOpeners) : Pick(letters.Openers));
        var body = Math.Min(letters.Body.Count, random.Next(2, followUp ? 4 : 6));
        Shuffle(bodyOrder, letters.Body.Count);
        for (var i = 0; i < body; i++)
        {
            text.Append(' ');
            Sentence(letters.Body[bodyOrder[i]]);
        }

        WriteFillers(language, targetWords - ClosingWords);
        Paragraph();
        Sentence(Pick(letters.Closings));
        Paragraph();
        Line(language.SignOffs[random.Next(language.SignOffs.Length)]);
        text.Append('\n');
        Line(facts.Customer.Name);
        if (random.Next(3) == 0)
        {
            text.Append('\n');
            Line(language.PhoneLabel + facts.Customer.Phone);
        }

        if (random.Next(4) == 0)
        {
            text.Append('\n');
            Line("e-mail: " + facts.Customer.Email);
        }

        var folded = language.Code != "en" && random.NextDouble() < WithoutDiacritics;
        if (folded)
        {
            AsciiFolding.FoldInPlace(text.From(0));
        }

        var subjectLine = WriteSubject(followUp);
        return new Letter(text.ToString(), folded ? Fold(subjectLine) : subjectLine, words, mentions, folded);
    }

    private void WriteFillers(LetterLanguage language, int targetWords)
    {
        var fillers = language.Fillers;
        var next = fillers.Count;
        var inParagraph = 0;
        var paragraphLength = 0;
        while (words < targetWords)
        {
            if (next == fillers.Count)
            {
                Shuffle(fillerOrder, fillers.Count);
                next = 0;
            }

            var filler = fillers[fillerOrder[next++]];
            if (filler.ComplaintOnly && facts.Category != LetterCategory.Complaint)
            {
                continue;
            }

            if (inParagraph == paragraphLength)
            {
                Paragraph();
                inParagraph = 0;
                paragraphLength = random.Next(3, 7);
            }
            else
            {
                text.Append(' ');
            }

            Sentence(filler);
            inParagraph++;
        }
    }

    private string WriteSubject(bool followUp)
    {
        if (followUp && facts.FirstSubject is { } first && random.Next(2) == 0)
        {
            return "Re: " + first;
        }

        subject.Clear();
        Expand(followUp ? Pick(facts.Language.FollowUpSubjects) : Pick(facts.Language.Letters(facts.Category).Subjects), subject);
        return subject.ToString();
    }

    private static string Fold(string line)
    {
        var chars = line.ToCharArray();
        AsciiFolding.FoldInPlace(chars);
        return new string(chars);
    }

    private void Sentence(SentenceTemplate template)
    {
        var start = text.Length;
        words += Expand(template, text) + 1;
        if (random.NextDouble() < TypoPerSentence)
        {
            text.SwapNeighbouringLetters(start, random);
        }
    }

    /// <summary>Writes the template; returns the number of spaces written (the words minus one).</summary>
    private int Expand(SentenceTemplate template, LetterText into)
    {
        var spaces = template.LiteralSpaces;
        foreach (ref readonly var part in template.Parts)
        {
            var value = part.Kind switch
            {
                PartKind.Literal => null,
                PartKind.AuthorGender => part.Choices![facts.Customer.Female ? 1 : 0],
                PartKind.ProductGender => part.Choices![facts.Product.Gender],
                _ => SlotValue(part),
            };
            if (value is null)
            {
                into.AppendAfterValue(part.Text);
            }
            else
            {
                spaces += value.AsSpan().Count(' ');
                into.Append(value);
            }
        }

        return spaces;
    }

    private string SlotValue(TemplatePart part)
    {
        switch (part.Slot)
        {
            case Slot.Product: return facts.Product.Forms[part.Form];
            case Slot.City: return facts.City.Forms[part.Form];
            case Slot.Item:
                var items = facts.Language.Items;
                var index = NameBook.Skewed(random, items.Length);
                if (index >= items.Length / 2)
                {
                    sample?.OfferRareTerm(facts.Language.Code, items[index]);
                }

                return items[index];
            case Slot.Model:
                sample?.OfferRareTerm(facts.Language.Code, facts.Model);
                return facts.Model;
            case Slot.Order: mentions |= Mentions.Order; return facts.Order;
            case Slot.Invoice: mentions |= Mentions.Invoice; return facts.Invoice;
            case Slot.Serial: mentions |= Mentions.Serial; return facts.Serial;
            case Slot.Policy: mentions |= Mentions.Policy; return facts.Policy;
            case Slot.Registration: return facts.Case.RegistrationNumber;
            case Slot.PurchaseDate: return facts.PurchaseDate;
            case Slot.FirstLetterDate: return facts.FirstLetterDate;
            case Slot.Amount: return facts.Amount;
            case Slot.Days: return Numbers[random.Next(2, 45)];
            case Slot.Name: return facts.Customer.Name;
            case Slot.Phone: return facts.Customer.Phone;
            case Slot.Email: return facts.Customer.Email;
            case Slot.Staff: return facts.Language.Names.FirstName(random, isFemale: part.Form == 1);
            case Slot.Street: return facts.Street;
            default: throw new InvalidOperationException($"Slot {part.Slot} has no value.");
        }
    }

    private void Line(string line)
    {
        words += line.AsSpan().Count(' ') + 1;
        text.Append(line);
    }

    private void Paragraph() => text.Append("\n\n");

    private SentenceTemplate Pick(IReadOnlyList<SentenceTemplate> templates) => templates[random.Next(templates.Count)];

    /// <summary>A random order of 0..count-1 in the first <paramref name="count"/> places of <paramref name="order"/>.</summary>
    private void Shuffle(int[] order, int count)
    {
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        random.Shuffle(order.AsSpan(0, count));
    }
}
