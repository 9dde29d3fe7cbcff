using Capture.Worker.Notifications.Alerts;

namespace Capture.Worker.Tests.Notifications.Alerts;

/// <summary>Alert settings: a wrong one is reported with its key and the fix.</summary>
public sealed class AlertOptionsTests
{
    [Theory]
    [InlineData("Interval", "00:00:01", "Alerts:Interval")]
    [InlineData("DigestTime", "1.00:00:00", "Alerts:DigestTime")]
    [InlineData("Language", "de", "Alerts:Language")]
    [InlineData("FallbackRecipient", "team mailbox", "Alerts:FallbackRecipient")]
    [InlineData("GiveUpAfter", "00:01:00", "Alerts:GiveUpAfter")]
    public void InvalidSetting_IsReportedWithItsKey(string setting, string value, string key)
    {
        var options = new AlertOptions();
        switch (setting)
        {
            case "Interval": options.Interval = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "DigestTime": options.DigestTime = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "Language": options.Language = value; break;
            case "GiveUpAfter": options.GiveUpAfter = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            default: options.FallbackRecipient = value; break;
        }

        var problem = Assert.Single(options.Validate());
        Assert.StartsWith(key, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AreValid_AndAlertsTurnedOffNeedNoOtherSetting()
    {
        Assert.Empty(new AlertOptions().Validate());
        Assert.Empty(new AlertOptions { Enabled = false, Language = "xx", Interval = TimeSpan.Zero }.Validate());
    }
}
