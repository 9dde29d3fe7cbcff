using Capture.Classifier.Metadata;

namespace Capture.Classifier.Tests.Metadata;

public sealed class MetadataExtractorTests
{
    private readonly MetadataExtractor _extractor = new();

    [Theory]
    [InlineData("Pralka nie działa.\n\nZ poważaniem,\nJan Kowalski", "pl", "Jan Kowalski")]
    [InlineData("Proszę o zwrot.\nZ wyrazami szacunku\n\nAnna Maria Nowak-Wiśniewska", "pl", "Anna Maria Nowak-Wiśniewska")]
    [InlineData("Dziękuję za pomoc.\nŁączę pozdrowienia\nElżbieta Jankowska", "pl", "Elżbieta Jankowska")]
    [InlineData("Kérem a cserét.\n\nÜdvözlettel:\nKovács Péter", "hu", "Kovács Péter")]
    [InlineData("Köszönöm.\nTisztelettel,\nSzabó Katalin\nBudapest, Fő utca 1.", "hu", "Szabó Katalin")]
    [InlineData("Thank you for the quick refund, it really helped.\n\nKind regards,\nSarah O'Neill", "en", "Sarah O'Neill")]
    [InlineData("Please refund me.\nYours faithfully,\nHelen Carter", "en", "Helen Carter")]
    [InlineData("Proszę o kontakt.\nPozdrawiam, Tomasz Lewandowski", "pl", "Tomasz Lewandowski")]
    public void Extract_Signature_GivesTheNameAfterTheClosingPhrase(string text, string language, string expected)
    {
        Assert.Equal(expected, _extractor.Extract(text, null, null, language).Contact.Name);
    }

    [Theory]
    [InlineData("Z  powazaniem ,\nJan   Kowalski ,", "Jan Kowalski")]
    [InlineData("Udvozlettel\n  Horvath  Judit.", "Horvath Judit")]
    [InlineData("Best regards ,\n\nDaniel Price ,", "Daniel Price")]
    public void Extract_OcrNoisySignature_StillFindsTheName(string text, string expected)
    {
        Assert.Equal(expected, _extractor.Extract(text, null, null, "en").Contact.Name);
    }

    [Theory]
    [InlineData("Imię i nazwisko: Katarzyna Wiśniewska\nWiadomość: paczka nie dotarła", "Katarzyna Wiśniewska")]
    [InlineData("Név: Nagy Eszter\nÜzenet: a csomag sérült", "Nagy Eszter")]
    [InlineData("Feladó: Tóth Balázs\nTárgy: panasz", "Tóth Balázs")]
    [InlineData("Name: Peter Walsh\nMessage: wrong invoice", "Peter Walsh")]
    [InlineData("Nadawca:  Piotr Zieliński\nTreść: faktura", "Piotr Zieliński")]
    public void Extract_FormField_GivesTheName(string text, string expected)
    {
        Assert.Equal(expected, _extractor.Extract(text, null, null, "pl").Contact.Name);
    }

    [Theory]
    [InlineData("\"Jan Kowalski\"", "Jan Kowalski")]
    [InlineData("Kowalski, Jan", "Jan Kowalski")]
    [InlineData("Jan Kowalski <jan.kowalski@example.pl>", "Jan Kowalski")]
    [InlineData("Kovács Péter", "Kovács Péter")]
    [InlineData("'Mark Stevens'", "Mark Stevens")]
    public void Extract_FromDisplayName_WinsOverTheSignatureAndIsCleaned(string fromName, string expected)
    {
        var metadata = _extractor.Extract("Hello\nKind regards,\nSomebody Else", fromName, "x@example.com", "en");

        Assert.Equal(expected, metadata.Contact.Name);
    }

    [Fact]
    public void Extract_FromDisplayNameThatIsOnlyAnAddress_FallsBackToTheSignature()
    {
        var metadata = _extractor.Extract("Hi\nRegards,\nMark Stevens", "mark@example.com", "mark@example.com", "en");

        Assert.Equal("Mark Stevens", metadata.Contact.Name);
    }

    [Fact]
    public void Extract_BodyWithoutSignatureOrFields_HasNoName()
    {
        var metadata = _extractor.Extract("The bus did not stop. Thank you for nothing.\nCustomer Service Team", null, null, "en");

        Assert.Null(metadata.Contact.Name);
    }

    [Fact]
    public void Extract_EmailInText_IsLowerCasedAndPrefersThePersonOverNoReply()
    {
        var metadata = _extractor.Extract("Odpowiedź z noreply@shop.pl. Proszę pisać na Jan.Kowalski@Example.PL.", null, null, "pl");

        Assert.Equal("jan.kowalski@example.pl", metadata.Contact.Email);
    }

    [Fact]
    public void Extract_OnlyACompanyAddress_StillGivesIt()
    {
        Assert.Equal("info@hotel.hu", _extractor.Extract("Írjon az info@hotel.hu címre.", null, null, "hu").Contact.Email);
    }

    [Fact]
    public void Extract_FromAddress_WinsOverTheText()
    {
        Assert.Equal("anna@example.com", _extractor.Extract("contact me at other@example.com", null, "Anna@Example.com", "en").Contact.Email);
    }

    [Theory]
    [InlineData("Proszę o kontakt: tel. 601 234 567.", "601 234 567")]
    [InlineData("Mój numer: +48 601-234-567", "+48 601-234-567")]
    [InlineData("Telefon: (22) 123 45 67", "(22) 123 45 67")]
    [InlineData("Telefonszámom: +36 30 123 4567", "+36 30 123 4567")]
    [InlineData("Hívjanak a 06 30 123 4567 számon.", "06 30 123 4567")]
    [InlineData("Tel.: 06-1-234-5678", "06-1-234-5678")]
    [InlineData("Call me on +44 20 7946 0958 please.", "+44 20 7946 0958")]
    public void Extract_Phone_InPolishHungarianAndInternationalFormats(string text, string expected)
    {
        Assert.Equal(expected, _extractor.Extract(text, null, null, "pl").Contact.Phone);
    }

    [Theory]
    [InlineData("Order ORD-2026-118734 arrived on 12.11.2026, invoice INV-2026-00871.")]
    [InlineData("Kwota 1 234,56 zł, data 2026-11-12.")]
    [InlineData("Konto 12 1020 1026 0000 0402 0123 4567")]
    public void Extract_NumbersThatAreNotPhones_GiveNoPhone(string text)
    {
        Assert.Null(_extractor.Extract(text, null, null, "pl").Contact.Phone);
    }

    [Theory]
    [InlineData("Data: 2026-11-12", "pl")]
    [InlineData("Dnia 12.11.2026 złożyłem zamówienie", "pl")]
    [InlineData("Dostawa 12/11/2026", "pl")]
    [InlineData("12/11/2026 érkezett", "hu")]
    [InlineData("w dniu 12 listopada 2026 r.", "pl")]
    [InlineData("2026. november 12-én kaptam meg", "hu")]
    [InlineData("2026.11.12. napon", "hu")]
    [InlineData("on November 12, 2026 I ordered", "en")]
    [InlineData("on 12 November 2026 I ordered", "en")]
    [InlineData("on 12th Nov 2026 I ordered", "en")]
    public void Extract_Date_InEachFormat(string text, string language)
    {
        Assert.Equal([new DateOnly(2026, 11, 12)], _extractor.Extract(text, null, null, language).Dates);
    }

    [Fact]
    public void Extract_Dates_AreDistinctInOrderAndInvalidOnesDropped()
    {
        const string text = "Zamówiłem 3 marca 2026, reklamowałem 31.02.2026 i 2026-04-14, potem znowu 14.04.2026 oraz 2 października 2026.";

        var dates = _extractor.Extract(text, null, null, "pl").Dates;

        Assert.Equal([new DateOnly(2026, 3, 3), new DateOnly(2026, 4, 14), new DateOnly(2026, 10, 2)], dates);
    }

    [Fact]
    public void Extract_UnambiguousUsDateInEnglish_IsReadMonthFirst()
    {
        Assert.Equal([new DateOnly(2026, 11, 25)], _extractor.Extract("delivered 11/25/2026", null, null, "en").Dates);
    }

    [Theory]
    [InlineData("Reklamacja zamówienia nr ZAM/2026/04512.", "ZAM/2026/04512")]
    [InlineData("Numer zamówienia: 55201-B7, proszę o pomoc", "55201-B7")]
    [InlineData("Complaint regarding order #ORD-2026-118734", "ORD-2026-118734")]
    [InlineData("my order no. 55201-B7 never came", "55201-B7")]
    [InlineData("Rendelésszám: R-2026-00912", "R-2026-00912")]
    [InlineData("A rendelés száma: R-2026-00912.", "R-2026-00912")]
    [InlineData("Panasz a 2026-0451 számú rendeléssel kapcsolatban", "2026-0451")]
    [InlineData("Megrendelés R-2026-00912 (sürgős)", "R-2026-00912")]
    [InlineData("paczka ORD-2026-118734 nie przyszła", "ORD-2026-118734")]
    public void Extract_OrderNumber_WithLabelsInEveryLanguageOrByShape(string text, string expected)
    {
        Assert.Equal([expected], _extractor.Extract(text, null, null, "pl").References.Orders);
    }

    [Theory]
    [InlineData("Faktura FV/2026/11/0342 jest błędna", "FV/2026/11/0342")]
    [InlineData("nr faktury: 2026/11/0342,", "2026/11/0342")]
    [InlineData("Invoice no. INV-2026-00871 lists a wrong fee", "INV-2026-00871")]
    [InlineData("Számlaszám: SZ-2026/1187", "SZ-2026/1187")]
    [InlineData("a számla száma SZ-2026/1187.", "SZ-2026/1187")]
    [InlineData("Panaszt teszek az SZ-2026/1187 számú számla miatt", "SZ-2026/1187")]
    public void Extract_InvoiceNumber_WithLabelsInEveryLanguageOrByShape(string text, string expected)
    {
        Assert.Equal([expected], _extractor.Extract(text, null, null, "pl").References.Invoices);
    }

    [Theory]
    [InlineData("Numer seryjny: SN-AX77-0042-19", "SN-AX77-0042-19")]
    [InlineData("nr seryjny K7X9-22931", "K7X9-22931")]
    [InlineData("Serial number: K7X9-22931", "K7X9-22931")]
    [InlineData("S/N: K7X9-22931", "K7X9-22931")]
    [InlineData("Gyári szám: K7X9-22931", "K7X9-22931")]
    [InlineData("Sorozatszám: K7X9-22931", "K7X9-22931")]
    [InlineData("the fridge SN-AX77-0042-19 broke", "SN-AX77-0042-19")]
    public void Extract_SerialNumber_WithLabelsInEveryLanguageOrByShape(string text, string expected)
    {
        Assert.Equal([expected], _extractor.Extract(text, null, null, "en").References.Serials);
    }

    [Theory]
    [InlineData("Szkoda z polisy nr PL/2025/774411", "PL/2025/774411")]
    [InlineData("Numer polisy: PL/2025/774411.", "PL/2025/774411")]
    [InlineData("claim under policy POL-558812", "POL-558812")]
    [InlineData("Policy number: PL/2025/774411", "PL/2025/774411")]
    [InlineData("Kötvényszám: KTV-2026-55120", "KTV-2026-55120")]
    [InlineData("a KTV-2026-55120 számú kötvényre", "KTV-2026-55120")]
    [InlineData("kötvény száma KTV-2026-55120", "KTV-2026-55120")]
    public void Extract_PolicyNumber_WithLabelsInEveryLanguageOrByShape(string text, string expected)
    {
        Assert.Equal([expected], _extractor.Extract(text, null, null, "hu").References.Policies);
    }

    [Theory]
    [InlineData("Nr zam0wienia : ZAM/2026/04512 .", "ZAM/2026/04512")]
    [InlineData("order no .ORD-2026-118734,", "ORD-2026-118734")]
    [InlineData("Rendelésszárn:R-2026-00912", "R-2026-00912")]
    public void Extract_OcrNoisyOrderLabel_StillFindsTheOrder(string text, string expected)
    {
        Assert.Equal([expected], _extractor.Extract(text, null, null, "pl").References.Orders);
    }

    [Fact]
    public void Extract_OcrNoisyInvoiceLabel_StillFindsTheInvoice()
    {
        Assert.Equal(["2026/11/0342"], _extractor.Extract("lnvoice# 2026/11/0342)", null, null, "en").References.Invoices);
    }

    [Theory]
    [InlineData("Proszę o kontakt pod numerem 601 234 567 w sprawie zamówienia z 12.11.2026.")]
    [InlineData("Order 12/11/2026 - call me on +48 601 234 567")]
    [InlineData("Rendelés 2026. november 12., telefon 06 30 123 4567")]
    [InlineData("I placed the order on 12 November 2026 in order to save time.")]
    public void Extract_PhonesAndDates_AreNeverOrderNumbers(string text)
    {
        Assert.Empty(_extractor.Extract(text, null, null, "pl").References.Orders);
    }

    [Fact]
    public void Extract_SameTokenTwice_IsListedOnceUnderItsShape()
    {
        const string text = "Faktura do zamówienia FV/2026/11/0342. Zamówienie ZAM/2026/04512, ponownie ZAM/2026/04512 i faktura FV/2026/11/0342.";

        var references = _extractor.Extract(text, null, null, "pl").References;

        Assert.Equal(["ZAM/2026/04512"], references.Orders);
        Assert.Equal(["FV/2026/11/0342"], references.Invoices);
    }

    [Fact]
    public void Extract_FullPolishLetter_GivesEveryField()
    {
        const string text = """
            Szanowni Państwo,
            dnia 3 marca 2026 złożyłem zamówienie nr ZAM/2026/04512 (faktura FV/2026/11/0342).
            Numer seryjny pralki: SN-AX77-0042-19. Proszę o kontakt: 601 234 567, jan.kowalski@example.pl.
            Z poważaniem,
            Jan Kowalski
            """;

        var metadata = _extractor.Extract(text, null, null, "pl");

        Assert.Equal(new ContactDetails("Jan Kowalski", "jan.kowalski@example.pl", "601 234 567"), metadata.Contact);
        Assert.Equal(["ZAM/2026/04512"], metadata.References.Orders);
        Assert.Equal(["FV/2026/11/0342"], metadata.References.Invoices);
        Assert.Equal(["SN-AX77-0042-19"], metadata.References.Serials);
        Assert.Empty(metadata.References.Policies);
        Assert.Equal([new DateOnly(2026, 3, 3)], metadata.Dates);
    }
}
