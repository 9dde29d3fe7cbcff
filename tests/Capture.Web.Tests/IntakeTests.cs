using System.Net;
using System.Text.RegularExpressions;
using Capture.Testing;
using Capture.Web.Tests.Support;

namespace Capture.Web.Tests;

/// <summary>The public intake form at <c>/intake</c>: open to anyone, through the pipeline, answered with the new registration number.</summary>
public sealed partial class IntakeTests(WebServer server)
{
    internal const string Complaint =
        "Dzień dobry, kupiłam odkurzacz ZX-500 w Państwa sklepie, zamówienie ZAM/2026/07781. Po tygodniu przestał działać: " +
        "silnik się nie włącza. Proszę o naprawę albo zwrot pieniędzy. Reklamacja dotyczy wadliwego produktu.";

    [Fact]
    public async Task Intake_ASubmissionWithAnAttachment_OpensASearchableCaseWithTheContactAndShowsItsNumber()
    {
        using var customer = new WebSession(server);
        var token = await customer.FormTokenAsync("/intake");

        using var response = await MultipartForm.PostAsync(customer, "/intake", Fields(token, "Katarzyna Wiśniewska", "k.wisniewska@example.pl"),
            ("attachments", "../../../etc/paragon.txt", "Paragon nr 4471, odkurzacz ZX-500, 899 PLN"u8.ToArray(), "text/plain"));
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.OK, page);
        var registration = RegistrationNumber().Match(page).Groups[1].Value;
        Assert.NotEmpty(registration);
        using var clerk = await WebSession.SignedInAsync(server, "clara");
        var view = await clerk.GetJsonAsync($"/api/cases/{registration}");
        Assert.Equal("Katarzyna Wiśniewska", view.GetProperty("contact").GetProperty("name").GetString());
        Assert.Equal("k.wisniewska@example.pl", view.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal("complaint", view.GetProperty("category").GetString());
        Assert.Equal("Complaint (web form)", view.GetProperty("subject").GetString());
        Assert.Equal("web-form", view.GetProperty("source").GetString());
        Assert.Contains(view.GetProperty("documents").EnumerateArray(), d => d.GetProperty("fileName").GetString() == "paragon.txt");
        var found = await clerk.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("email:k.wisniewska@example.pl odkurzacz"));
        Assert.Equal(registration, Assert.Single(found.GetProperty("hits").EnumerateArray()).GetProperty("registrationNumber").GetString());
    }

    [Fact]
    public async Task Intake_TheForm_IsOpenToAnyoneAndHasItsAntiforgeryField()
    {
        using var anonymous = new WebSession(server);

        var page = await anonymous.GetStringAsync("/intake");

        Assert.Contains("enctype=\"multipart/form-data\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await anonymous.StatusOfAsync("/search"));
    }

    internal static Dictionary<string, string> Fields(string? token, string name = "Jan Kowalski", string email = "jan.kowalski@example.pl")
    {
        var fields = new Dictionary<string, string> { ["name"] = name, ["email"] = email, ["category"] = "complaint", ["message"] = Complaint };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return fields;
    }

    [GeneratedRegex("class=\"registration\">([^<]+)<", RegexOptions.None, 1000)]
    private static partial Regex RegistrationNumber();
}

/// <summary>The intake form's limits, on a server of its own with small ones: what is refused is refused with a message, and nothing is captured.</summary>
public sealed class IntakeLimitTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private Microsoft.Extensions.Hosting.IHost? _host;

    public async ValueTask InitializeAsync() => _host = await WebServer.StartAsync(_directory, new Dictionary<string, string?>
    {
        ["Web:Intake:MaxFileBytes"] = "2048",
        ["Web:Intake:MaxTotalBytes"] = "4096",
        ["Web:Intake:AllowedExtensions:0"] = ".pdf",
        ["Web:Intake:AllowedExtensions:1"] = "txt",
        ["Web:Intake:SubmissionsPerClientPerHour"] = "1000",
    });

    [Fact]
    public async Task Intake_AFileOverTheLimit_IsRefusedSayingHowLargeAFileMayBe()
    {
        var (status, page) = await SubmitAsync(withToken: true, ("attachments", "scan.pdf", new byte[3000], "application/pdf"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("'scan.pdf' is larger than 2 KB", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intake_ASubmissionOverTheTotal_IsRefusedBeforeItIsRead()
    {
        var (status, page) = await SubmitAsync(withToken: true, ("attachments", "big.pdf", new byte[600_000], "application/pdf"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("larger than 4 KB in all", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intake_AFileTypeNotAllowed_IsRefusedNamingTheAllowedOnes()
    {
        var (status, page) = await SubmitAsync(withToken: true, ("attachments", "invoice.pdf.exe", "MZ"u8.ToArray(), "application/octet-stream"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains("'invoice.pdf.exe' is not a kind of file we take; attach .pdf, .txt", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intake_WithoutTheAntiforgeryToken_IsRefusedAskingToReload()
    {
        var (status, page) = await SubmitAsync(withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("reload the page", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intake_AnAddressThatIsNotOne_IsRefusedKeepingWhatWasWritten()
    {
        var (status, page) = await SubmitAsync(withToken: true, email: "not an address");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("e-mail address", page, StringComparison.Ordinal);
        Assert.Contains("odkurzacz ZX-500", page, StringComparison.Ordinal);
    }

    /// <summary>Posts the form as a customer's browser does, and checks that nothing was captured; the page comes back decoded.</summary>
    private async Task<(HttpStatusCode Status, string Page)> SubmitAsync(bool withToken, params (string Field, string FileName, byte[] Content, string MediaType)[] files) =>
        await SubmitAsync(withToken, "jan.kowalski@example.pl", files);

    private async Task<(HttpStatusCode Status, string Page)> SubmitAsync(bool withToken, string email, params (string Field, string FileName, byte[] Content, string MediaType)[] files)
    {
        using var customer = new WebSession(WebServer.AddressOf(_host!));
        var token = withToken ? await customer.FormTokenAsync("/intake") : null;
        using var response = await MultipartForm.PostAsync(customer, "/intake", IntakeTests.Fields(token, email: email), files);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        AssertNothingCaptured();
        return (response.StatusCode, page);
    }

    private void AssertNothingCaptured() =>
        Assert.Empty(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Archive.Store.ArchiveStore>(_host!.Services).ListCases());

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
            _host.Dispose();
        }

        _directory.Dispose();
    }
}

/// <summary>The per-client limit on intake submissions (ASP.NET Core rate limiting), on a server of its own with a low limit.</summary>
public sealed class IntakeRateLimitTests
{
    [Fact]
    public async Task Intake_MoreSubmissionsFromOneClientThanItsLimit_Get429()
    {
        using var directory = new TempDirectory();
        using var host = await WebServer.StartAsync(directory, new Dictionary<string, string?> { ["Web:Intake:SubmissionsPerClientPerHour"] = "2" });
        try
        {
            using var customer = new WebSession(WebServer.AddressOf(host));
            var token = await customer.FormTokenAsync("/intake");

            using var first = await MultipartForm.PostAsync(customer, "/intake", IntakeTests.Fields(token, email: "bad"));
            using var second = await MultipartForm.PostAsync(customer, "/intake", IntakeTests.Fields(token, email: "bad"));
            using var third = await MultipartForm.PostAsync(customer, "/intake", IntakeTests.Fields(token));

            Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            Assert.Contains("wait a while", await third.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, await customer.StatusOfAsync("/intake"));
        }
        finally
        {
            await host.StopAsync(TestContext.Current.CancellationToken);
        }
    }
}
