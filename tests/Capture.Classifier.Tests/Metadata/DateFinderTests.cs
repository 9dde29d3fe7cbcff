using Capture.Classifier.Extraction;
using Capture.Classifier.Metadata;

namespace Capture.Classifier.Tests.Metadata;

public sealed class DateFinderTests
{
    private readonly MetadataExtractor _extractor = new();

    [Theory]
    [InlineData("zamówiłem 3 stycznia 2026", "pl", 2026, 1, 3)]
    [InlineData("dostawa 28 lutego 2026 r.", "pl", 2026, 2, 28)]
    [InlineData("w dniu 14 września 2026", "pl", 2026, 9, 14)]
    [InlineData("w dniu 14 wrzesnia 2026", "pl", 2026, 9, 14)]
    [InlineData("od 1 października 2026", "pl", 2026, 10, 1)]
    [InlineData("z dnia 3 XI 2026 r.", "pl", 2026, 11, 3)]
    [InlineData("z dnia 16.XII.2026", "pl", 2026, 12, 16)]
    [InlineData("z dnia 16.X1.2026", "pl", 2026, 11, 16)]
    [InlineData("dostarczono 12-10-2026", "pl", 2026, 10, 12)]
    [InlineData("2026. március 5-én", "hu", 2026, 3, 5)]
    [InlineData("2026. nov. 3., kedd", "hu", 2026, 11, 3)]
    [InlineData("2026. szept. 30-án", "hu", 2026, 9, 30)]
    [InlineData("2026.10.20. napon", "hu", 2026, 10, 20)]
    [InlineData("on 3 November 2026", "en", 2026, 11, 3)]
    [InlineData("on 3rd of November 2026", "en", 2026, 11, 3)]
    [InlineData("on Sept. 30, 2026", "en", 2026, 9, 30)]
    public void Extract_DateWrittenTheWayPeopleWriteIt_IsRead(string text, string language, int year, int month, int day)
    {
        Assert.Equal([new DateOnly(year, month, day)], _extractor.Extract(text, null, null, language).Dates);
    }

    [Theory]
    [InlineData("Kowalski\nul. Polna 3\nWarszawa, 3 listopada 2026 r.\n\nSzanowni Państwo,\ndnia 28 października 2026 zamówiłem pralkę.", "pl")]
    [InlineData("Kowalski\nWarszawa, dnia 3.11.2026\n\nSzanowni Państwo,\n12.10.2026 zamówiłem pralkę.", "pl")]
    [InlineData("Nagy Éva\nBudapest, 2026. november 3.\n\nTisztelt Ügyfélszolgálat!\nA 2026. október 28-án rendelt gép hibás.", "hu")]
    [InlineData("Tisztelt Ügyfélszolgálat!\nA 2026. október 28-án rendelt gép hibás.\n\nKelt: Budapest, 2026.11.03.\nÜdvözlettel:\nNagy Éva", "hu")]
    [InlineData("Date: 3 November 2026\nSubject: broken kettle\n\nDear Sir,\nI bought it on 28 October 2026.", "en")]
    [InlineData("14 Elm Road\nLeeds LS6 2QT\n3 November 2026\n\nDear Sir or Madam,\nI bought it on 28 October 2026.", "en")]
    public void Extract_LetterDateLine_IsTheLetterDateAndTheOtherDatesAreMentioned(string text, string language)
    {
        var metadata = _extractor.Extract(text, null, null, language);

        Assert.Equal(new DateOnly(2026, 11, 3), metadata.LetterDate);
        Assert.DoesNotContain(new DateOnly(2026, 11, 3), metadata.MentionedDates);
        Assert.Single(metadata.MentionedDates);
        Assert.Equal(2, metadata.Dates.Count);
    }

    [Fact]
    public void Extract_DateOnlyInARunningSentence_IsMentionedNotTheLetterDate()
    {
        var metadata = _extractor.Extract("Szanowni Państwo,\ndnia 3 listopada 2026 odebrałem paczkę.\nZ poważaniem\nJan Kowalski", null, null, "pl");

        Assert.Null(metadata.LetterDate);
        Assert.Equal([new DateOnly(2026, 11, 3)], metadata.MentionedDates);
    }

    [Fact]
    public void Extract_MailWithDateHeader_TakesTheEnvelopeDateAsLetterDate()
    {
        var mail = new MailEnvelope("Jan Kowalski", "jan@example.pl", "Reklamacja", null, null, [], new DateTimeOffset(2026, 11, 9, 23, 30, 0, TimeSpan.FromHours(1)), MailKind.Personal);

        var metadata = _extractor.Extract("Reklamacja\n\nWarszawa, 2 listopada 2026\nPaczka z 28.10.2026 nie dotarła.", mail, "pl");

        Assert.Equal(new DateOnly(2026, 11, 9), metadata.LetterDate);
        Assert.Equal(MetadataLocation.Header, metadata.Best(MetadataFieldKind.LetterDate)!.Location);
        Assert.Equal([new DateOnly(2026, 11, 2), new DateOnly(2026, 10, 28)], metadata.MentionedDates);
    }

    [Fact]
    public void Extract_DateInTheQuotedReply_IsNotTheLetterDate()
    {
        const string text = "Re: reklamacja\n\nNadal czekam.\nPozdrawiam\nJan Kowalski\n\n> Warszawa, 2 listopada 2026\n> Szanowny Panie, reklamacja przyjęta.";

        Assert.Null(_extractor.Extract(text, "Jan Kowalski", "jan@example.pl", "pl").LetterDate);
    }

    [Fact]
    public void Extract_PlaceAndDateInTheLetterhead_IsFoundInTheLetterhead()
    {
        var metadata = _extractor.Extract("Anna Nowak\nKraków, 5 XI 2026 r.\n\nSzanowni Państwo,\nproszę o zwrot.", null, null, "pl");

        var field = metadata.Best(MetadataFieldKind.LetterDate);
        Assert.Equal(new MetadataField(MetadataFieldKind.LetterDate, "2026-11-05", 0.95, MetadataLocation.Letterhead), field);
    }
}
