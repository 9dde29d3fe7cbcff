using Capture.Web.Hosting;
using Capture.Web.Security;

namespace Capture.Web.Tests;

/// <summary>The <c>Web:*</c> settings: each wrong one is named with its fix.</summary>
public sealed class WebOptionsTests
{
    [Fact]
    public void Problems_OfTheDefaults_AreNone() => Assert.Empty(new WebOptions().Problems());

    [Fact]
    public void Problems_WhenTheWebIsOff_AreNoneWhateverElseIsSet() =>
        Assert.Empty(new WebOptions { Enabled = false, Urls = "nonsense", MaxFailedSignIns = 0 }.Problems());

    [Fact]
    public void Problems_NameEachWrongUserSettingByItsKey()
    {
        var options = new WebOptions
        {
            Users =
            [
                new WebUserOptions { Login = "anna", PasswordHash = WebPasswords.Hash("x"), Roles = ["handler"] },
                new WebUserOptions { Login = "ANNA", PasswordHash = "plain text password", Roles = ["boss"] },
                new WebUserOptions { Login = " ", PasswordHash = WebPasswords.Hash("y"), Roles = [] },
            ],
        };

        var problems = options.Problems().ToList();

        Assert.Contains(problems, p => p.StartsWith("Web:Users:1:PasswordHash", StringComparison.Ordinal) && p.Contains("capture web hash-password", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Web:Users:1:Roles: 'boss' is not a role", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Web:Users:2:Login", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Web:Users:2:Roles is empty", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'anna' is used twice", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.StartsWith("Web:Users:0", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_NameEachWrongIntakeAndUploadSettingByItsKey()
    {
        var options = new WebOptions
        {
            MaxUploadBytes = 10,
            Intake = new IntakeOptions { MaxFileBytes = 4096, MaxTotalBytes = 2048, MaxFiles = 99, SubmissionsPerClientPerHour = 0, AllowedExtensions = [".pdf", "*.exe"] },
        };

        var problems = options.Problems().ToList();

        Assert.Contains(problems, p => p.StartsWith("Web:MaxUploadBytes", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Web:Intake:MaxTotalBytes", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Web:Intake:MaxFiles", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Web:Intake:SubmissionsPerClientPerHour", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Web:Intake:AllowedExtensions: '*.exe'", StringComparison.Ordinal));
        Assert.Equal([".pdf", ".exe"], new IntakeOptions { AllowedExtensions = ["PDF", ".exe"] }.Extensions);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("")]
    public void Problems_NameAWrongUrl(string urls) =>
        Assert.Contains(new WebOptions { Urls = urls }.Problems(), p => p.StartsWith("Web:Urls", StringComparison.Ordinal));

    [Fact]
    public void Problems_AcceptSeveralUrlsAndWildcardHosts() =>
        Assert.Empty(new WebOptions { Urls = "http://127.0.0.1:5080; https://*:5443;http://+:8080" }.Problems());
}
