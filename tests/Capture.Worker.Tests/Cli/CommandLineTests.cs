using System.Text.Json;
using Capture.Testing;
using Capture.Worker.Cli;
using Capture.Worker.Tests.Support;

namespace Capture.Worker.Tests.Cli;

/// <summary>The <c>capture</c> command line, invoked in-process exactly as the program does.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly CliSession _cli = new();

    private string Archive => _cli.Archive;

    [Fact]
    public async Task ImportJson_PrintsOneObjectPerItemWithEveryDocumentedField()
    {
        var letter = await WriteLetterAsync("letter.txt");

        var (exit, output, error) = await RunAsync("import", "--json", letter);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(Assert.Single(Lines(output)));
        var root = json.RootElement;
        foreach (var field in new[] { "source", "outcome", "registrationNumber", "category", "confidence", "language", "contact", "references", "dates", "letterDate", "address", "amounts", "findings", "archivePath", "pages", "ocr", "reason" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"missing '{field}' in {output}");
        }

        Assert.Equal("opened", root.GetProperty("outcome").GetString());
        Assert.Equal("complaint", root.GetProperty("category").GetString());
        Assert.Equal("pl", root.GetProperty("language").GetString());
        Assert.Equal("jan.kowalski@example.pl", root.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal("ZAM/2026/09901", root.GetProperty("references").GetProperty("orders")[0].GetString());
        Assert.Contains("2026-11-02", root.GetProperty("dates").EnumerateArray().Select(d => d.GetString()));
        var email = root.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("kind").GetString() == "email");
        Assert.Equal("jan.kowalski@example.pl", email.GetProperty("value").GetString());
        Assert.InRange(email.GetProperty("confidence").GetDouble(), 0.5, 1.0);
        Assert.Contains(email.GetProperty("location").GetString(), new[] { "header", "body", "letterhead", "signature" });
    }

    [Fact]
    public async Task Import_Table_ListsTheCaseAndTheOutcomeCounts()
    {
        var letter = await WriteLetterAsync("letter.txt");

        var (exit, output, error) = await RunAsync("import", letter);

        Assert.True(exit == 0, error);
        Assert.Contains("letter.txt", output, StringComparison.Ordinal);
        Assert.Matches(@"C-\d{4}-000001", output);
        Assert.Contains("1 items: 1 opened", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_CorruptFile_ExitsWithTwoAndSaysWhy()
    {
        var empty = _cli.Combine("empty.pdf");
        await File.WriteAllBytesAsync(empty, [], TestContext.Current.CancellationToken);

        var (exit, output, _) = await RunAsync("import", "--json", empty);

        Assert.Equal(2, exit);
        using var json = JsonDocument.Parse(Assert.Single(Lines(output)));
        Assert.Equal("quarantined", json.RootElement.GetProperty("outcome").GetString());
        Assert.Contains("empty", json.RootElement.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SearchJson_FindsTheImportedLetterByAWordOfItsText()
    {
        await RunAsync("import", await WriteLetterAsync("letter.txt"));

        var (exit, output, error) = await RunAsync("search", "--json", "czajnik");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(Assert.Single(Lines(output)));
        Assert.Matches(@"C-\d{4}-000001", json.RootElement.GetProperty("registrationNumber").GetString());
        Assert.Equal("not-started", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Jan Kowalski", json.RootElement.GetProperty("contact").GetProperty("name").GetString());
        Assert.Contains("[czajnik]", json.RootElement.GetProperty("snippet").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Reindex_RebuildsTheIndexFromTheArchive_AndSearchKeepsFindingTheLetter()
    {
        await RunAsync("import", await WriteLetterAsync("letter.txt"));

        var (exit, output, error) = await RunAsync("reindex");
        var (_, found, _) = await RunAsync("search", "--json", "czajnik");

        Assert.True(exit == 0, error);
        Assert.Contains("Rebuilding the search index from 1 document(s)", output, StringComparison.Ordinal);
        Assert.Contains("Indexed 1 document(s)", output, StringComparison.Ordinal);
        Assert.Contains("The new index is in use.", output, StringComparison.Ordinal);
        Assert.Single(Lines(found));
        Assert.Equal(["g000002"], Directory.GetDirectories(Path.Combine(Archive, "index")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Search_SortedAndPaged_ShowsWhichResultsAndTheCountsPerCategoryAndStatus()
    {
        await RunAsync("import", await WriteLetterAsync("letter.txt"));
        var second = await WriteLetterAsync("second.txt");
        await File.AppendAllTextAsync(second, "\nPS. Piszę ponownie w sprawie drugiego czajnika.", TestContext.Current.CancellationToken);
        await RunAsync("import", second);

        var (exit, output, error) = await RunAsync("search", "czajnik", "--sort", "newest", "--limit", "1", "--page", "2");
        var (badSort, _, badSortError) = await RunAsync("search", "czajnik", "--sort", "sideways");

        Assert.True(exit == 0, error);
        Assert.Contains("2 cases match \"czajnik\"; showing 2-2.", output, StringComparison.Ordinal);
        Assert.Contains("By status: not-started 2.", output, StringComparison.Ordinal);
        Assert.Equal(1, badSort);
        Assert.Contains("sideways", badSortError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseStatus_MovesTheCaseSearchablyWithHistory_AndRefusesAMoveTheLifecycleForbids()
    {
        var imported = JsonDocument.Parse(Lines((await RunAsync("import", "--json", await WriteLetterAsync("letter.txt"))).Output)[0]);
        var registration = imported.RootElement.GetProperty("registrationNumber").GetString()!;

        var (exit, output, error) = await RunAsync("case", "status", registration, "pending-on-customer", "--by", "anna.nowak", "--note", "Asked for the receipt");
        var (refused, _, refusal) = await RunAsync("case", "status", registration, "reopened");
        var (_, found, _) = await RunAsync("search", "--json", "status:pending-on-customer");
        var (_, shown, _) = await RunAsync("case", "show", "--json", registration);

        Assert.True(exit == 0, error);
        Assert.Equal($"{registration} is now pending-on-customer.", output.Trim());
        Assert.Equal(1, refused);
        Assert.Contains("it cannot move to Reopened", refusal, StringComparison.Ordinal);
        Assert.Single(Lines(found));
        Assert.Contains("Asked for the receipt", shown, StringComparison.Ordinal);
        Assert.Contains("anna.nowak", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseRemind_SetsAReminderFoundByAlertScheduled_AndRefusesANonDate()
    {
        var imported = JsonDocument.Parse(Lines((await RunAsync("import", "--json", await WriteLetterAsync("letter.txt"))).Output)[0]);
        var registration = imported.RootElement.GetProperty("registrationNumber").GetString()!;

        var (exit, output, error) = await RunAsync("case", "remind", registration, "2099-01-15T10:00+01:00", "--note", "Check the refund", "--by", "anna.nowak");
        var (badDate, _, badDateError) = await RunAsync("case", "remind", registration, "next tuesday", "--note", "x");
        var (_, found, _) = await RunAsync("search", "--json", "alert:scheduled");
        var (_, shown, _) = await RunAsync("case", "show", "--json", registration);

        Assert.True(exit == 0, error);
        Assert.Equal($"Reminder set on {registration} for 2099-01-15 10:00 +01:00: Check the refund", output.Trim());
        Assert.Equal(1, badDate);
        Assert.Contains("'next tuesday' is not a date", badDateError, StringComparison.Ordinal);
        Assert.Single(Lines(found));
        Assert.Contains("Reminder for 2099-01-15 09:00 UTC: Check the refund", shown, StringComparison.Ordinal);
    }

    private static readonly (string Key, string Value)[] Roster =
    [
        ("Roster:People:0:Login", "anna.nowak"), ("Roster:People:0:Email", "anna.nowak@firma.example"),
        ("Roster:People:1:Login", "piotr.lis"), ("Roster:People:1:Email", "piotr.lis@firma.example"),
        ("Roster:Teams:0:Name", "complaints-pl"), ("Roster:Teams:0:Members:0", "anna.nowak"), ("Roster:Teams:0:Members:1", "piotr.lis"),
        ("ProductCatalog:Products:0:Name", "Kettle K2"), ("ProductCatalog:Products:0:Aliases:0", "czajnik"),
        ("Assignment:Default:Team", "complaints-pl"),
    ];

    [Fact]
    public async Task CaseAssign_ToAPersonOrATeam_IsSearchableByHandlerWithFromAndToInTheHistory()
    {
        var (_, importOutput, _) = await RunAsync(["import", "--json", await WriteLetterAsync("letter.txt")], Roster);
        var registration = JsonDocument.Parse(Lines(importOutput)[0]).RootElement.GetProperty("registrationNumber").GetString()!;

        var (exit, output, error) = await RunAsync(["case", "assign", registration, "Piotr.Lis", "--by", "ewa.zielinska", "--note", "Anna is on leave"], Roster);
        var (_, found, _) = await RunAsync(["search", "--json", "handler:piotr.lis"], Roster);
        var (unknown, _, unknownError) = await RunAsync(["case", "assign", registration, "jan"], Roster);
        var (toTeam, teamOutput, teamError) = await RunAsync(["case", "assign", registration, "team:complaints-pl", "--json", "--by", "ewa.zielinska"], Roster);

        Assert.True(exit == 0, error);
        Assert.Equal($"{registration} is now assigned to piotr.lis (team complaints-pl).", output.Trim());
        Assert.Single(Lines(found));
        Assert.Equal(1, unknown);
        Assert.Contains("'jan' is not in Roster:People. Known logins: anna.nowak, piotr.lis", unknownError, StringComparison.Ordinal);
        Assert.True(toTeam == 0, teamError);
        using var shown = JsonDocument.Parse(teamOutput);
        Assert.Equal("anna.nowak", shown.RootElement.GetProperty("handler").GetString());
        Assert.Equal("Kettle K2", shown.RootElement.GetProperty("product").GetString());
        var assignments = shown.RootElement.GetProperty("history").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "assigned")
            .Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("detail").GetString()))
            .ToList();
        Assert.Equal(
            [
                ("capture", "Assigned to anna.nowak, the least-loaded member of team complaints-pl (0 open case(s) before) by the default (Assignment:Default)."),
                ("ewa.zielinska", "anna.nowak → piotr.lis (team complaints-pl): Anna is on leave."),
                ("ewa.zielinska", "piotr.lis → anna.nowak, the least-loaded member of team complaints-pl (0 open case(s) before)."),
            ],
            assignments);
    }

    [Fact]
    public async Task CaseAssign_WithoutARoster_TakesAnyLogin_AndRefusesAnUnknownCase()
    {
        await RunAsync("import", await WriteLetterAsync("letter.txt"));
        var registration = $"C-{DateTime.UtcNow.Year}-000001";

        var (exit, output, error) = await RunAsync("case", "assign", registration, "jan.kowalski");
        var (unknownCase, _, caseError) = await RunAsync("case", "assign", "C-2026-999999", "jan.kowalski");

        Assert.True(exit == 0, error);
        Assert.Equal($"{registration} is now assigned to jan.kowalski.", output.Trim());
        Assert.Equal(1, unknownCase);
        Assert.Contains("capture case assign: no case C-2026-999999", caseError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_AssignmentRuleNamingSomeoneNotOnTheRoster_RefusesAndNamesTheKey()
    {
        var (exit, _, error) = await RunAsync(["import", await WriteLetterAsync("letter.txt")], [.. Roster, ("Assignment:Rules:0:Language", "pl"), ("Assignment:Rules:0:Person", "jan")]);

        Assert.Equal(1, exit);
        Assert.Contains("Assignment:Rules:0:Person 'jan' is not in Roster:People", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_MalformedQuery_ExitsWithOneAndExplainsWithoutAStackTrace()
    {
        await RunAsync("import", await WriteLetterAsync("letter.txt"));

        var (exit, _, error) = await RunAsync("search", "\"unclosed phrase");

        Assert.Equal(1, exit);
        Assert.StartsWith("capture search:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseShowJson_ShowsStatusCategoryContactDocumentsAndHistory()
    {
        await RunAsync("import", await WriteLetterAsync("letter.txt"));
        var registration = $"C-{DateTime.UtcNow.Year}-000001";

        var (exit, output, error) = await RunAsync("case", "show", "--json", registration);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(registration, root.GetProperty("registrationNumber").GetString());
        Assert.Equal("not-started", root.GetProperty("status").GetString());
        Assert.Equal("complaint", root.GetProperty("category").GetString());
        Assert.Equal("Jan Kowalski", root.GetProperty("contact").GetProperty("name").GetString());
        Assert.Equal("letter.txt", root.GetProperty("documents")[0].GetProperty("fileName").GetString());
        Assert.Equal("opened", root.GetProperty("history")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task CaseShow_ShowsPriorityDaysWaitingAndTheDeadline_AndAPausedClock()
    {
        (string, string)[] warsaw = [("Archive:Deadlines:TimeZone", "Europe/Warsaw")];
        await RunAsync(["import", await WriteLetterAsync("letter.txt")], warsaw);
        var registration = $"C-{DateTime.UtcNow.Year}-000001";

        var (exit, output, error) = await RunAsync(["case", "show", "--json", registration], warsaw);
        var (textExit, text, _) = await RunAsync(["case", "show", registration], warsaw);
        await RunAsync(["case", "status", registration, "pending-on-customer", "--by", "anna.nowak"], warsaw);
        var (_, paused, _) = await RunAsync(["case", "show", registration], warsaw);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("normal", root.GetProperty("priority").GetString());
        Assert.Equal(0, root.GetProperty("daysWaiting").GetInt32());
        var deadline = root.GetProperty("deadline");
        Assert.Equal(("complaint: 14 business days", "business-days", 14), (deadline.GetProperty("rule").GetString(), deadline.GetProperty("counting").GetString(), deadline.GetProperty("days").GetInt32()));
        Assert.True(deadline.GetProperty("running").GetBoolean());
        Assert.True(deadline.GetProperty("dueAt").GetDateTimeOffset() - deadline.GetProperty("startedAt").GetDateTimeOffset() > TimeSpan.FromDays(14));
        Assert.True(deadline.GetProperty("atRiskAt").GetDateTimeOffset() < deadline.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(0, textExit);
        Assert.Contains("at risk from", text, StringComparison.Ordinal);
        Assert.Contains("(complaint: 14 business days)", text, StringComparison.Ordinal);
        Assert.Contains("0 day(s)", text, StringComparison.Ordinal);
        Assert.Contains("paused since", paused, StringComparison.Ordinal);
        Assert.Contains("the company waits for the customer", paused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triage_ListsAnAbstainedCase_AndClassifyDecidesItSearchablyWithHistory()
    {
        // A threshold no prediction reaches: the classifier abstains and the case waits for a person.
        var (imported, _, importError) = await RunAsync(["import", "--json", await WriteLetterAsync("letter.txt")], ("Classifier:MinimumConfidence", "0.9999"));
        Assert.True(imported == 0, importError);
        var registration = $"C-{DateTime.UtcNow.Year}-000001";

        var (_, queued, _) = await RunAsync("triage", "--json");
        using (var entry = JsonDocument.Parse(Assert.Single(Lines(queued))))
        {
            Assert.Equal(registration, entry.RootElement.GetProperty("registrationNumber").GetString());
            Assert.Equal("complaint", entry.RootElement.GetProperty("suggestedCategory").GetString());
        }

        var (exit, output, error) = await RunAsync("case", "classify", registration, "complaint", "--by", "anna.nowak", "--note", "Asks for a replacement");

        Assert.True(exit == 0, error);
        Assert.Contains($"{registration} is now complaint", output, StringComparison.Ordinal);
        Assert.Empty(Lines((await RunAsync("triage", "--json")).Output));
        Assert.Single(Lines((await RunAsync("search", "--json", "category:complaint")).Output));
        using var shown = JsonDocument.Parse((await RunAsync("case", "show", "--json", registration)).Output);
        var history = shown.RootElement.GetProperty("history").EnumerateArray().ToList();
        var last = history[^2];
        Assert.Equal(("reclassified", "anna.nowak"), (last.GetProperty("kind").GetString(), last.GetProperty("actor").GetString()));

        // An unclassified case has no deadline; as a complaint it gets one, counted from the letter's arrival.
        Assert.Equal("deadline-set", history[^1].GetProperty("kind").GetString());
        Assert.Equal("complaint: 14 business days", shown.RootElement.GetProperty("deadline").GetProperty("rule").GetString());
        Assert.Equal(1.0, shown.RootElement.GetProperty("confidence").GetDouble());
    }

    [Fact]
    public async Task CaseClassify_RejectsAnUnknownCategoryAndAnUnknownCase()
    {
        await RunAsync("import", await WriteLetterAsync("letter.txt"));

        var (badCategory, _, categoryError) = await RunAsync("case", "classify", $"C-{DateTime.UtcNow.Year}-000001", "unclassified");
        var (unknownCase, _, caseError) = await RunAsync("case", "classify", "C-2026-999999", "thanks");

        Assert.NotEqual(0, badCategory);
        Assert.Contains("complaint", categoryError, StringComparison.Ordinal);
        Assert.Equal(1, unknownCase);
        Assert.Contains("no case C-2026-999999", caseError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContactJson_TwoLettersFromOneAddress_ShowOneCustomerWithBothCases()
    {
        await RunAsync("import", await WriteLetterAsync("letter.txt"));
        var second = _cli.Combine("second.txt");
        await File.WriteAllTextAsync(
            second,
            "Imię i nazwisko: Jan Kowalski\nE-mail: jan.kowalski@example.pl\nTelefon: +48 601 234 567\n\n" +
            "Dzień dobry, dziękuję bardzo za szybką wymianę czajnika. Obsługa była wspaniała.\n\nPozdrawiam\nJan Kowalski",
            TestContext.Current.CancellationToken);
        await RunAsync("import", second);

        var (exit, output, error) = await RunAsync("contact", "--json", "JAN.KOWALSKI@example.pl");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("jan.kowalski@example.pl", root.GetProperty("email").GetString());
        Assert.Equal("Jan Kowalski", root.GetProperty("name").GetString());
        Assert.Equal("+48 601 234 567", root.GetProperty("phone").GetString());
        Assert.Equal(2, root.GetProperty("cases").GetArrayLength());
        Assert.Equal("phone", root.GetProperty("history")[1].GetProperty("field").GetString());
        Assert.Equal(1, (await RunAsync("contact", "nobody@example.pl")).Exit);
    }

    [Fact]
    public async Task CaseContact_AnEmptyOptionClearsTheDetail_AndContactShowsWhoChangedEachDetail()
    {
        var imported = JsonDocument.Parse(Lines((await RunAsync("import", "--json", await WriteLetterAsync("letter.txt"))).Output)[0]);
        var registration = imported.RootElement.GetProperty("registrationNumber").GetString()!;

        var (set, _, setError) = await RunAsync("case", "contact", registration, "--phone", "+48 601 234 567", "--by", "anna.nowak");
        var (exit, output, error) = await RunAsync("case", "contact", registration, "--phone", "", "--postcode", "00-950", "--by", "anna.nowak");
        var (nothing, _, nothingError) = await RunAsync("case", "contact", registration);
        var (_, table, _) = await RunAsync("contact", "jan.kowalski@example.pl");
        var (_, shown, _) = await RunAsync("contact", "--json", "jan.kowalski@example.pl");

        Assert.True(set == 0, setError);
        Assert.True(exit == 0, error);
        Assert.Contains("phone -", output, StringComparison.Ordinal);
        Assert.Equal(1, nothing);
        Assert.Contains("--phone", nothingError, StringComparison.Ordinal);
        Assert.Contains("By", table, StringComparison.Ordinal);
        Assert.Contains("(cleared)", table, StringComparison.Ordinal);
        Assert.Contains("anna.nowak", table, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(shown);
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("phone").ValueKind);
        var history = root.GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, c => c.GetProperty("field").GetString() == "name" && c.GetProperty("by").ValueKind == JsonValueKind.Null);
        Assert.Contains(history, c => c.GetProperty("field").GetString() == "phone" && c.GetProperty("newValue").GetString() == "+48 601 234 567" && c.GetProperty("by").GetString() == "anna.nowak");
        Assert.Contains(history, c => c.GetProperty("field").GetString() == "phone" && c.GetProperty("newValue").ValueKind == JsonValueKind.Null && c.GetProperty("by").GetString() == "anna.nowak");
        Assert.Contains(history, c => c.GetProperty("field").GetString() == "postcode" && c.GetProperty("newValue").GetString() == "00-950" && c.GetProperty("by").GetString() == "anna.nowak");
    }

    [Fact]
    public async Task Search_WhileAnotherCaptureOwnsTheIndex_ExplainsInsteadOfCrashing()
    {
        using var service = new TestArchive();
        _ = service.Index;

        var (exit, error) = await RunAgainstAsync(service.Root, "search", "kettle");

        Assert.Equal(1, exit);
        Assert.Contains("Stop the other Capture process", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseShow_WhileAnotherCaptureOwnsTheDatabase_ExplainsInsteadOfCrashing()
    {
        using var service = new TestArchive();
        _ = service.Store;

        var (exit, error) = await RunAgainstAsync(service.Root, "case", "show", "C-2026-000001");

        Assert.Equal(1, exit);
        Assert.Contains("no other Capture process", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseShow_UnknownRegistrationNumber_ExitsWithOne()
    {
        var (exit, _, error) = await RunAsync("case", "show", "C-2026-999999");

        Assert.Equal(1, exit);
        Assert.Contains("no case C-2026-999999", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithoutDropFolders_RefusesToStartAndNamesTheSetting()
    {
        var (exit, _, error) = await RunAsync("run");

        Assert.Equal(1, exit);
        Assert.Contains("DropFolders", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_InvalidReferencePattern_RefusesAndNamesTheKey()
    {
        var (exit, _, error) = await RunAsync(["import", await WriteLetterAsync("letter.txt")], ("Metadata:OrderPatterns:0", "ZAM/(\\d+"));

        Assert.Equal(1, exit);
        Assert.Contains("Metadata:OrderPatterns:0", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Archive, "Complaints")));
    }

    [Fact]
    public async Task ImportJson_ConfiguredOrderPattern_FindsTheCompanysOwnNumbers()
    {
        var letter = _cli.Combine("custom.txt");
        await File.WriteAllTextAsync(letter, "E-mail: ewa@example.pl\n\nMoje zamówienie KX-7781-PL nie dotarło. Proszę o zwrot 240 zł.\n\nEwa Zielińska", TestContext.Current.CancellationToken);

        var (exit, output, error) = await RunAsync(["import", "--json", letter], ("Metadata:OrderPatterns:0", "KX-\\d{4}-PL"));

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(Assert.Single(Lines(output)));
        Assert.Contains("KX-7781-PL", json.RootElement.GetProperty("references").GetProperty("orders").EnumerateArray().Select(o => o.GetString()));
        Assert.Contains("240 PLN", json.RootElement.GetProperty("amounts").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public async Task Import_WhenUnderstandingTheItemFails_QuarantinesItWithTheReason()
    {
        // A company pattern that backtracks without end on this text: matching it runs out of time inside the extractor.
        var letter = _cli.Combine("hostile.txt");
        await File.WriteAllTextAsync(letter, "Reklamacja: " + new string('x', 40) + "\n\nJan Kowalski", TestContext.Current.CancellationToken);

        var (exit, output, _) = await RunAsync(["import", "--json", letter], ("Metadata:OrderPatterns:0", "(x+x+)+y"));

        Assert.Equal(2, exit);
        using var json = JsonDocument.Parse(Assert.Single(Lines(output)));
        Assert.Equal("quarantined", json.RootElement.GetProperty("outcome").GetString());
        Assert.Contains("understanding this item (RegexMatchTimeoutException", json.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_InvalidRegistrationFormat_RefusesAndNamesTheKey()
    {
        var letter = await WriteLetterAsync("letter.txt");

        var (exit, _, error) = await RunAsync(["import", letter], ("Archive:RegistrationNumberFormat", "C-{year}"));

        Assert.Equal(1, exit);
        Assert.Contains("Archive:RegistrationNumberFormat", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_InvalidDeadlineRule_RefusesAndNamesTheKeyAndTheFix()
    {
        var letter = await WriteLetterAsync("letter.txt");

        // appsettings.json lists the complaint rule first; the override replaces its days by position.
        var (exit, _, error) = await RunAsync(["import", letter], ("Archive:Deadlines:Rules:0:BusinessDays", "0"), ("Archive:Deadlines:Holidays:0", "12-32"));

        Assert.Equal(1, exit);
        Assert.Contains("Archive:Deadlines:Rules:0:BusinessDays is 0; set it between 1 and 3650, or remove it for no deadline.", error, StringComparison.Ordinal);
        Assert.Contains("Archive:Deadlines:Holidays:0 \"12-32\" is not a date", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CapturesALetterDroppedIntoTheFolderAndStopsCleanlyWhenCancelled()
    {
        var drop = _cli.Combine("drop");
        Directory.CreateDirectory(drop);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new Dictionary<string, string?>
        {
            ["Classifier:ModelPath"] = TestArchive.SharedModelPath,
            ["DropFolders:0:StableFor"] = "00:00:00.5",
            ["DropFolders:0:ScanInterval"] = "00:00:00.2",
            ["Web:Urls"] = "http://127.0.0.1:0",
        };
        var service = CaptureCommandLine.InvokeAsync(["run", "--drop", drop, "--archive", Archive], output, error, configuration, stop.Token);

        File.Copy(await WriteLetterAsync("letter.txt"), Path.Combine(drop, "letter.txt"));
        var processing = Path.Combine(drop, ".capture", "processing");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!Captured() && DateTime.UtcNow < deadline && !service.IsCompleted)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        // Taken from the drop folder and no longer claimed: committed (a claim stays until its case is committed).
        bool Captured() => !File.Exists(Path.Combine(drop, "letter.txt")) &&
            Directory.Exists(processing) && Directory.GetFileSystemEntries(processing).Length == 0;

        await stop.CancelAsync();
        var exit = await service;

        Assert.True(exit == 0, error.ToString());
        Assert.Contains("web UI and API on http://127.0.0.1:", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(drop, "letter.txt")), "the service did not take the dropped file");
        var (_, found, _) = await RunAsync("search", "--json", "czajnik");
        Assert.Single(Lines(found));
    }

    public void Dispose() => _cli.Dispose();

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunAsync(args, []);

    private static async Task<(int Exit, string Error)> RunAgainstAsync(string archive, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CaptureCommandLine.InvokeAsync([.. args, "--archive", archive], output, error, TestContext.Current.CancellationToken);
        return (exit, error.ToString());
    }

    private Task<(int Exit, string Output, string Error)> RunAsync(string[] args, params (string Key, string Value)[] settings) => _cli.RunAsync(args, settings);

    private Task<string> WriteLetterAsync(string name) => _cli.WriteLetterAsync(name);

    private static List<string> Lines(string text) => CliSession.Lines(text);
}
