using Archive.Store.Cases;
using Archive.Store.Deadlines;
using Archive.Store.Documents;
using Archive.Store.Reports;

namespace Archive.Store.Tests;

/// <summary>The figures of <c>capture report</c>, computed from hand-made cases whose answers are known.</summary>
public sealed class CaseReportBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly ReportSettings LastMonth = new(Now.AddDays(-30), Now);

    [Fact]
    public void Counts_CoverOnlyThePeriod_PerStatusCategoryHandlerAndLanguage_MostFirst()
    {
        CaseRecord[] cases =
        [
            Case("C-1", days: 1, CaseStatus.PendingOnCompany, CaseCategory.Complaint, "anna", "pl"),
            Case("C-2", days: 2, CaseStatus.PendingOnCompany, CaseCategory.Complaint, "anna", "hu"),
            Case("C-3", days: 3, CaseStatus.Closed, CaseCategory.Thanks, null, "pl"),
            Case("C-4", days: 40, CaseStatus.Closed, CaseCategory.Complaint, "piotr", "en"),
        ];

        var report = CaseReportBuilder.Build(cases, [], LastMonth, Now);

        Assert.Equal(3, report.Cases);
        Assert.Equal([new ReportCount("pending-on-company", 2), new ReportCount("closed", 1)], report.ByStatus);
        Assert.Equal([new ReportCount("complaint", 2), new ReportCount("thanks", 1)], report.ByCategory);
        Assert.Equal([new ReportCount("anna", 2), new ReportCount("unassigned", 1)], report.ByHandler);
        Assert.Equal([new ReportCount("pl", 2), new ReportCount("hu", 1)], report.ByLanguage);
        Assert.Equal(4, CaseReportBuilder.Build(cases, [], LastMonth with { Since = null }, Now).Cases);
    }

    [Fact]
    public void ResponseAndClosingTimes_AreTheMedianAndNearestRank90thPercentile()
    {
        var cases = Enumerable.Range(1, 10).Select(i =>
        {
            var record = Case($"C-{i}", days: 20, CaseStatus.Closed, CaseCategory.Complaint, "anna", "pl");
            record.FirstResponseAt = record.ReceivedAt.AddHours(i);
            record.ClosedAt = i <= 4 ? record.ReceivedAt.AddDays(i) : null;
            record.Status = i <= 4 ? CaseStatus.Closed : CaseStatus.PendingOnCustomer;
            return record;
        }).Append(Case("C-11", days: 1, CaseStatus.NotStarted, CaseCategory.Complaint, null, "pl")).ToList();

        var report = CaseReportBuilder.Build(cases, [], LastMonth, Now);

        Assert.Equal(new DurationSummary(10, TimeSpan.FromHours(5), TimeSpan.FromHours(9)), report.TimeToFirstResponse);
        Assert.Equal(new DurationSummary(4, TimeSpan.FromDays(2), TimeSpan.FromDays(4)), report.TimeToClose);
    }

    [Fact]
    public void NoAnsweredCases_HaveNoTimes()
    {
        var report = CaseReportBuilder.Build([Case("C-1", 1, CaseStatus.NotStarted, CaseCategory.Complaint, null, "pl")], [], LastMonth, Now);

        Assert.Equal(new DurationSummary(0, null, null), report.TimeToFirstResponse);
        Assert.Equal(new DurationSummary(0, null, null), report.TimeToClose);
    }

    [Fact]
    public void Deadlines_CountOpenCasesAtRiskAndMissed_MostUrgentFirst_AndCasesClosedLate()
    {
        var missed = Due(Case("C-1", 20, CaseStatus.PendingOnCompany, CaseCategory.Complaint, "anna", "pl"), due: Now.AddDays(-1), atRisk: Now.AddDays(-4));
        var atRisk = Due(Case("C-2", 10, CaseStatus.PendingOnCompany, CaseCategory.Complaint, "anna", "pl"), due: Now.AddDays(2), atRisk: Now.AddDays(-1));
        var paused = Due(Case("C-3", 20, CaseStatus.PendingOnCustomer, CaseCategory.Complaint, "anna", "pl"), due: Now.AddDays(-1), atRisk: Now.AddDays(-4), pausedAt: Now.AddDays(-5));
        var fine = Due(Case("C-4", 2, CaseStatus.PendingOnCompany, CaseCategory.Complaint, "anna", "pl"), due: Now.AddDays(12), atRisk: Now.AddDays(8));
        var late = Due(Case("C-5", 25, CaseStatus.Closed, CaseCategory.Complaint, "anna", "pl"), due: Now.AddDays(-11), atRisk: Now.AddDays(-14));
        (late.ClosedAt, late.Deadline!.StoppedAt) = (Now.AddDays(-10), Now.AddDays(-10));
        var missedEarlier = Due(Case("C-6", 21, CaseStatus.Reopened, CaseCategory.Complaint, "anna", "pl"), due: Now.AddDays(-3), atRisk: Now.AddDays(-6));

        var report = CaseReportBuilder.Build([missed, atRisk, paused, fine, late, missedEarlier], [], LastMonth, Now);

        Assert.Equal((1, 2, 1), (report.Deadlines.AtRisk, report.Deadlines.Missed, report.Deadlines.ClosedLate));
        Assert.Equal(["C-6", "C-1", "C-2"], report.Deadlines.Cases);
    }

    [Fact]
    public void RepeatedProblems_GroupComplaintsByProductSerialPrefixAndOrderBatch_WithAtLeastTwoEach()
    {
        var a = Case("C-1", 5, CaseStatus.PendingOnCompany, CaseCategory.Complaint, null, "pl", product: "Czajnik Aqua");
        var b = Case("C-2", 4, CaseStatus.PendingOnCompany, CaseCategory.Complaint, null, "pl", product: "czajnik aqua");
        var c = Case("C-3", 3, CaseStatus.PendingOnCompany, CaseCategory.Complaint, null, "hu", product: "Toster T2");
        var praise = Case("C-4", 2, CaseStatus.Closed, CaseCategory.Thanks, null, "pl", product: "Toster T2");
        DocumentRecord[] documents =
        [
            Document(a, serials: ["KX45-2231-0099"], orders: ["ZAM/2026/09901"]),
            Document(b, serials: ["kx452231-7777"], orders: ["ZAM/2026/09977"]),
            Document(c, serials: ["QQ11-0001"], orders: ["ZAM/2026/10001"]),
            Document(praise, serials: ["QQ11-0002"], orders: ["ZAM/2026/10002"]),
        ];

        var problems = CaseReportBuilder.Build([a, b, c, praise], documents, LastMonth, Now).RepeatedProblems;

        Assert.Equal([new ProblemCluster("Czajnik Aqua", 2, ["C-1", "C-2"])], problems.Products, ClusterComparer.Instance);
        Assert.Equal([new ProblemCluster("KX4522", 2, ["C-1", "C-2"])], problems.SerialPrefixes, ClusterComparer.Instance);
        Assert.Equal([new ProblemCluster("ZAM/2026/099xx", 2, ["C-1", "C-2"])], problems.OrderBatches, ClusterComparer.Instance);
    }

    [Fact]
    public void ProductWords_NamedOnlyByOneCustomersComplaints_AreNoRepeatedProblem()
    {
        var first = Contacted(Case("C-1", 5, CaseStatus.PendingOnCompany, CaseCategory.Complaint, null, "en"), "ann@example.com");
        var again = Contacted(Case("C-2", 4, CaseStatus.PendingOnCompany, CaseCategory.Complaint, null, "en"), "ann@example.com");
        var other = Contacted(Case("C-3", 3, CaseStatus.PendingOnCompany, CaseCategory.Complaint, null, "en"), "bob@example.com");
        var texts = new Dictionary<string, string>
        {
            ["d-C-1"] = "The toaster burns the bread.",
            ["d-C-2"] = "The toaster still burns the bread, and the kettle leaks.",
            ["d-C-3"] = "My kettle leaks.",
        };

        var words = CaseReportBuilder.Build([first, again, other], [Document(first, [], []), Document(again, [], []), Document(other, [], [])], LastMonth, Now, texts)
            .RepeatedProblems.ProductWords;

        Assert.Equal(
            [new ProblemCluster("kettle", 2, ["C-2", "C-3"]), new ProblemCluster("leaks", 2, ["C-2", "C-3"])],
            words,
            ClusterComparer.Instance);
    }

    [Fact]
    public void ProductWords_ThatOrdinaryLettersUse_AreLeftOut_WhileTheProductStays()
    {
        var complaints = Enumerable.Range(1, 4)
            .Select(n => Contacted(Case($"C-{n}", n, CaseStatus.PendingOnCompany, CaseCategory.Complaint, null, "hu"), $"ugyfel{n}@example.hu"))
            .ToList();
        var texts = complaints.ToDictionary(
            c => "d-" + c.Id,
            c => $"Tisztelt Cím! A kávéfőzőt két héten belül kaptam meg, kétszer is elromlott. Válaszukat várom: {c.ContactEmail}");
        // Ordinary letters share the everyday words of these complaints; one in a hundred names a coffee machine.
        var letters = Enumerable.Range(0, 100).Select(n => ("hu", n == 0
            ? "A kávéfőzőt a héten kaptam meg."
            : "Tisztelt Cím! A levelüket két héten belül kaptam meg, kétszer is elromlott a nyomtatóm. Válaszukat várom."));

        var words = CaseReportBuilder.Build(
            complaints, [.. complaints.Select(c => Document(c, [], []))], LastMonth, Now, texts, LetterVocabulary.FromLetters(letters)).RepeatedProblems.ProductWords;

        Assert.Equal([new ProblemCluster("kávéfőzőt", 4, ["C-4", "C-3", "C-2", "C-1"])], words, ClusterComparer.Instance);
    }

    [Theory]
    [InlineData("KX45-2231-0099", 6, "KX4522")]
    [InlineData("sn 12", 6, "SN12")]
    public void SerialPrefix_IsTheLeadingLettersAndDigits(string serial, int length, string prefix) =>
        Assert.Equal(prefix, CaseReportBuilder.SerialPrefix(serial, length));

    [Theory]
    [InlineData("ZAM/2026/09901", 2, "ZAM/2026/099xx")]
    [InlineData("123456", 3, "123xxx")]
    [InlineData("ORD-7", 2, "ORD-x")]
    [InlineData("ABC", 2, "ABC")]
    public void OrderBatch_MasksTheTrailingDigits(string order, int digits, string batch) =>
        Assert.Equal(batch, CaseReportBuilder.OrderBatch(order, digits));

    private static CaseRecord Case(string number, int days, CaseStatus status, CaseCategory category, string? handler, string? language, string? product = null) => new()
    {
        Id = number,
        RegistrationNumber = number,
        Status = status,
        Category = category,
        Handler = handler,
        Language = language,
        Product = product,
        ReceivedAt = Now.AddDays(-days),
        OpenedAt = Now.AddDays(-days),
    };

    private static CaseRecord Contacted(CaseRecord record, string email)
    {
        record.ContactEmail = email;
        return record;
    }

    private static CaseRecord Due(CaseRecord record, DateTimeOffset due, DateTimeOffset atRisk, DateTimeOffset? pausedAt = null)
    {
        record.Deadline = new CaseDeadline { DueAt = due, AtRiskAt = atRisk, PausedSince = pausedAt };
        return record;
    }

    private static DocumentRecord Document(CaseRecord owner, string[] serials, string[] orders)
    {
        var document = new DocumentRecord { Id = "d-" + owner.Id, CaseId = owner.Id, RegistrationNumber = owner.RegistrationNumber };
        document.Serials.AddRange(serials);
        document.Orders.AddRange(orders);
        return document;
    }

    private sealed class ClusterComparer : IEqualityComparer<ProblemCluster>
    {
        public static readonly ClusterComparer Instance = new();

        public bool Equals(ProblemCluster? x, ProblemCluster? y) =>
            x is not null && y is not null && x.Key == y.Key && x.Complaints == y.Complaints && x.Examples.SequenceEqual(y.Examples);

        public int GetHashCode(ProblemCluster obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
