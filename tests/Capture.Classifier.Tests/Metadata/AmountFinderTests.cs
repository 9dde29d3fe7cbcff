using Capture.Classifier.Metadata;

namespace Capture.Classifier.Tests.Metadata;

public sealed class AmountFinderTests
{
    private readonly MetadataExtractor _extractor = new();

    [Theory]
    [InlineData("Proszę o zwrot 240 zł.", "240", "PLN")]
    [InlineData("Kwota 240,50 PLN została pobrana dwukrotnie.", "240.50", "PLN")]
    [InlineData("zwrot należności 1 234,56 zł", "1234.56", "PLN")]
    [InlineData("zapłaciłem 1.249,99 zł", "1249.99", "PLN")]
    [InlineData("oddajcie mi 300 złotych", "300", "PLN")]
    [InlineData("A kifizetett 12 000 Ft-ot kérem vissza.", "12000", "HUF")]
    [InlineData("A szállítási díj 12.000 HUF volt.", "12000", "HUF")]
    [InlineData("összesen 5000 forint", "5000", "HUF")]
    [InlineData("a refund of £85 please", "85", "GBP")]
    [InlineData("I paid £1,249.99 for it", "1249.99", "GBP")]
    [InlineData("charged EUR 30 for delivery", "30", "EUR")]
    [InlineData("a 30 € fee", "30", "EUR")]
    [InlineData("it cost $19.99", "19.99", "USD")]
    public void Extract_Amount_GivesValueAndIsoCurrency(string text, string value, string currency)
    {
        var amount = Assert.Single(_extractor.Extract(text, null, null, "pl").Amounts);

        Assert.Equal(new MoneyAmount(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), currency), amount);
    }

    [Fact]
    public void Extract_SeveralAmounts_AreListedOnceEachInOrder()
    {
        var metadata = _extractor.Extract("Charged £2,460 instead of £2,180; refund the £280. Again: £280.", null, null, "en");

        Assert.Equal(["2460 GBP", "2180 GBP", "280 GBP"], metadata.Amounts.Select(a => a.ToString()));
    }

    [Theory]
    [InlineData("Zamówienie złożyłem w 2026 roku.")]
    [InlineData("Dostałem 3 sztuki zamiast 2.")]
    [InlineData("Numer 12 zlecenia.")]
    public void Extract_NumbersWithoutCurrency_AreNoAmounts(string text)
    {
        Assert.Empty(_extractor.Extract(text, null, null, "pl").Amounts);
    }

    [Fact]
    public void Extract_AmountAfterAnInvoiceLabel_IsNotAnInvoiceNumber()
    {
        var metadata = _extractor.Extract("Az SZ-2026/1187 számú számlán 12.000 HUF szállítási díj szerepel.", null, null, "hu");

        Assert.Equal(["SZ-2026/1187"], metadata.References.Invoices);
        Assert.Equal([new MoneyAmount(12000m, "HUF")], metadata.Amounts);
    }

    [Theory]
    [InlineData(240.5, "PLN", "240.50 PLN")]
    [InlineData(12000, "HUF", "12000 HUF")]
    public void MoneyAmount_ToString_WritesDecimalsOnlyWhenThereAreAny(double value, string currency, string expected)
    {
        Assert.Equal(expected, new MoneyAmount((decimal)value, currency).ToString());
    }
}
