using Archive.Store.Reports;

namespace Archive.Store.Tests;

/// <summary>The product-like words the dashboard counts across complaints: stop words, common complaint words, names and identifiers left out.</summary>
public sealed class ProductWordsTests
{
    [Fact]
    public void Of_APolishComplaint_KeepsTheProductAndModel_NotStopWordsNamesOrNumbers()
    {
        var words = ProductWords.Of(
            "Szanowni Państwo, czajnik Tefal K2-400 z zamówienia ZAM/2026/09901 przecieka. Proszę o wymianę. Z poważaniem Jan Kowalski 3f2a9b1c",
            "Jan Kowalski");

        Assert.Equal(["czajnik", "k2-400", "przecieka", "tefal", "zam"], words.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Of_AnEnglishComplaint_LeavesOutTheWordsEveryComplaintHas()
    {
        var words = ProductWords.Of("Dear customer service, the kettle I ordered leaks. Please refund my money. Kind regards, Sarah", "Sarah Mitchell");

        Assert.Equal(["kettle", "leaks"], words.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Of_AText_LeavesOutThePartsOfEmailAndWebAddresses()
    {
        var words = ProductWords.Of("Toaster broken, write to anna.nowak@example.com or see https://shop-example.pl/toaster?id=7 and www.example.org.", contactName: null);

        Assert.Equal(["broken", "see", "toaster", "write"], words.Order(StringComparer.Ordinal));
    }
}
