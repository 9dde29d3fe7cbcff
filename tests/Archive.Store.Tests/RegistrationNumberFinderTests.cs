using Archive.Store.Registration;

namespace Archive.Store.Tests;

/// <summary>Registration numbers quoted in replies and letters are recognised so follow-ups join their case.</summary>
public sealed class RegistrationNumberFinderTests
{
    [Theory]
    [InlineData("Re: [C-2026-000123] Broken kettle", "C-2026-000123")]
    [InlineData("Odp: sprawa c-2026-000123", "C-2026-000123")]
    [InlineData("Ügyszám: C-2026-000123.", "C-2026-000123")]
    [InlineData("(C-2026-0001234)", "C-2026-0001234")]
    public void FindIn_TextQuotingANumber_ReturnsItInUpperCase(string text, string expected)
    {
        var format = RegistrationNumberFormat.Parse("C-{year}-{sequence:000000}");

        Assert.Equal([expected], format.FindIn(text));
    }

    [Theory]
    [InlineData("Order C-2026-0042 is late")]          // too few sequence digits
    [InlineData("XC-2026-000123")]                     // part of a longer word
    [InlineData("C-2026-000123X")]
    [InlineData("C-26-000123")]
    [InlineData("nothing here")]
    public void FindIn_TextWithoutANumberOfTheFormat_ReturnsNothing(string text)
    {
        var format = RegistrationNumberFormat.Parse("C-{year}-{sequence:000000}");

        Assert.Empty(format.FindIn(text));
    }

    [Fact]
    public void FindIn_CustomFormat_FollowsTheConfiguredLiterals()
    {
        var format = RegistrationNumberFormat.Parse("REK.{year}.{sequence:0000}");

        Assert.Equal(["REK.2026.0042", "REK.2025.1234"], format.FindIn("dot. REK.2026.0042 oraz rek.2025.1234, nie C-2026-000001"));
    }
}
