using Capture.Classifier.Metadata;

namespace Capture.Classifier.Tests.Metadata;

public sealed class PhoneFinderTests
{
    private readonly MetadataExtractor _extractor = new();

    [Theory]
    [InlineData("Mobile: 07700 900123", "07700 900123")]
    [InlineData("Tel: 020 7946 0958", "020 7946 0958")]
    [InlineData("call 0117 496 0123 after six", "0117 496 0123")]
    [InlineData("+44 (0)1273 555 019", "+44 (0)1273 555 019")]
    [InlineData("tel. kom. 721 300 845", "721 300 845")]
    [InlineData("tel. +48 52 345 67 89", "+48 52 345 67 89")]
    [InlineData("Telefonszámom: 06 20 444 5566", "06 20 444 5566")]
    [InlineData("Tel: 06-1-234-5678", "06-1-234-5678")]
    public void Extract_Phone_InUkPolishAndHungarianFormats(string text, string expected)
    {
        Assert.Equal(expected, _extractor.Extract(text, null, null, "en").Contact.Phone);
    }

    [Fact]
    public void Extract_LabelledPhone_WinsOverAnEarlierBareNumber()
    {
        var metadata = _extractor.Extract("Kod klienta 512 908 344 podałem wcześniej.\nProszę dzwonić: tel. 601 234 567", null, null, "pl");

        Assert.Equal("601 234 567", metadata.Contact.Phone);
        Assert.Equal(0.9, metadata.Best(MetadataFieldKind.Phone)!.Confidence);
    }

    [Theory]
    [InlineData("Proszę o kontakt.\n\nW dniu 2.11.2026 Sklep <bok@sklep.pl> pisze:\n> Zapraszamy: tel. 22 555 01 00")]
    [InlineData("Brightwater Appliances Ltd, helpline 0800 123 4567\n\nDear Sir, my kettle broke.")]
    public void Extract_CompanyPhoneInAQuoteOrOnItsLine_IsNotTheWriters(string text)
    {
        Assert.Null(_extractor.Extract(text, null, null, "pl").Contact.Phone);
    }

    [Theory]
    [InlineData("Szanowni Państwo,\nproszę o zwrot.\nZ poważaniem\nJan Nowak\ntel. 601 234 567", MetadataLocation.Signature)]
    [InlineData("Jan Nowak, tel. 601 234 567\n\nSzanowni Państwo,\nproszę o zwrot.", MetadataLocation.Letterhead)]
    [InlineData("Szanowni Państwo,\nproszę dzwonić: 601 234 567.\nZ poważaniem\nJan Nowak", MetadataLocation.Body)]
    public void Extract_Phone_SaysWhereItWasFound(string text, MetadataLocation location)
    {
        Assert.Equal(location, _extractor.Extract(text, null, null, "pl").Best(MetadataFieldKind.Phone)!.Location);
    }
}
