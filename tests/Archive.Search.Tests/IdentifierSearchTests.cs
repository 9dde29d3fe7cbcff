using static Archive.Search.Tests.Letters;

namespace Archive.Search.Tests;

/// <summary>Registration numbers, addresses and reference numbers typed as free text find their case.</summary>
public sealed class IdentifierSearchTests : IDisposable
{
    private readonly TestIndex index = new();

    public IdentifierSearchTests()
    {
        index.Add(
            Letter(
                "C-2026-000123",
                "Proszę o zwrot pieniędzy.",
                email: "Jan.Kowalski@Example.PL",
                orders: ["ZAM/2026/04512"],
                invoices: ["FV/2026/11/0342"],
                serials: ["SN-AX77-0042-19"],
                policies: ["POL-778812"]),
            Letter(
                "C-2026-000124",
                "Dziękuję za szybką naprawę.",
                email: "anna.nowak@example.pl",
                orders: ["ZAM/2026/04513"],
                invoices: ["FV/2026/11/0343"],
                serials: ["SN-AX77-0042-20"]),
            Letter("C-2026-000125", "Customer quotes order ZAM/2026/04999 in the body only.", language: "en"));
    }

    [Theory]
    [InlineData("C-2026-000123")]
    [InlineData("c-2026-000123")]
    [InlineData("jan.kowalski@example.pl")]
    [InlineData("JAN.KOWALSKI@EXAMPLE.PL")]
    [InlineData("ZAM/2026/04512")]
    [InlineData("zam/2026/04512")]
    [InlineData("FV/2026/11/0342")]
    [InlineData("SN-AX77-0042-19")]
    [InlineData("POL-778812")]
    public void Search_BareIdentifier_FindsItsCaseOnly(string query)
    {
        Assert.Equal(["C-2026-000123"], index.Cases(query));
    }

    [Fact]
    public void Search_ReferenceNumberInTextOnly_IsFoundThroughTheText()
    {
        Assert.Equal(["C-2026-000125"], index.Cases("ZAM/2026/04999"));
    }

    [Fact]
    public void Search_ReferenceNumberPrefix_FindsEveryCaseWithIt()
    {
        Assert.Equal(["C-2026-000123", "C-2026-000124"], index.Cases("ZAM/2026/0451*").Order());
    }

    [Fact]
    public void Search_IdentifierAndWord_MustBothMatch()
    {
        Assert.Equal(["C-2026-000123"], index.Cases("ZAM/2026/04512 zwrot"));
        Assert.Empty(index.Cases("ZAM/2026/04512 naprawę"));
    }

    public void Dispose() => index.Dispose();
}
