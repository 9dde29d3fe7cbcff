using Capture.Classifier.Extraction;
using Capture.Classifier.Metadata;

namespace Capture.Classifier.Tests.Metadata;

/// <summary>Telling the company's own replies (copied to the capture mailbox) from the customer's words.</summary>
public sealed class WrittenByCompanyTests
{
    private readonly MetadataExtractor _extractor = new(Options());

    [Theory]
    [InlineData("anna.kowal@sklep.pl", "Dzień dobry, prosimy o zdjęcie paragonu.", true)]
    [InlineData("anna.kowal@obsluga.sklep.pl", "Dzień dobry, prosimy o zdjęcie paragonu.", true)]
    [InlineData("jan.nowak@wp.pl", "Przesyłam zdjęcie paragonu.", false)]
    [InlineData("formularz@sklep.pl", "Wiadomość z formularza: reklamuję czajnik.", false)]
    [InlineData("noreply@sklep.pl", "Wiadomość z formularza: reklamuję czajnik.", false)]
    public void Mail_IsTheCompanysOwnOnlyWhenAPersonInItsDomainsWroteIt(string from, string text, bool expected)
    {
        var metadata = _extractor.Extract(text, Envelope(from), "pl");

        Assert.Equal(expected, metadata.WrittenByCompany);
    }

    [Fact]
    public void ColleagueForwardingACustomersMessage_IsNotTheCompanysOwn()
    {
        const string Text = "Przekazuję dalej.\n\n---------- Forwarded message ---------\nOd: Jan Nowak <jan.nowak@wp.pl>\nData: 24 listopada 2026\nTemat: Reklamacja\nDo: <anna.kowal@sklep.pl>\n\nCzajnik nadal nie działa.";

        var metadata = _extractor.Extract(Text, Envelope("anna.kowal@sklep.pl"), "pl");

        Assert.False(metadata.WrittenByCompany);
        Assert.Equal("jan.nowak@wp.pl", metadata.Contact.Email);
    }

    [Fact]
    public void ScannedLetter_IsNeverTheCompanysOwnReply()
    {
        var metadata = _extractor.Extract("Odpowiedź od anna.kowal@sklep.pl w sprawie reklamacji.", mail: null, "pl");

        Assert.False(metadata.WrittenByCompany);
    }

    private static MetadataOptions Options()
    {
        var options = new MetadataOptions();
        options.CompanyDomains.Add("sklep.pl");
        return options;
    }

    private static MailEnvelope Envelope(string from) =>
        new(null, from, "Re: reklamacja", null, null, [], null, MailKind.Personal);
}
