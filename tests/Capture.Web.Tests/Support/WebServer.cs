using System.Globalization;
using Archive.Search;
using Archive.Store;
using Archive.Store.Cases;
using Capture.Testing;
using Capture.Web.Security;
using Capture.Worker.Hosting;
using Capture.Worker.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

[assembly: AssemblyFixture(typeof(Capture.Web.Tests.Support.WebServer))]

namespace Capture.Web.Tests.Support;

/// <summary>
/// The service as <c>capture run</c> starts it, web UI included, on Kestrel at 127.0.0.1 on a free port, over a fresh
/// archive (real LiteDB and Lucene) into which sample letters were captured through the real pipeline. Each test that
/// changes a case uses a case of its own.
/// </summary>
public sealed class WebServer : IAsyncLifetime
{
    /// <summary>Every user's password is <c>pw-</c> and their login.</summary>
    public static readonly IReadOnlyDictionary<string, string> Users = new Dictionary<string, string>
    {
        ["clara"] = WebRoles.Clerk,
        ["hanna"] = WebRoles.Handler,
        ["henryk"] = WebRoles.Handler,
        ["sonia"] = WebRoles.Supervisor,
        ["adam"] = WebRoles.Admin,
        ["lockme"] = WebRoles.Clerk,
    };

    public const int MaxFailedSignIns = 3;

    private static readonly string ModelPath = Path.Combine(Path.GetTempPath(), "capture-web-tests", "category-model.zip");

    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string> _cases = new(StringComparer.Ordinal);
    private IHost? _host;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _host!.Services;

    public ArchiveStore Store => Services.GetRequiredService<ArchiveStore>();

    /// <summary>The registration number of the case a sample file opened.</summary>
    public string CaseOf(string sampleFile) => _cases[sampleFile];

    public static string PasswordOf(string login) => "pw-" + login;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _host = await StartAsync(_directory, new Dictionary<string, string?>
        {
            ["Web:MaxFailedSignIns"] = MaxFailedSignIns.ToString(CultureInfo.InvariantCulture),
            ["Web:SignInsPerClientPerMinute"] = "10000",
        });
        BaseAddress = AddressOf(_host);

        var pipeline = Services.GetRequiredService<CapturePipeline>();
        foreach (var sample in Samples.All)
        {
            var result = await pipeline.CaptureAsync(CaptureItem.ForFile(Path.Combine(RepositoryRoot.Samples, "inbox", sample), "import"), cancellationToken);
            _cases[sample] = result.RegistrationNumber ?? throw new InvalidOperationException($"{sample} opened no case: {result.Outcome}");
        }

        var hostile = _directory.Combine(HostileHtmlMail.FileName);
        await File.WriteAllTextAsync(hostile, HostileHtmlMail.Content, cancellationToken);
        var captured = await pipeline.CaptureAsync(CaptureItem.ForFile(hostile, "import"), cancellationToken);
        _cases[HostileHtmlMail.FileName] = captured.RegistrationNumber ?? throw new InvalidOperationException($"the hostile mail opened no case: {captured.Outcome}");

        Assign(Samples.HannasKettle, "hanna");
        Assign(Samples.HannasStatusInTheBrowser, "hanna");
        Assign(Samples.HannasWebshopDelay, "hanna");
        Assign(Samples.HenryksWashingMachine, "henryk");
        Services.GetRequiredService<CaseIndexer>().Flush();
    }

    /// <summary>
    /// Starts the service as <c>capture run</c> builds it, with the web UI on a free port of 127.0.0.1, the users of
    /// <see cref="Users"/> and an archive and drop folder in <paramref name="directory"/>; <paramref name="settings"/> win,
    /// and <paramref name="services"/> (a fake clock) replace the host's own.
    /// </summary>
    internal static async Task<IHost> StartAsync(TempDirectory directory, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var drop = directory.Combine("drop");
        Directory.CreateDirectory(drop);
        var configuration = new Dictionary<string, string?>
        {
            ["Classifier:ModelPath"] = ModelPath,
            ["Web:Urls"] = "http://127.0.0.1:0",
        };
        var i = 0;
        foreach (var (login, role) in Users)
        {
            configuration[$"Web:Users:{i}:Login"] = login;
            configuration[$"Web:Users:{i}:Name"] = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(login);
            configuration[$"Web:Users:{i}:PasswordHash"] = WebPasswords.Hash(PasswordOf(login));
            configuration[$"Web:Users:{i}:Roles:0"] = role;
            i++;
        }

        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        var host = CaptureHostFactory.Build(new CaptureHostSettings
        {
            ArchiveDirectory = directory.Combine("archive"),
            Service = true,
            ExtraDropFolders = [drop],
            Configuration = configuration,
            Services = services,
        });
        try
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A case of a test's own: a web-form suggestion from <paramref name="name"/> (<paramref name="email"/>, phone
    /// <paramref name="phone"/>) captured through the real pipeline, given to <paramref name="handler"/> and searchable.
    /// </summary>
    /// <returns>Its registration number.</returns>
    public async Task<string> OpenOwnCaseAsync(string handler, string name, string email, string phone)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var letter = _directory.Combine($"own-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(letter, string.Join('\n',
            "Form: Contact us", "Submitted: 2026-11-18 09:42:17 +00:00", $"Name: {name}", $"E-mail: {email}", $"Phone: {phone}", "Topic: Ideas and suggestions",
            "Message:", "Hello,", "", "I would like to suggest that your online shop offers a shared wishlist, so that my family can see", "what I would like before Christmas. It would make shopping with you much easier.", "", "Kind regards", name), cancellationToken);
        var captured = await Services.GetRequiredService<CapturePipeline>().CaptureAsync(CaptureItem.ForFile(letter, "import"), cancellationToken);
        var registration = captured.RegistrationNumber ?? throw new InvalidOperationException($"the letter of {name} opened no case: {captured.Outcome}");
        Assign(registration, handler);
        Services.GetRequiredService<CaseIndexer>().Flush();
        return registration;
    }

    /// <summary>Where the started host's web UI listens.</summary>
    internal static Uri AddressOf(IHost host) => new(((WebApplication)host).Urls.Single());

    private void Assign(string sampleOrRegistration, string login)
    {
        var registration = _cases.TryGetValue(sampleOrRegistration, out var ofSample) ? ofSample : sampleOrRegistration;
        var updated = Store.AssignCase(registration, CaseAssignee.ToPerson(login), "test setup");
        Services.GetRequiredService<CaseIndexer>().Reindex(updated);
    }

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

/// <summary>The sample letters the server captures, by the part each plays in the tests.</summary>
public static class Samples
{
    /// <summary>An English complaint about a kettle, handled by hanna; read-only tests search for it.</summary>
    public const string HannasKettle = "en-complaint-kettle.eml";

    /// <summary>Hungarian complaint handled by hanna; the API status-change test moves it.</summary>
    public const string HannasWebshopDelay = "hu-complaint-webshop-delay.eml";

    /// <summary>Polish complaint handled by henryk; others are refused.</summary>
    public const string HenryksWashingMachine = "pl-complaint-washing-machine.eml";

    /// <summary>Unassigned Hungarian suggestion; the supervisor reassigns it.</summary>
    public const string UnassignedTelecom = "hu-suggestion-telecom.eml";

    /// <summary>Unassigned English thanks; the page test changes its status through the form.</summary>
    public const string UnassignedHotelThanks = "en-thanks-hotel-invoice.eml";

    /// <summary>Polish thanks handled by hanna; the browser test changes its status with a button.</summary>
    public const string HannasStatusInTheBrowser = "pl-thanks-complaint-handled.eml";

    /// <summary>Unassigned Hungarian thanks from the web form; the category-correction test changes its category.</summary>
    public const string UnassignedCategoryCorrection = "hu-thanks-webform.txt";

    /// <summary>A Hungarian complaint scanned on two A4 pages at 300 dpi (1-bit TIFF); its previews and searchable PDF are read.</summary>
    public const string TwoPageScan = "hu-complaint-coffee-machine-2pages.tif";

    /// <summary>A Polish complaint as a PDF of a scanned page (no text layer); its preview is drawn by pdftoppm.</summary>
    public const string ScannedPdf = "pl-complaint-insurance-scan.pdf";

    public static IReadOnlyList<string> All { get; } =
        [HannasKettle, HannasWebshopDelay, HenryksWashingMachine, UnassignedTelecom, UnassignedHotelThanks, HannasStatusInTheBrowser, UnassignedCategoryCorrection,
            TwoPageScan, ScannedPdf];
}
