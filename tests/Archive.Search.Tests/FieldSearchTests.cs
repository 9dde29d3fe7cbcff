using static Archive.Search.Tests.Letters;

namespace Archive.Search.Tests;

public sealed class FieldSearchTests : IDisposable
{
    private readonly TestIndex index = new();

    public FieldSearchTests()
    {
        index.Add(
            Letter(
                "C-2026-000001",
                "Reklamacja czajnika, który przecieka.",
                category: "complaint",
                status: "pending-on-company",
                language: "pl",
                name: "Jan Kowalski",
                email: "jan.kowalski@example.pl",
                subject: "Reklamacja zamówienia",
                orders: ["ZAM/2026/04512"],
                invoices: ["FV/2026/11/0342"],
                serials: ["SN-AX77-0042-19"],
                policies: ["POL-778812"]),
            Letter(
                "C-2026-000002",
                "Köszönöm a gyors javítást, Kowalski úr segített.",
                category: "thanks",
                status: "closed",
                language: "hu",
                name: "Kovács Éva",
                email: "eva.kovacs@example.hu",
                subject: "Köszönet"),
            Letter(
                "C-2026-000003",
                "It would help to have an e-mail from jan.kowalski@example.pl in the body.",
                category: "suggestion",
                status: "not-started",
                language: "en",
                name: "John Smith",
                email: "john.smith@example.com"));
    }

    [Theory]
    [InlineData("email:jan.kowalski@example.pl")]
    [InlineData("email:Jan.Kowalski@Example.PL")]
    [InlineData("email:kowalski")]
    [InlineData("email:jan*")]
    public void EmailField_FindsTheContactByAddressOrPart(string query)
    {
        Assert.Equal(["C-2026-000001"], index.Cases(query));
    }

    [Theory]
    [InlineData("name:kowalski", "C-2026-000001")]
    [InlineData("name:Jan", "C-2026-000001")]
    [InlineData("name:kovacs", "C-2026-000002")]
    [InlineData("name:Éva", "C-2026-000002")]
    [InlineData("name:\"kovacs eva\"", "C-2026-000002")]
    public void NameField_FindsAnyPartDiacriticsInsensitive(string query, string expected)
    {
        Assert.Equal([expected], index.Cases(query));
    }

    [Fact]
    public void NameField_DoesNotMatchTheNameInTheText()
    {
        // Free text finds Kowalski in the Hungarian letter too; the field must not.
        Assert.Equal(["C-2026-000001", "C-2026-000002"], index.Cases("kowalski").Order());
        Assert.Equal(["C-2026-000001"], index.Cases("name:kowalski"));
    }

    [Theory]
    [InlineData("reg:C-2026-000002", "C-2026-000002")]
    [InlineData("reg:c-2026-000002", "C-2026-000002")]
    [InlineData("category:thanks", "C-2026-000002")]
    [InlineData("category:Suggestion", "C-2026-000003")]
    [InlineData("status:pending-on-company", "C-2026-000001")]
    [InlineData("status:\"pending on company\"", "C-2026-000001")]
    [InlineData("status:closed", "C-2026-000002")]
    [InlineData("lang:hu", "C-2026-000002")]
    [InlineData("order:ZAM/2026/04512", "C-2026-000001")]
    [InlineData("order:zam/2026/04512", "C-2026-000001")]
    [InlineData("invoice:FV/2026/11/0342", "C-2026-000001")]
    [InlineData("serial:SN-AX77-0042-19", "C-2026-000001")]
    [InlineData("policy:POL-778812", "C-2026-000001")]
    [InlineData("subject:reklamacja", "C-2026-000001")]
    public void KeywordAndTextFields_FindOnlyTheMatchingCase(string query, string expected)
    {
        Assert.Equal([expected], index.Cases(query));
    }

    [Fact]
    public void FieldsCombineWithFreeWords()
    {
        Assert.Equal(["C-2026-000001"], index.Cases("category:complaint czajnika"));
        Assert.Empty(index.Cases("category:thanks czajnika"));
        Assert.Equal(["C-2026-000001", "C-2026-000003"], index.Cases("NOT status:closed").Order());
    }

    [Fact]
    public void FieldNames_AreCaseInsensitive()
    {
        Assert.Equal(["C-2026-000002"], index.Cases("Category:thanks"));
    }

    public void Dispose() => index.Dispose();
}
