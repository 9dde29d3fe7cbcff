using Archive.Store.Registration;

namespace Archive.Store.Tests;

/// <summary>An optional check character makes a mistyped registration number unrecognisable instead of another case's.</summary>
public sealed class RegistrationCheckCharacterTests
{
    private static readonly RegistrationNumberFormat Checked = RegistrationNumberFormat.Parse("C-{year}-{sequence:000000}-{check}");

    [Theory]
    // ISO 7064 MOD 11-2 over 2026000123, 2026000124 ... (computed by hand: 0-9 or X).
    [InlineData(2026, 123)]
    [InlineData(2026, 124)]
    [InlineData(2027, 1)]
    [InlineData(2026, 999_999)]
    public void Format_AppendsACheckCharacter_ThatFindInAccepts(int year, int sequence)
    {
        var number = Checked.Format(year, sequence);

        Assert.Matches(@"^C-\d{4}-\d{6}-[0-9X]$", number);
        Assert.Equal([number], Checked.FindIn($"Re: [{number.ToLowerInvariant()}] zwrot"));
    }

    [Fact]
    public void CheckCharacter_IsTheIso7064Mod112Value()
    {
        // 2026000123: running p = ((p + d) * 2) mod 11 over the digits ends at 6, so the check is (12 - 6) mod 11 = 6.
        Assert.Equal("C-2026-000123-6", Checked.Format(2026, 123));
    }

    [Fact]
    public void MistypedNumbers_AreNotRecognised()
    {
        var number = Checked.Format(2026, 123);
        var oneDigitWrong = number.Replace("000123", "000128", StringComparison.Ordinal);
        var twoDigitsSwapped = number.Replace("000123", "000132", StringComparison.Ordinal);
        var checkWrong = number[..^1] + (number[^1] == '0' ? '1' : '0');

        Assert.Empty(Checked.FindIn($"Sprawa {oneDigitWrong}"));
        Assert.Empty(Checked.FindIn($"Sprawa {twoDigitsSwapped}"));
        Assert.Empty(Checked.FindIn($"Sprawa {checkWrong}"));
        Assert.Empty(Checked.FindIn("Sprawa C-2026-000123"));
    }

    [Theory]
    [InlineData("C-{year}-{sequence:000000}-{check}{check}", "more than one {check}")]
    [InlineData("C-{year}-{sequence:000000}-{check:0}", "takes no format")]
    public void InvalidCheckTokens_AreRefusedWithTheFix(string pattern, string expected)
    {
        var problems = RegistrationNumberFormat.Validate(pattern, "Archive:RegistrationNumberFormat").ToList();

        Assert.Contains(problems, problem => problem.Contains(expected, StringComparison.Ordinal));
    }
}
