using System.Text.Json;

namespace Capture.Worker.Tests.Cli;

/// <summary><c>capture report</c> over a real archive: letters imported, moved and closed through the command line.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private static readonly (string Key, string Value)[] Catalogue =
    [
        ("ProductCatalog:Products:0:Name", "Kettle K2"), ("ProductCatalog:Products:0:Aliases:0", "czajnik"),
    ];

    private readonly CliSession _cli = new();

    [Fact]
    public async Task ReportJson_CountsTheCases_TimesTheAnswers_AndFindsTheKettleAndTheOrderBatchRepeated()
    {
        var numbers = new List<string>();
        foreach (var (name, order) in new[] { ("first.txt", "ZAM/2026/09901"), ("second.txt", "ZAM/2026/09957"), ("third.txt", "ZAM/2026/12000") })
        {
            var (_, imported, _) = await _cli.RunAsync(["import", "--json", await _cli.WriteLetterAsync(name, order)], Catalogue);
            numbers.Add(JsonDocument.Parse(CliSession.Lines(imported)[0]).RootElement.GetProperty("registrationNumber").GetString()!);
        }

        await _cli.RunAsync(["case", "status", numbers[0], "pending-on-customer", "--note", "Asked for the receipt"], Catalogue);
        await _cli.RunAsync(["case", "status", numbers[1], "closed", "--note", "Refunded"], Catalogue);

        var (exit, output, error) = await _cli.RunAsync(["report", "--json", "--days", "7"], Catalogue);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var report = json.RootElement;
        Assert.Equal(3, report.GetProperty("cases").GetInt32());
        Assert.Equal(
            ["closed:1", "not-started:1", "pending-on-customer:1"],
            report.GetProperty("byStatus").EnumerateArray().Select(c => $"{c.GetProperty("value").GetString()}:{c.GetProperty("cases").GetInt32()}").Order(StringComparer.Ordinal));
        Assert.Equal("complaint", report.GetProperty("byCategory")[0].GetProperty("value").GetString());
        Assert.Equal("pl", report.GetProperty("byLanguage")[0].GetProperty("value").GetString());
        Assert.Equal(2, report.GetProperty("timeToFirstResponse").GetProperty("cases").GetInt32());
        Assert.Equal(1, report.GetProperty("timeToClose").GetProperty("cases").GetInt32());
        var problems = report.GetProperty("repeatedProblems");
        var product = Assert.Single(problems.GetProperty("products").EnumerateArray());
        Assert.Equal(("Kettle K2", 3), (product.GetProperty("key").GetString(), product.GetProperty("complaints").GetInt32()));
        var batch = Assert.Single(problems.GetProperty("orderBatches").EnumerateArray());
        Assert.Equal(("ZAM/2026/099xx", 2), (batch.GetProperty("key").GetString(), batch.GetProperty("complaints").GetInt32()));
        Assert.Equal(numbers.Take(2), batch.GetProperty("examples").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Report_Table_NamesTheRepeatedProblem_AndAPeriodOutsideTheCasesCountsNothing()
    {
        await _cli.RunAsync(["import", await _cli.WriteLetterAsync("first.txt", "ZAM/2026/09901")], Catalogue);
        await _cli.RunAsync(["import", await _cli.WriteLetterAsync("second.txt", "ZAM/2026/09902")], Catalogue);

        var (exit, output, error) = await _cli.RunAsync(["report"], Catalogue);
        var (_, past, _) = await _cli.RunAsync(["report", "--json", "--since", "2020-01-01", "--until", "2020-02-01"], Catalogue);

        Assert.True(exit == 0, error);
        Assert.Contains("2 case(s) received", output, StringComparison.Ordinal);
        Assert.Contains("product Kettle K2", output, StringComparison.Ordinal);
        Assert.Contains("order batch ZAM/2026/099xx", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(past);
        Assert.Equal(0, json.RootElement.GetProperty("cases").GetInt32());
    }

    [Fact]
    public async Task ReportJson_HungarianComplaintsSharingEverydayWords_NameTheBrandAndTheCoffeeMachine_WithoutTheEverydayWords()
    {
        string[] customers = ["Kovács Anna", "Nagy Péter", "Szabó Éva"];
        foreach (var (customer, index) in customers.Select((c, i) => (c, i)))
        {
            var path = _cli.Combine($"panasz-{index}.txt");
            var email = $"ugyfel{index}@example.hu";
            await File.WriteAllTextAsync(
                path,
                $"Név: {customer}\nE-mail: {email}\n\nTisztelt Cím! A Tchibo kávéfőző, amit a rendelésszám HU-2026-{4410 + index} alatt rendeltem, " +
                "két héten belül kétszer is elromlott, pedig csak a múlt héten kaptam meg. Senki nem válaszolt a levelemre. " +
                $"Kérem, cseréljék ki vagy küldjék vissza a pénzemet!\n\nÜdvözlettel\n{customer}",
                TestContext.Current.CancellationToken);
            await _cli.RunAsync(["import", path]);
        }

        var (exit, output, error) = await _cli.RunAsync(["report", "--json"]);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var words = json.RootElement.GetProperty("repeatedProblems").GetProperty("productWords").EnumerateArray()
            .Select(w => $"{w.GetProperty("key").GetString()}:{w.GetProperty("complaints").GetInt32()}")
            .ToList();
        // The brand and the product are named; words many sample letters use in one form or another (kaptam, héten, belül,
        // alatt, kétszer, rendelésszám, cseréljék, küldjék) and the addresses' "example" are left out. A verb few letters
        // use (elromlott, "broke down") can still be listed: the words are not tagged as nouns.
        Assert.Contains("tchibo:3", words);
        Assert.Contains("kávéfőző:3", words);
        string[] everyday = ["kaptam", "héten", "belül", "alatt", "kétszer", "rendelésszám", "cseréljék", "küldjék", "example", "tisztelt", "senki"];
        Assert.DoesNotContain(words, w => everyday.Contains(w.Split(':')[0]));
    }

    [Theory]
    [InlineData("--since", "yesterday", "--since 'yesterday' is not a day")]
    [InlineData("--days", "0", "--days must be at least 1")]
    [InlineData("--top", "0", "--top and --serial-prefix must be at least 1")]
    public async Task Report_BadPeriodOrLimit_ExitsWithOneAndSaysWhat(string option, string value, string message)
    {
        var (exit, _, error) = await _cli.RunAsync(["report", option, value]);

        Assert.Equal(1, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
