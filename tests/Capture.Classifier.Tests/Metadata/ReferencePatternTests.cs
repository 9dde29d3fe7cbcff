using Capture.Classifier.Metadata;

namespace Capture.Classifier.Tests.Metadata;

public sealed class ReferencePatternTests
{
    [Fact]
    public void Extract_CompanyOrderFormatWithoutLabel_IsAnOrder()
    {
        var options = new MetadataOptions();
        options.OrderPatterns.Add(@"\bRMA-\d{6}\b");

        var metadata = new MetadataExtractor(options).Extract("Paczka RMA-204518 nie dotarła.", null, null, "pl");

        Assert.Equal(["RMA-204518"], metadata.References.Orders);
        Assert.Equal(new MetadataField(MetadataFieldKind.Order, "RMA-204518", 0.95, MetadataLocation.Body), metadata.Best(MetadataFieldKind.Order));
    }

    [Fact]
    public void Extract_WithoutTheCompanyFormat_TheSameTokenIsNotFound()
    {
        Assert.Empty(new MetadataExtractor().Extract("Paczka RMA-204518 nie dotarła.", null, null, "pl").References.Orders);
    }

    [Fact]
    public void Extract_CompanyFormatWithValueGroup_TakesTheGroup()
    {
        var options = new MetadataOptions();
        options.PolicyPatterns.Add(@"Vertrag\s+(?<value>\d{8})");

        var metadata = new MetadataExtractor(options).Extract("Claim for Vertrag 55120934, please.", null, null, "en");

        Assert.Equal(["55120934"], metadata.References.Policies);
    }

    [Fact]
    public void Extract_CompanyFormat_BeatsTheLabelInFrontOfIt()
    {
        var options = new MetadataOptions();
        options.SerialPatterns.Add(@"\bVB-\d{4}-\d{4}\b");

        var metadata = new MetadataExtractor(options).Extract("Order number: VB-2291-0077", null, null, "en");

        Assert.Equal(["VB-2291-0077"], metadata.References.Serials);
        Assert.Empty(metadata.References.Orders);
    }

    [Fact]
    public void Problems_InvalidPattern_NamesTheKeyAndTheFix()
    {
        var options = new MetadataOptions();
        options.OrderPatterns.Add(@"\bRMA-\d{6}\b");
        options.InvoicePatterns.Add("FV/(\\d+");

        var problem = Assert.Single(options.Problems());

        Assert.StartsWith("Metadata:InvoicePatterns:0 'FV/(\\d+' is not a valid regular expression", problem, StringComparison.Ordinal);
        Assert.Contains("correct it, e.g.", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\\d*")]
    [InlineData("")]
    [InlineData("(RMA)?")]
    public void Problems_PatternMatchingEmptyText_IsRejected(string pattern)
    {
        var options = new MetadataOptions();
        options.SerialPatterns.Add(pattern);

        Assert.Contains("Metadata:SerialPatterns:0", Assert.Single(options.Problems()), StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_CompanyDomainWrittenAsAnAddress_IsRejected()
    {
        var options = new MetadataOptions();
        options.CompanyDomains.Add("bok@sklep.pl");

        Assert.StartsWith("Metadata:CompanyDomains:0 is 'bok@sklep.pl'", Assert.Single(options.Problems()), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidSettings_ThrowsNamingEveryWrongKey()
    {
        var options = new MetadataOptions();
        options.OrderPatterns.Add("[");
        options.PolicyPatterns.Add("x*");

        var exception = Assert.Throws<ArgumentException>(() => new MetadataExtractor(options));

        Assert.Contains("Metadata:OrderPatterns:0", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Metadata:PolicyPatterns:0", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_DefaultSettings_AreValid()
    {
        Assert.Empty(new MetadataOptions().Problems());
    }

    [Theory]
    [InlineData("Reklamacja zamówienia nr 2AM/2026/04471", "ZAM/2026/04471")]
    [InlineData("order no. 0RD-2026-118734", "ORD-2026-118734")]
    public void Extract_KnownPrefixMisreadByOcr_IsRepaired(string text, string expected)
    {
        Assert.Equal([expected], new MetadataExtractor().Extract(text, null, null, "pl").References.Orders);
    }
}
