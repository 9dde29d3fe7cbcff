using Capture.Classifier.Extraction;
using Capture.Classifier.Metadata;

namespace Capture.Classifier.Tests.Metadata;

public sealed class EmailFinderTests
{
    private readonly MetadataExtractor _extractor = new();

    [Theory]
    [InlineData("Kontakt: jan.kowalski @ gmail.com")]
    [InlineData("Kontakt: jan.kowalski@ gmail.com")]
    [InlineData("Kontakt: jan.kowalski(at)gmail.com")]
    [InlineData("Kontakt: jan.kowalski [at] gmail.com")]
    [InlineData("Kontakt: jan.kowalski © gmail.com")]
    [InlineData("Kontakt: jan.kowalski®gmail.com")]
    [InlineData("Kontakt: jan.kowalskiQ gmail.com")]
    [InlineData("Kontakt: jan.kowalskiQ© gmail.com")]
    [InlineData("Kontakt: jan.kowalskiggmail.com")]
    [InlineData("Kontakt: jan.kowalski@gmai1.com")]
    [InlineData("Kontakt: jan.kowalski@gmail.corn.")]
    [InlineData("Kontakt: jan.kowalski@gmail,com")]
    [InlineData("Kontakt: Jan.Kowalski@Gmail.com")]
    public void Extract_EmailWithOcrOrTypingSlip_IsRepaired(string text)
    {
        var metadata = _extractor.Extract(text, null, null, "pl");

        Assert.Equal("jan.kowalski@gmail.com", metadata.Contact.Email);
    }

    [Theory]
    [InlineData("pisz: ewa.lis@wp,pl", "ewa.lis@wp.pl")]
    [InlineData("pisz: ewa.lis@wp.p1", "ewa.lis@wp.pl")]
    [InlineData("írjon: kiss.reka@freemail . hu", "kiss.reka@freemail.hu")]
    [InlineData("write to tom@o2.pl", "tom@o2.pl")]
    [InlineData("a bencegcitromail.hu címre", "bence@citromail.hu")]
    public void Extract_EmailWithSlipInTheDomain_IsRepaired(string text, string expected)
    {
        Assert.Equal(expected, _extractor.Extract(text, null, null, "pl").Contact.Email);
    }

    [Theory]
    [InlineData("Look at the table (at) noon.")]
    [InlineData("Pay £5 @ 3pm")]
    [InlineData("© 2026 Sklep Żuraw")]
    public void Extract_TextWithoutAnAddress_HasNoEmail(string text)
    {
        Assert.Null(_extractor.Extract(text, null, null, "en").Contact.Email);
    }

    [Fact]
    public void Extract_WebFormFromNoReplyWithReplyTo_GivesTheReplyToAddress()
    {
        var mail = Envelope("Formularz", "noreply@sklep.pl") with { ReplyToAddress = "Kasia.Zielinska@onet.pl" };

        var metadata = _extractor.Extract("Nowa wiadomość\n\nImię i nazwisko: Katarzyna Zielińska\nTreść: zepsuty czajnik", mail, "pl");

        Assert.Equal("kasia.zielinska@onet.pl", metadata.Contact.Email);
        Assert.Equal("Katarzyna Zielińska", metadata.Contact.Name);
        Assert.Equal(MetadataLocation.Header, metadata.Best(MetadataFieldKind.Email)!.Location);
    }

    [Fact]
    public void Extract_MailForwardedByAnEmployee_GivesTheForwardedSender()
    {
        const string text = """
            Fwd: skarga

            Przesyłam dalej.

            ---------- Forwarded message ---------
            From: Marek Dąbrowski <marek.dabrowski@o2.pl>
            Date: Mon, 9 Nov 2026 at 18:41
            Subject: Skarga
            To: <anna@sklep.pl>

            Kurier nie przyjechał.
            Z poważaniem
            Marek Dąbrowski
            """;

        var metadata = _extractor.Extract(text, Envelope("Anna Kowal", "anna@sklep.pl"), "pl");

        Assert.Equal("marek.dabrowski@o2.pl", metadata.Contact.Email);
        Assert.Equal("Marek Dąbrowski", metadata.Contact.Name);
    }

    [Fact]
    public void Extract_ReplyQuotingTheCompany_KeepsTheWritersSignatureNotTheAgents()
    {
        const string text = "Re: reklamacja\n\nNadal nie działa.\n\nPozdrawiam,\n\nW dniu 2.11.2026 o 14:05, Dział Reklamacji <reklamacje@sklep.pl> pisze:\n> Z poważaniem,\n> Ewa Grabowska\n> tel. 22 555 01 00";

        var metadata = _extractor.Extract(text, null, "piotr@interia.pl", "pl");

        Assert.Null(metadata.Contact.Name);
        Assert.Null(metadata.Contact.Phone);
        Assert.Equal("piotr@interia.pl", metadata.Contact.Email);
    }

    [Fact]
    public void Extract_AddressOfAConfiguredCompanyDomain_IsNotTheCustomers()
    {
        var options = new MetadataOptions();
        options.CompanyDomains.Add("sklep.pl");
        var extractor = new MetadataExtractor(options);

        var metadata = extractor.Extract("Odpowiedź od anna.kowal@sklep.pl. Mój adres: jan@wp.pl", Envelope("Anna Kowal", "anna.kowal@sklep.pl"), "pl");

        Assert.Equal("jan@wp.pl", metadata.Contact.Email);
        Assert.Null(metadata.Contact.Name);
    }

    [Fact]
    public void Extract_EmailInTheSignature_IsFoundInTheSignatureWithHighConfidence()
    {
        var metadata = _extractor.Extract("Proszę o zwrot.\nZ poważaniem\nJan Nowak\njan.nowak@wp.pl", null, null, "pl");

        Assert.Equal(new MetadataField(MetadataFieldKind.Email, "jan.nowak@wp.pl", 0.9, MetadataLocation.Signature), metadata.Best(MetadataFieldKind.Email));
    }

    [Fact]
    public void Extract_RepairedEmail_HasLowerConfidenceThanACleanOne()
    {
        var repaired = _extractor.Extract("Kontakt: jan.nowak(at)wp.pl", null, null, "pl").Best(MetadataFieldKind.Email)!;
        var clean = _extractor.Extract("Kontakt: jan.nowak@wp.pl", null, null, "pl").Best(MetadataFieldKind.Email)!;

        Assert.True(repaired.Confidence < clean.Confidence);
    }

    private static MailEnvelope Envelope(string? name, string address) =>
        new(name, address, "Subject", null, null, [], null, MailKind.Personal);
}
