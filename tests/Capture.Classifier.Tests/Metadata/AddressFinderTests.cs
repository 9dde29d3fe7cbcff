using Capture.Classifier.Metadata;

namespace Capture.Classifier.Tests.Metadata;

public sealed class AddressFinderTests
{
    private readonly MetadataExtractor _extractor = new();

    [Theory]
    [InlineData("Małgorzata Wiśniewska\nul. Źródlana 17 m. 4\n61-874 Poznań\n\nSzanowni Państwo,", "ul. Źródlana 17 m. 4", "61-874", "Poznań", "PL")]
    [InlineData("Jan Nowak\nul. Łąkowa 3, 90-562 Łódź\n\nSzanowni Państwo,", "ul. Łąkowa 3", "90-562", "Łódź", "PL")]
    [InlineData("Szőke Ildikó\nPetőfi Sándor utca 31.\n6720 Szeged\n\nTisztelt Ügyfélszolgálat!", "Petőfi Sándor utca 31.", "6720", "Szeged", "HU")]
    [InlineData("Kovács Péter\n1134 Budapest, Dózsa György út 54.\n\nTisztelt Ügyfélszolgálat!", "Dózsa György út 54.", "1134", "Budapest", "HU")]
    [InlineData("Margaret Hall\n7 Church Lane\nYork\nYO1 7HH\n\nDear Sir or Madam,", "7 Church Lane", "YO1 7HH", "York", "GB")]
    [InlineData("Peter Walsh\n42 Queen's Road\nManchester M13 9PL\n\nDear Sir,", "42 Queen's Road", "M13 9PL", "Manchester", "GB")]
    [InlineData("Helen Carter\n22 Station Street, Bristol BS1 4DJ\n\nDear Sir,", "22 Station Street", "BS1 4DJ", "Bristol", "GB")]
    public void Extract_SenderAddress_GivesStreetPostcodeTownAndCountry(string text, string street, string postcode, string city, string country)
    {
        var metadata = _extractor.Extract(text, null, null, "pl");

        Assert.Equal(new PostalAddress(street, postcode, city, country), metadata.Address);
        Assert.Equal(postcode, metadata.Postcode);
        Assert.Equal(MetadataLocation.Letterhead, metadata.Best(MetadataFieldKind.Postcode)!.Location);
    }

    [Fact]
    public void Extract_OnlyTheRecipientCompanysAddress_GivesNoAddress()
    {
        Assert.Null(_extractor.Extract("Gyorsposta Futárszolgálat Zrt.\nVáci út 188., 1138 Budapest\n\nTisztelt Ügyfélszolgálat!", null, null, "hu").Address);
    }

    [Fact]
    public void Extract_RecipientCompanyAddressBeforeTheSender_IsNotTheWritersAddress()
    {
        const string text = "Sklep Internetowy Żuraw sp. z o.o.\nul. Łąkowa 3\n90-562 Łódź\n\nSzanowni Państwo,\nproszę o zwrot.\nZ poważaniem\nJan Nowak\nul. Polna 3\n26-600 Radom";

        var metadata = _extractor.Extract(text, null, null, "pl");

        Assert.Equal("26-600", metadata.Postcode);
        Assert.Equal(MetadataLocation.Signature, metadata.Best(MetadataFieldKind.Address)!.Location);
    }

    [Theory]
    [InlineData("W 2026 Budapest przyjął nas źle.")]
    [InlineData("Zapłaciłem 2026 Ft, a potem 1500 Forint.")]
    [InlineData("Order ZAM-12-345 Kraków")]
    [InlineData("the serial K7X9 2RR was wrong")]
    public void Extract_NumbersThatOnlyLookLikePostcodes_GiveNoAddress(string text)
    {
        Assert.Null(_extractor.Extract(text, null, null, "pl").Address);
    }

    [Fact]
    public void Extract_AddressOnlyInTheQuotedReply_IsNotTheWriters()
    {
        const string text = "Re: skarga\n\nDalej czekam.\nPozdrawiam\nJan\n\nW dniu 2.11.2026 Sklep <bok@sklep.pl> pisze:\n> Nasz adres: ul. Łąkowa 3\n> 90-562 Łódź";

        var metadata = _extractor.Extract(text, "Jan Nowak", "jan@example.pl", "pl");

        Assert.Null(metadata.Address);
    }
}
